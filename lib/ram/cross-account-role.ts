import { TerraformProvider, TerraformResource, TerraformStack, Token } from '../private/framework';
import { Construct } from 'constructs';
import { RamRole } from '../.gen/providers/alicloud/ram-role';
import { RamRolePolicyAttachment } from '../.gen/providers/alicloud/ram-role-policy-attachment';
import { Arn, PolicyDocument, Principal } from '../policy';
import {
  checkAccountId,
  checkDescription,
  checkPolicyName,
  checkRoleName,
  checkSessionDuration,
} from '../policy/private/checks';
import { throwIfInvalid } from '../private/construct-errors';
import { REVOKED_ROLES_KEY } from '../private/metadata-keys';
import { accountOfStack } from '../private/stack-account';
import { nameTakenProblems } from './private/account-names';
import { addStackNote } from '../private/stack-metadata';
import { producedString } from '../private/document-token';
import { attributeReference, dependencyOn } from '../private/resource-reference';
import { registerAppRole } from './private/app-roles';
import { IRamPolicy, PolicyReference, PolicyType } from './ram-policy';
import { checkTags } from './tags';
import { buildTrustPolicy, trustProblems } from './trust-policy';
import { roleImportId, rolePolicyAttachmentImportId } from './private/import-ids';
import { ValidationError } from '../policy/private/validation-error';

/** Properties of a `CrossAccountRole`. */
export interface CrossAccountRoleProps {
  /** Name of the role: 1-64 letters, digits, `.` and `-`. Renaming replaces the role (a new ARN). */
  readonly roleName: string;
  /**
   * Accounts whose RAM users and roles may assume the role (`acs:ram::<id>:root`). Each still needs
   * its own `sts:AssumeRole` grant in its account (see `AssumeRoleUserGrant`).
   * @default - none; give this or `trustedPrincipals`
   */
  readonly trustedAccountIds?: string[];
  /**
   * Named users or roles of other accounts, or services; a principal may carry its own conditions.
   * @default - none; give this or `trustedAccountIds`
   */
  readonly trustedPrincipals?: Principal[];
  /**
   * The account that owns the role. When given, `roleArn` is a literal string instead of a reference.
   * A role never trusts its own account or a principal of it (that is no cross-account grant, and it
   * would let in every principal of the owner holding `sts:AssumeRole` on `*`).
   * @default - the account of the enclosing `AccountStack` for the trust checks; `roleArn` stays a reference
   */
  readonly ownerAccountId?: string;
  /**
   * Revoke every trust: nobody can assume the role without a new, explicit grant. The trust policy then
   * names only the role itself (`acs:ram::<owner>:role/<roleName>`, i.e. sessions of this role, which no
   * one can get anew); no account root, so neither the owner's principals holding `AliyunSTSAssumeRoleAccess`
   * nor any partner match. Only `assume_role_policy_document` changes (an in-place `UpdateRole`); the
   * role, its ARN and its policies stay. `trustedAccountIds` and `trustedPrincipals` must then be empty,
   * and `requireMfa`, `allowedSourceIps` and `externalId` have no one to apply to and are left out. The
   * stack notes the role under `//.cdktf-xaccount.revokedRoles` for the analysis. STS tokens already
   * issued stay valid until they expire; delete the role to end them. Meant for a role that exists:
   * RAM checks that named principals exist, so creating a role revoked from the start may be refused
   * (unconfirmed); there, leave the role out until it is needed.
   * @default false
   */
  readonly revoked?: boolean;
  /**
   * What the role is for (1-1,024 characters).
   * @default - none
   */
  readonly description?: string;
  /**
   * Longest STS session of the role, in seconds (3,600-43,200).
   * @default - RAM's default, 3,600
   */
  readonly maxSessionDuration?: number;
  /**
   * An external ID the caller must pass to AssumeRole (`StringEquals sts:ExternalId`), against the confused-deputy problem.
   * @default - none
   */
  readonly externalId?: string;
  /**
   * Trust only callers that signed in with MFA (`Bool acs:MFAPresent "true"`).
   * @default false
   */
  readonly requireMfa?: boolean;
  /**
   * Trust only callers from these public IPs or CIDR blocks (`IpAddress acs:SourceIp`).
   * @default - any address
   */
  readonly allowedSourceIps?: string[];
  /**
   * System policies to attach, e.g. `AliyunECSReadOnlyAccess` (at most 20).
   * @default - none
   */
  readonly systemPolicies?: string[];
  /**
   * Custom policies of the same account to attach (`CustomPolicy`, `ScopedLogPolicy`; at most 10).
   * @default - none
   */
  readonly policies?: IRamPolicy[];
  /**
   * Tags of the role.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * The provider (account) to create the role with.
   * @default - the stack's default alicloud provider
   */
  readonly provider?: TerraformProvider;
  /**
   * The role and the attachments of `systemPolicies` and `policies` already exist (made in the console):
   * adopt them with Terraform `import` blocks instead of creating them. The first plan imports them and
   * updates in place whatever differs (such as the trust policy rewritten to canonical JSON); it never
   * replaces them. Import ids are the provider's (role name; `role:<policy>:<type>:<role>`). Policies
   * attached later with `attachPolicy` are created, not adopted. Once applied, the flag may stay or go:
   * an import block of an object already in the state does nothing.
   * @default false - the role and its attachments are created
   */
  readonly adopt?: boolean;
}

