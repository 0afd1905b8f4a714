import { Annotations, TerraformProvider, TerraformResource } from '../private/framework';
import { Construct, IConstruct } from 'constructs';
import { RamGroup } from '../.gen/providers/alicloud/ram-group';
import { RamGroupPolicyAttachment } from '../.gen/providers/alicloud/ram-group-policy-attachment';
import { RamUser } from '../.gen/providers/alicloud/ram-user';
import { RamUserGroupAttachment } from '../.gen/providers/alicloud/ram-user-group-attachment';
import { RamUserPolicyAttachment } from '../.gen/providers/alicloud/ram-user-policy-attachment';
import { Arn, PolicyDocument, PolicyStatement, RamLimits } from '../policy';
import { checkGroupName, checkLength, checkPolicyName, checkUserName } from '../policy/private/checks';
import { isTerraformExpression, quote } from '../policy/private/expression';
import { throwIfInvalid } from '../private/construct-errors';
import { attributeReference } from '../private/resource-reference';
import { CustomPolicy } from './custom-policy';
import { appRoles } from './private/app-roles';
import { conditionInputProblems, roleConditions } from './trust-policy';
import {
  groupImportId,
  groupPolicyAttachmentImportId,
  userGroupAttachmentImportId,
  userImportId,
  userPolicyAttachmentImportId,
} from './private/import-ids';

/** A RAM user that `AssumeRoleUserGrant` creates: no password and no AccessKey. */
export interface RamUserSpec {
  /** Logon name: 1-64 letters, digits, `.`, `_` and `-`. */
  readonly userName: string;
  /**
   * Display name.
   * @default - none
   */
  readonly displayName?: string;
  /**
   * Comment (at most 128 characters).
   * @default - none
   */
  readonly comments?: string;
  /**
   * The id of the existing user (`UserId` of `aliyun ram GetUser`), the import id when the grant has
   * `adopt: true` (the provider's documented import id of a user).
   * @default - the user name, which the provider's import also accepts
   */
  readonly userId?: string;
}

/** Properties of an `AssumeRoleUserGrant`. Give at least one of `userNames`, `users` and `groupName`. */
export interface AssumeRoleUserGrantProps {
  /** The role in the other account: `acs:ram::<16-digit account id>:role/<name>`. */
  readonly roleArn: string;
  /**
   * Existing RAM users of this account to grant.
   * @default - none
   */
  readonly userNames?: string[];
  /**
   * RAM users this construct creates and grants.
   * @default - none
   */
  readonly users?: RamUserSpec[];
  /**
   * Create this group, make every user above a member, and grant the group instead of each user.
   * @default - the grant is attached to each user
   */
  readonly groupName?: string;
  /**
   * Name of the `sts:AssumeRole` policy created here.
   * @default `AssumeRole-<role account id>-<role name with "." as "-">`
   */
  readonly policyName?: string;
  /**
   * Allow AssumeRole only with MFA (`Bool acs:MFAPresent "true"`).
   * @default false
   */
  readonly requireMfa?: boolean;
  /**
   * Allow AssumeRole only from these public IPs or CIDR blocks.
   * @default - any address
   */
  readonly allowedSourceIps?: string[];
  /**
   * The provider (account) to create the grant with: the accessor account, B.
   * @default - the stack's default alicloud provider
   */
  readonly provider?: TerraformProvider;
  /**
   * The role is not defined in this app (another team's app, the console): do not warn that no
   * `CrossAccountRole` of the app defines `roleArn`.
   * @default false - synthesis warns when no `CrossAccountRole` of the app has this ARN
   */
  readonly roleManagedElsewhere?: boolean;
  /**
   * Everything this grant would create already exists (made in the console): the AssumeRole policy,
   * the users of `users`, the group, the memberships and the policy attachments are adopted with
   * Terraform `import` blocks (the provider's import ids) instead of being created. Users of
   * `userNames` stay unmanaged; only their attachment or membership is adopted.
   * @default false - everything is created
   */
  readonly adopt?: boolean;
}

