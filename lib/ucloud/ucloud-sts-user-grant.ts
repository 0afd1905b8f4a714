import * as fs from 'fs';
import * as path from 'path';
import {
  addCustomSynthesis,
  ISynthesisSession,
  TerraformOutput,
  TerraformProvider,
  TerraformStack,
} from '../private/framework';
import { Construct } from 'constructs';
import { DataUcloudIamPolicy } from '../.gen/providers/ucloud/data-ucloud-iam-policy';
import { IamGroup } from '../.gen/providers/ucloud/iam-group';
import { IamGroupMembership } from '../.gen/providers/ucloud/iam-group-membership';
import { IamGroupPolicyAttachment } from '../.gen/providers/ucloud/iam-group-policy-attachment';
import { IamUser } from '../.gen/providers/ucloud/iam-user';
import { IamUserPolicyAttachment } from '../.gen/providers/ucloud/iam-user-policy-attachment';
import { quote } from '../policy/private/expression';
import { throwIfInvalid } from '../private/construct-errors';
import { grantorStepsProblems, UCloudGrantorSteps } from './grantor-steps';
import { checkUCloudName } from './private/checks';
import { UCloudAccountStack } from './ucloud-account-stack';

/** A sub-user that `UCloudStsUserGrant` creates: for API use only, console login off, no API key. */
export interface UCloudSubUserSpec {
  /** The sub-user's name. */
  readonly userName: string;
  /**
   * Display name.
   * @default - none
   */
  readonly displayName?: string;
}

/** Properties of a `UCloudStsUserGrant`. Give at least one of `userNames`, `users` and `groupName`. */
export interface UCloudStsUserGrantProps {
  /** Account A's Company ID: the account that owns the role. */
  readonly grantorCompanyId: string;
  /** The role's name in account A (the role itself is made by hand: see `grantorSteps`). */
  readonly roleName: string;
  /**
   * Account B's Company ID: this stack's account.
   * @default - the `companyId` of the enclosing `UCloudAccountStack`
   */
  readonly accessorCompanyId?: string;
  /**
   * Sub-users this construct creates (console login off) and grants.
   * @default - none
   */
  readonly users?: UCloudSubUserSpec[];
  /**
   * Existing sub-users of this account to grant.
   * @default - none
   */
  readonly userNames?: string[];
  /**
   * Create this group, make every user above a member, and attach the policy to the group instead
   * of to each user.
   * @default - the policy is attached to each user
   */
  readonly groupName?: string;
  /**
   * Passed to the produced grantor steps: the role's description.
   * @default - none
   */
  readonly roleDescription?: string;
  /**
   * Passed to the produced grantor steps: the role's maximum session duration in seconds.
   * @default - UCloud's default
   */
  readonly maxSessionDuration?: number;
  /**
   * Passed to the produced grantor steps: the policies A attaches to the role.
   * @default - none: A chooses
   */
  readonly rolePolicyUrns?: string[];
  /**
   * Write the grantor steps as Markdown next to the stack's `cdk.tf.json` when the stack is
   * synthesized (`<output>/stacks/<stack>/ucloud-grantor-steps.<path>.md`).
   * @default true
   */
  readonly writeGrantorSteps?: boolean;
  /**
   * The provider (account) to create the sub-users with: the accessor account, B.
   * @default - the stack's default ucloud provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * UCloud cross-account API access, accessor side (account B), as code: sub-users for API use only
 * (console login off, no API key created) with the `STSCreateOnlyAccess` system policy, attached to
 * each user or to a group, so they may call STS AssumeRole. UCloud documents no policy narrower than
 * that one (none scoped to one role URN), so it is the one attached; the role's trust policy in A is
 * what limits whom the call admits.
 *
 * The grantor side cannot be code: the UCloud Terraform provider has no IAM role resource. The
 * construct produces it instead (`grantorSteps`): the role URN, the trust principal, the console
 * steps and the `ucloud api` calls, as Terraform outputs and as a Markdown file in the stack's
 * output folder.
 */
export class UCloudStsUserGrant extends Construct {
  /** The role of account A that the users may assume: `ucs:iam::<A>:role/<roleName>`. */
  public readonly roleUrn: string;
  /** The principal A must add to the role's trust policy: `ucs:iam::<B>:root`. */
  public readonly trustPrincipal: string;
  /** What account A must do by hand. */
  public readonly grantorSteps: UCloudGrantorSteps;
  /** The read of the `STSCreateOnlyAccess` system policy, whose URN the attachments use. */
  public readonly stsPolicy: DataUcloudIamPolicy;
  /** Every user the grant reaches: `userNames` followed by the created users. */
  public readonly userNames: string[];
  /** The created users, in the order given. */
  public readonly createdUsers: IamUser[];
  /** The created group, when `groupName` was given. */
  public readonly group?: IamGroup;

