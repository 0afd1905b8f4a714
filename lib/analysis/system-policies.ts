import { PolicyDocument } from '../policy';

/** A system policy's document as this tool knows it, with where and when it was read. */
export interface SystemPolicySnapshot {
  /** The policy's name, e.g. `AliyunECSReadOnlyAccess`. */
  readonly policyName: string;
  /** The document. */
  readonly document: PolicyDocument;
  /** Where the content comes from and how current it is. */
  readonly source: string;
  /** The scoped construct to use instead, when there is one. */
  readonly narrowerAlternative?: string;
}

// ram-policy-reference §2.3, §4.4 and §5. Alibaba updates system policies without notice, so each
// entry says where it comes from; the table as a whole is the reference's snapshot of 2026-08.
const TABLE: { [name: string]: { statements: object[]; source: string; narrower?: string } } = {
  AliyunSTSAssumeRoleAccess: {
    statements: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: '*' }],
    source: 'v1 of 2017-04-27 (alibabacloud.com developer reference)',
    narrower: 'AssumeRoleUserGrant (sts:AssumeRole on one role)',
  },
  AliyunFCReadOnlyAccess: {
    statements: [{ Action: ['fc:Get*', 'fc:List*'], Effect: 'Allow', Resource: '*' }],
    source: 'v1 of 2017-05-17 (alibabacloud.com developer reference)',
  },
  AliyunFCFullAccess: {
    statements: [
      { Action: 'fc:*', Effect: 'Allow', Resource: '*' },
      {
        Action: 'ram:PassRole',
        Condition: { StringEquals: { 'acs:Service': 'fc.aliyuncs.com' } },
        Effect: 'Allow',
        Resource: '*',
      },
    ],
    source: 'alibabacloud.com developer reference (retrieved 2026)',
    narrower: 'a CustomPolicy with the fc actions and functions needed',
  },
  AliyunECSReadOnlyAccess: {
    statements: [
      { Action: 'ecs:Describe*', Effect: 'Allow', Resource: '*' },
      { Action: 'ecs:List*', Effect: 'Allow', Resource: '*' },
      { Action: ['vpc:DescribeVSwitches', 'vpc:DescribeVpcs'], Effect: 'Allow', Resource: '*' },
    ],
    source: 'ECS system policies page (doc-detail/273911); current version UNCONFIRMED',
  },
  AliyunECSFullAccess: {
    statements: [
      { Action: 'ecs:*', Effect: 'Allow', Resource: '*' },
      { Action: ['vpc:DescribeVSwitches', 'vpc:DescribeVpcs'], Effect: 'Allow', Resource: '*' },
    ],
    source: 'ECS system policies page (doc-detail/273911); current version UNCONFIRMED',
    narrower: 'a CustomPolicy with the ecs actions and instances needed',
  },
  AliyunLogFullAccess: {
    statements: [{ Action: 'log:*', Effect: 'Allow', Resource: '*' }],
    source: 'SLS documentation of 2018-2019; current version not retrieved',
    narrower: 'ScopedLogPolicy (LogGrant.write/consume/read on one logstore)',
  },
  AliyunLogReadOnlyAccess: {
    statements: [{ Action: ['log:Get*', 'log:List*'], Effect: 'Allow', Resource: '*' }],
    source: 'SLS documentation of 2018-2019; current version not retrieved',
    narrower: 'ScopedLogPolicy (LogGrant.read on one logstore)',
  },
};

/** The documents of the system policies named in the scenarios, for analysis. */
export class SystemPolicies {
  /** When the reference these documents come from was compiled. */
  public static readonly SNAPSHOT = 'ram-policy-reference §5, 2026-08';

  /** The snapshot of a system policy, or undefined when this tool does not know its content. */
  public static lookup(policyName: string): SystemPolicySnapshot | undefined {
    if (!SystemPolicies.cache.has(policyName)) SystemPolicies.cache.set(policyName, SystemPolicies.read(policyName));
    return SystemPolicies.cache.get(policyName);
  }

  private static readonly cache = new Map<string, SystemPolicySnapshot | undefined>();

  private static read(policyName: string): SystemPolicySnapshot | undefined {
    // Own entries only: `constructor` or `__proto__` is a policy name nobody knows, not a property of every object.
    if (!Object.prototype.hasOwnProperty.call(TABLE, policyName)) return undefined;
    const entry = TABLE[policyName];
    return {
      policyName,
      document: PolicyDocument.fromJson(JSON.stringify({ Statement: entry.statements, Version: '1' })),
      source: entry.source,
      narrowerAlternative: entry.narrower,
    };
  }

  /** Names of every system policy this tool knows. */
  public static known(): string[] {
    return Object.keys(TABLE).sort();
  }

  private constructor() {}
}