/**
 * The identity side of a cross-account grant, in the accessor account (B): a least-privilege policy
 * allowing `sts:AssumeRole` on exactly one role of account A (instead of `AliyunSTSAssumeRoleAccess`,
 * which allows every role), attached to users or to a group. RAM needs both this grant and the role's
 * trust policy (ram-policy-reference §2.3). Creates no password and no AccessKey.
 */
export class AssumeRoleUserGrant extends Construct {
  /** The AssumeRole policy. */
  public readonly policy: CustomPolicy;
  /** Every user the grant reaches: `userNames` followed by the created users. */
  public readonly userNames: string[];
  /** The group, when `groupName` was given. */
  public readonly groupName?: string;
  /** The created group, when `groupName` was given. */
  public readonly group?: RamGroup;
  /** The created users, in the order given. */
  public readonly createdUsers: RamUser[];

  constructor(scope: Construct, id: string, props: AssumeRoleUserGrantProps) {
    super(scope, id);
    const created = props.users ?? [];
    const existing = props.userNames ?? [];
    const all = [...existing, ...created.map((u) => u.userName)];
    const roleArnIsLiteral = !isTerraformExpression(props.roleArn);
    throwIfInvalid(this, [
      ...(roleArnIsLiteral && !Arn.isRoleArn(props.roleArn)
        ? [`roleArn ${quote(props.roleArn)} is not a RAM role ARN (${Arn.ROLE_ARN_FORM})`]
        : []),
      ...(all.length === 0 && props.groupName === undefined
        ? ['no one to grant (give userNames, users or groupName)']
        : []),
      ...all.flatMap((name, i) => checkUserName(`user name #${i + 1}`, name)),
      ...duplicates(all).map((name) => `user ${quote(name)} is given more than once`),
      ...created.flatMap((u) =>
        checkLength(`comments of user ${quote(u.userName)}`, u.comments, 0, RamLimits.USER_COMMENTS_MAX_LENGTH),
      ),
      ...created.flatMap((u) => userIdProblems(u, props.adopt ?? false)),
      ...checkGroupName('groupName', props.groupName),
      ...checkPolicyName('policyName', props.policyName),
      ...(!roleArnIsLiteral && props.policyName === undefined
        ? ['policyName is required when roleArn is a Terraform expression (the default name is derived from the ARN)']
        : []),
      ...conditionInputProblems(props),
    ]);

    const statement = new PolicyStatement({
      actions: ['sts:AssumeRole'],
      resources: [props.roleArn],
      conditions: roleConditions(props),
    });
    this.policy = new CustomPolicy(this, 'policy', {
      policyName: props.policyName ?? defaultPolicyName(props.roleArn),
      document: new PolicyDocument([statement]),
      description: `Lets the holder assume ${props.roleArn} and nothing else`,
      provider: props.provider,
      adopt: props.adopt,
    });
    this.userNames = all;
    this.groupName = props.groupName;
    if (!props.roleManagedElsewhere) {
      this.node.addValidation({ validate: () => warnIfRoleUndefined(this, props.roleArn) });
    }

    const adopt = (resource: TerraformResource, importId: string) => {
      if (props.adopt) resource.importFrom(importId, props.provider);
    };
    const userRefs = new Map<string, string>(existing.map((name) => [name, name]));
    this.createdUsers = created.map((spec) => {
      const user = new RamUser(this, `user-${spec.userName}`, {
        name: spec.userName,
        displayName: spec.displayName,
        comments: spec.comments,
        provider: props.provider,
      });
      adopt(user, userImportId(spec.userName, spec.userId));
      userRefs.set(spec.userName, attributeReference(user, 'name'));
      return user;
    });

    // One reference each, without a creation stack trace (cdktf captures one for each of its references).
    const policyName = attributeReference(this.policy.resource, 'policy_name');
    // Import ids are literal names; the attachments themselves keep referencing the policy resource.
    const policyLiteral = this.policy.policyName;
    if (props.groupName !== undefined) {
      this.group = new RamGroup(this, 'group', { groupName: props.groupName, force: true, provider: props.provider });
      adopt(this.group, groupImportId(props.groupName));
      const groupName = attributeReference(this.group, 'group_name');
      for (const [name, ref] of userRefs) {
        const member = new RamUserGroupAttachment(this, `member-${name}`, {
          groupName,
          userName: ref,
          provider: props.provider,
        });
        adopt(member, userGroupAttachmentImportId(props.groupName, name));
      }
      const attachment = new RamGroupPolicyAttachment(this, 'group-policy', {
        groupName,
        policyName,
        policyType: 'Custom',
        provider: props.provider,
      });
      adopt(attachment, groupPolicyAttachmentImportId(policyLiteral, 'Custom', props.groupName));
    } else {
      for (const [name, ref] of userRefs) {
        const attachment = new RamUserPolicyAttachment(this, `user-policy-${name}`, {
          userName: ref,
          policyName,
          policyType: 'Custom',
          provider: props.provider,
        });
        adopt(attachment, userPolicyAttachmentImportId(policyLiteral, 'Custom', name));
      }
    }
  }
}