  constructor(scope: Construct, id: string, props: UCloudStsUserGrantProps) {
    super(scope, id);
    const accessorCompanyId = props.accessorCompanyId ?? UCloudAccountStack.enclosing(this)?.companyId;
    const created = props.users ?? [];
    const existing = props.userNames ?? [];
    const all = [...existing, ...created.map((u) => u.userName)];
    const stepsProps = { ...props, accessorCompanyId: accessorCompanyId ?? '' };
    throwIfInvalid(this, [
      ...(accessorCompanyId === undefined
        ? ['accessorCompanyId is not set (give it, or create the grant in a UCloudAccountStack)']
        : grantorStepsProblems(stepsProps)),
      ...(all.length === 0 && props.groupName === undefined
        ? ['no one to grant (give userNames, users or groupName)']
        : []),
      ...all.flatMap((name, i) => checkUCloudName('user', `user name #${i + 1}`, name)),
      ...[...new Set(all.filter((name, i) => all.indexOf(name) !== i))].map(
        (name) => `user ${quote(name)} is given more than once`,
      ),
      ...checkUCloudName('group', 'groupName', props.groupName),
    ]);
    this.grantorSteps = new UCloudGrantorSteps(stepsProps);
    this.roleUrn = this.grantorSteps.roleUrn;
    this.trustPrincipal = this.grantorSteps.trustPrincipal;
    this.userNames = all;

    // The URN is read from UCloud rather than written: its form (ucs:iam::ucs:policy/<name>) is
    // documented only by example.
    this.stsPolicy = new DataUcloudIamPolicy(this, 'sts-policy', {
      name: UCloudGrantorSteps.STS_POLICY_NAME,
      type: 'System',
      provider: props.provider,
    });
    const userRefs = new Map<string, string>(existing.map((name) => [name, name]));
    this.createdUsers = created.map((spec) => {
      // login_enable defaults to true in the provider: it is always set, and no email is given (the
      // provider refuses one when login is off and generates an address itself).
      const user = new IamUser(this, `user-${spec.userName}`, {
        name: spec.userName,
        displayName: spec.displayName,
        loginEnable: false,
        provider: props.provider,
      });
      userRefs.set(spec.userName, user.name);
      return user;
    });

    // STSCreateOnlyAccess is an account-wide (global) system policy: attached without a project.
    if (props.groupName !== undefined) {
      this.group = new IamGroup(this, 'group', { name: props.groupName, provider: props.provider });
      if (userRefs.size > 0) {
        new IamGroupMembership(this, 'members', {
          groupName: this.group.name,
          userNames: [...userRefs.values()],
          provider: props.provider,
        });
      }
      new IamGroupPolicyAttachment(this, 'group-sts-policy', {
        groupName: this.group.name,
        policyUrn: this.stsPolicy.urn,
        provider: props.provider,
      });
    } else {
      for (const [name, ref] of userRefs) {
        new IamUserPolicyAttachment(this, `user-sts-policy-${name}`, {
          userName: ref,
          policyUrn: this.stsPolicy.urn,
          provider: props.provider,
        });
      }
    }

    new TerraformOutput(this, 'grantor-role-urn', {
      value: this.roleUrn,
      description: 'The role account A creates by hand (no Terraform resource exists): the RoleUrn of STS AssumeRole',
    });
    new TerraformOutput(this, 'grantor-trust-principal', {
      value: this.trustPrincipal,
      description: "The Principal account A adds to the role's trust policy (documented form)",
    });
    new TerraformOutput(this, 'grantor-trust-policy', {
      value: this.grantorSteps.trustPolicy,
      description:
        `RolePolicyDocument for CreateRole in account A. Inferred: no UCloud document shows a trust policy's ` +
        `JSON, so the key under Principal (${UCloudGrantorSteps.TRUST_PRINCIPAL_KEY}) is a guess to check first`,
    });
    if (props.writeGrantorSteps ?? true) {
      addCustomSynthesis(this, { onSynthesize: (session) => this.writeGrantorSteps(session) });
    }
  }

  /** The file name of the grantor steps: the construct path below the stack, as Terraform names are made. */
  public get grantorStepsFileName(): string {
    const stack = TerraformStack.of(this);
    const below = this.node.scopes.slice(this.node.scopes.indexOf(stack) + 1).map((c) => c.node.id);
    return `ucloud-grantor-steps.${below.join('_').replace(/[^A-Za-z0-9_-]/g, '_')}.md`;
  }

  private writeGrantorSteps(session: ISynthesisSession): void {
    const stackDir = path.join(session.outdir, session.manifest.forStack(TerraformStack.of(this)).workingDirectory);
    fs.mkdirSync(stackDir, { recursive: true });
    fs.writeFileSync(path.join(stackDir, this.grantorStepsFileName), this.grantorSteps.toMarkdown());
  }
}
