import { ITerraformDependable, TerraformProvider } from '../private/framework';
import { Construct } from 'constructs';
import { PolicyDocument } from '../policy';
import { checkAccountId } from '../policy/private/checks';
import { isTerraformExpression, quote } from '../policy/private/expression';
import { throwIfInvalid } from '../private/construct-errors';
import { CustomPolicy } from '../ram/custom-policy';
import { IRamPolicy, PolicyType } from '../ram/ram-policy';
import { accountOfStack } from '../private/stack-account';
import { LogGrant } from './log-grant';

/** Properties of a `ScopedLogPolicy`. */
export interface ScopedLogPolicyProps {
  /** Name of the custom policy: 1-128 letters, digits and `-`. */
  readonly policyName: string;
  /** What the policy allows; at least one grant. */
  readonly grants: LogGrant[];
  /**
   * Account that owns the projects (account A). Naming it keeps the policy from matching a project of
   * the same name in another account. `"*"` (any owner) must be written out; it is never a default.
   * @default - the account of the enclosing `AccountStack` when the policy uses that stack's provider;
   * anywhere else (a plain stack, another provider) it is required
   */
  readonly projectOwnerAccountId?: string;
  /**
   * Region of the projects, e.g. `cn-hangzhou`.
   * @default '*'
   */
  readonly region?: string;
  /**
   * What the policy is for.
   * @default - a sentence listing the grants
   */
  readonly description?: string;
  /**
   * The provider (account) to create the policy with.
   * @default - the stack's default alicloud provider
   */
  readonly provider?: TerraformProvider;
  /**
   * The policy already exists: adopt it with a Terraform `import` block instead of creating it (see `CustomPolicyProps.adopt`).
   * @default false - the policy is created
   */
  readonly adopt?: boolean;
}

/**
 * A custom policy with exactly the Log Service actions of its grants, each on the narrowest resource
 * its API requests: one logstore, one consumer group, never a prefix wildcard.
 */
export class ScopedLogPolicy extends Construct implements IRamPolicy {
  /** The policy's name. */
  public readonly policyName: string;
  /** Always `Custom`. */
  public readonly policyType: string = PolicyType.CUSTOM;
  /** The canonical permissions. */
  public readonly document: PolicyDocument;
  /** The custom policy this construct creates. */
  public readonly policy: CustomPolicy;
  /** The resource attachments wait for (the `alicloud_ram_policy`). */
  public readonly dependable?: ITerraformDependable;

  constructor(scope: Construct, id: string, props: ScopedLogPolicyProps) {
    super(scope, id);
    const region = props.region ?? '*';
    const owner = props.projectOwnerAccountId ?? accountOfStack(this, props.provider);
    throwIfInvalid(this, [
      ...(owner === undefined
        ? [
            "projectOwnerAccountId is not given and the policy is not in an AccountStack with that stack's provider, " +
              'so the project owner is unknown (give account A\'s 16-digit ID, or "*" for a project of that name in any account)',
          ]
        : []),
      ...(props.grants.length === 0 ? ['grants is empty (give at least one LogGrant)'] : []),
      ...props.grants.flatMap((grant) => grant.validate()),
      ...(owner === undefined || owner === '*' ? [] : checkAccountId('projectOwnerAccountId', owner)),
      ...(region === '*' || isTerraformExpression(region) || /^[a-z]{2}(-[a-z0-9]+)+$/.test(region)
        ? []
        : [`region ${quote(region)} is not a region ID (such as cn-hangzhou) or "*"`]),
    ]);
    this.policyName = props.policyName;
    const options = { region, projectOwnerAccountId: owner };
    this.document = new PolicyDocument(props.grants.flatMap((grant) => grant.toStatements(options)));
    this.policy = new CustomPolicy(this, 'Resource', {
      policyName: props.policyName,
      document: this.document,
      description: props.description ?? describe(props.grants),
      provider: props.provider,
      adopt: props.adopt,
    });
    this.dependable = this.policy.resource;
  }
}

function describe(grants: LogGrant[]): string {
  const parts = grants.map((g) =>
    g.consumerGroup
      ? `${g.access} ${g.project}/${g.logstore} as ${g.consumerGroup}`
      : `${g.access} ${g.project}/${g.logstore}`,
  );
  const text = `Log Service: ${Array.from(new Set(parts)).sort().join('; ')}`;
  return text.length <= 1024 ? text : `${text.slice(0, 1021)}...`;
}