/** A user id is what `GetUser` returns as `UserId`: digits only; it is only read when the grant adopts. */
function userIdProblems(user: RamUserSpec, adopt: boolean): string[] {
  if (user.userId === undefined) return [];
  if (!adopt) {
    return [
      `userId ${quote(user.userId)} of user ${quote(user.userName)} is given but adopt is not true ` +
        '(the id is the import id of an existing user; a user that is created gets its id from RAM)',
    ];
  }
  return /^\d{1,64}$/.test(user.userId)
    ? []
    : [
        `userId ${quote(user.userId)} of user ${quote(user.userName)} is not a RAM user id (digits, as GetUser's UserId)`,
      ];
}

function duplicates(values: string[]): string[] {
  return Array.from(new Set(values.filter((v, i) => values.indexOf(v) !== i)));
}

/** `AssumeRole-<account>-<role>`: policy names allow letters, digits and `-` only, so `.` becomes `-`. */
function defaultPolicyName(roleArn: string): string {
  const { accountId, roleName } = Arn.parseRoleArn(roleArn);
  return `AssumeRole-${accountId}-${roleName.replace(/\./g, '-')}`;
}

/** The roles of one app, indexed once per synthesis: each grant's check is then a lookup, not a walk of the tree. */
interface RoleIndex {
  readonly count: number;
  readonly arns: Set<string>;
  readonly accountsByName: Map<string, (string | undefined)[]>;
}
const roleIndexes = new WeakMap<IConstruct, RoleIndex>();

function rolesOf(root: IConstruct): RoleIndex {
  const roles = appRoles(root);
  const cached = roleIndexes.get(root);
  if (cached && cached.count === roles.length) return cached;
  const index: RoleIndex = { count: roles.length, arns: new Set(), accountsByName: new Map() };
  for (const role of roles) {
    index.arns.add(role.roleArn);
    index.accountsByName.set(role.roleName, [...(index.accountsByName.get(role.roleName) ?? []), role.ownerAccountId]);
  }
  roleIndexes.set(root, index);
  return index;
}

/**
 * At synthesis, warns (cdktf Annotations: printed by `cdktf synth`, kept in manifest.json) when no
 * `CrossAccountRole` of the app defines the granted role: a typo in the ARN, or a role that was
 * removed, leaves a grant that leads nowhere or to a role nobody reviews here. A role matches when its
 * `roleArn` is the same string (a reference or a literal), or when its name is the ARN's and its
 * account is the ARN's or unknown. Returns no errors: the grant is valid, only perhaps useless.
 */
function warnIfRoleUndefined(grant: AssumeRoleUserGrant, roleArn: string): string[] {
  const index = rolesOf(grant.node.root);
  const parts = Arn.isRoleArn(roleArn) ? Arn.parseRoleArn(roleArn) : undefined;
  const accounts = parts ? (index.accountsByName.get(parts.roleName) ?? []) : [];
  const defined =
    index.arns.has(roleArn) || accounts.some((account) => account === undefined || account === parts!.accountId);
  if (!defined) {
    Annotations.of(grant).addWarning(
      `${grant.node.path}: roleArn ${quote(roleArn)} is not defined by any CrossAccountRole of this app ` +
        '(check the ARN; if the role is managed elsewhere, set roleManagedElsewhere: true)',
    );
  }
  return [];
}