// ram-policy-reference §1.8: policies per role.
const MAX_ATTACHED: { [type: string]: number } = { [PolicyType.SYSTEM]: 20, [PolicyType.CUSTOM]: 10 };

/**
 * A RAM role in the resource account (A) that other accounts (B) may assume: the trust side of a
 * cross-account grant. B's users still need an `AssumeRoleUserGrant` in B's account.
 *
 * Revoking B is a change of `trustedAccountIds` (or `revoked: true` to revoke everyone): the trust
 * document is updated in place (`UpdateRole`), the role and its ARN stay. The role is created with
 * `force`, so deleting it detaches its policies first and invalidates sessions that were already issued.
 */
export class CrossAccountRole extends Construct {
  /** The ARN of role `roleName` in account `accountId`: `acs:ram::<accountId>:role/<roleName>`. */
  public static arnOf(accountId: string, roleName: string): string {
    // Checked here so the message names the function the caller wrote, not the internal builder.
    const problems = [...checkAccountId('accountId', accountId), ...checkRoleName('roleName', roleName)];
    if (problems.length > 0) throw new ValidationError(`CrossAccountRole.arnOf: ${problems.join('; ')}`);
    return Arn.ramRole(accountId, roleName);
  }

  /** The role's name. */
  public readonly roleName: string;
  /** The role's ARN: a literal when `ownerAccountId` is known, else a reference to the created role. */
  public readonly roleArn: string;
  /** The trust policy; rendered when the app is synthesized. */
  public readonly trustPolicy: PolicyDocument;
  /** The underlying `alicloud_ram_role`. */
  public readonly resource: RamRole;
  /** The account that owns the role, when known: `ownerAccountId`, else the enclosing `AccountStack`'s. */
  public readonly ownerAccountId?: string;
  /** True when the role is revoked (`revoked: true`): its trust policy names only the role itself. */
  public readonly revoked: boolean;
  private readonly provider?: TerraformProvider;
  private readonly attachments = new Map<string, RamRolePolicyAttachment>();
  private roleNameReference?: string;
  private adopting = false;

  constructor(scope: Construct, id: string, props: CrossAccountRoleProps) {
    super(scope, id);
    const duration = props.maxSessionDuration;
    const owner = props.ownerAccountId ?? accountOfStack(this, props.provider);
    const identity = { roleName: props.roleName, accountId: owner };
    throwIfInvalid(this, [
      ...checkRoleName('roleName', props.roleName),
      ...checkAccountId('ownerAccountId', props.ownerAccountId),
      ...checkDescription('description', props.description),
      ...checkSessionDuration(
        'maxSessionDuration',
        duration !== undefined && Token.isUnresolved(duration) ? undefined : duration,
      ),
      ...checkTags('tags', props.tags),
      ...trustProblems(props, identity),
      ...(props.systemPolicies ?? []).flatMap((name, i) => checkPolicyName(`systemPolicies[${i}]`, name)),
      ...nameTakenProblems(this, 'role', owner, props.roleName, 'roleName'),
    ]);
    this.roleName = props.roleName;
    this.provider = props.provider;
    this.ownerAccountId = owner;
    this.revoked = props.revoked ?? false;
    this.trustPolicy = buildTrustPolicy(props, identity);
    throwIfInvalid(this, this.trustPolicy.validateForTrustPolicy());

    this.resource = new RamRole(this, 'role', {
      roleName: props.roleName,
      assumeRolePolicyDocument: producedString(() => this.trustPolicy.toJsonString()),
      description: props.description,
      maxSessionDuration: props.maxSessionDuration,
      tags: props.tags,
      force: true,
      provider: props.provider,
    });
    if (props.adopt) this.resource.importFrom(roleImportId(props.roleName), props.provider);
    this.node.addValidation({ validate: () => this.trustPolicy.validateForTrustPolicy() });
    this.roleArn = props.ownerAccountId ? Arn.ramRole(props.ownerAccountId, props.roleName) : this.resource.arn;
    registerAppRole(this.node.root, this);
    if (this.revoked) {
      addStackNote(this, REVOKED_ROLES_KEY, {
        path: this.node.path,
        roleName: props.roleName,
        roleArn: Arn.ramRole(owner!, props.roleName),
      });
    }

    this.adopting = props.adopt ?? false;
    for (const name of props.systemPolicies ?? []) this.attachSystemPolicy(name);
    for (const policy of props.policies ?? []) this.attachPolicy(policy);
    this.adopting = false;
  }

  /** Attaches a system policy such as `AliyunECSReadOnlyAccess`. Attaching the same one twice is a no-op. */
  public attachSystemPolicy(policyName: string): void {
    throwIfInvalid(this, checkPolicyName('policyName', policyName));
    this.attachPolicy(PolicyReference.system(policyName));
  }

  /**
   * Attaches a policy of the role's account. The attachment's construct id comes from the policy
   * type and name (`custom-<name>`, `system-<name>`), so it never changes when others are added.
   */
  public attachPolicy(policy: IRamPolicy): void {
    const type = policy.policyType;
    throwIfInvalid(this, [
      ...checkPolicyName('policyName', policy.policyName),
      ...(type === PolicyType.SYSTEM || type === PolicyType.CUSTOM
        ? []
        : [`policyType "${type}" is not System or Custom`]),
    ]);
    const dependable = policy.dependable;
    if (dependable && Construct.isConstruct(dependable) && TerraformStack.of(dependable) !== TerraformStack.of(this)) {
      throwIfInvalid(this, [
        `policy "${policy.policyName}" is created in stack "${TerraformStack.of(dependable).node.id}", not in this role's ` +
          `stack "${TerraformStack.of(this).node.id}" (a custom policy can only be attached in its own account)`,
      ]);
    }
    const id = `${type.toLowerCase()}-${policy.policyName}`;
    if (this.attachments.has(id)) return;
    const count = Array.from(this.attachments.keys()).filter((key) => key.startsWith(`${type.toLowerCase()}-`)).length;
    if (count >= MAX_ATTACHED[type]) {
      throwIfInvalid(this, [
        `policy "${policy.policyName}" would be ${type.toLowerCase()} policy number ${count + 1} of the role ` +
          `(RAM allows ${MAX_ATTACHED[type]} ${type.toLowerCase()} policies per role)`,
      ]);
    }
    // References without creation stack traces (cdktf captures one for each of its reference tokens),
    // one role_name reference for all attachments; a resource of this stack (checked above) as depends_on.
    const sameStack = dependable !== undefined && TerraformResource.isTerraformResource(dependable);
    const attachment = new RamRolePolicyAttachment(this, id, {
      roleName: (this.roleNameReference ??= attributeReference(this.resource, 'role_name')),
      policyName: policy.policyName,
      policyType: type,
      provider: this.provider,
      dependsOn: dependable && !sameStack ? [dependable] : undefined,
    });
    if (sameStack) attachment.dependsOn = [dependencyOn(dependable as TerraformResource)];
    if (this.adopting) {
      attachment.importFrom(rolePolicyAttachmentImportId(policy.policyName, type, this.roleName), this.provider);
    }
    this.attachments.set(id, attachment);
  }
}
