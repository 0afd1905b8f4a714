import { LocalBackend, TerraformStack } from '../private/framework';
import { Construct, IConstruct } from 'constructs';
import { UcloudProvider } from '../.gen/providers/ucloud/provider';
import { isTerraformExpression, quote } from '../policy/private/expression';
import { throwIfInvalid } from '../private/construct-errors';
import { readableLogicalIds } from '../private/readable-logical-ids';
import { checkCompanyId, checkSessionName } from './private/checks';

/** The role that the stack's provider assumes for every call (the provider's `assume_role` block). */
export interface UCloudAccountStackAssumeRole {
  /** URN of a role in the stack's own account: `ucs:iam::<companyId>:role/<name>`. */
  readonly roleUrn: string;
  /** The STS session name (1-64 letters, digits, `_`, `-` and `.`). */
  readonly sessionName: string;
}

/** Properties of a `UCloudAccountStack`. */
export interface UCloudAccountStackProps {
  /** The Company ID of the account this stack manages. */
  readonly companyId: string;
  /** The provider's region, e.g. `cn-bj2`. */
  readonly region: string;
  /**
   * The provider's project (`project_id`, e.g. `org-xxxxxx`). The provider requires one even though
   * IAM users, groups and their policy attachments are account-wide.
   */
  readonly projectId: string;
  /**
   * A profile of the UCloud CLI configuration to take credentials from.
   * @default - credentials from the environment (UCLOUD_PUBLIC_KEY, UCLOUD_PRIVATE_KEY)
   */
  readonly profile?: string;
  /**
   * Assume this role of the stack's own account for every call: then every call runs in
   * `companyId` or fails, whatever account the credentials belong to.
   * @default - the credentials are used as they are
   */
  readonly assumeRole?: UCloudAccountStackAssumeRole;
}

const REGION = /^[a-z]{2}(-[a-z0-9]+)*$/;
const ROLE_URN = /^ucs:iam::(\d+):role\/\S+$/;

/** The problems of an assume_role setting for a stack of `companyId`. */
function checkAssumeRole(assumeRole: UCloudAccountStackAssumeRole | undefined, companyId: string): string[] {
  if (assumeRole === undefined) return [];
  const problems = checkSessionName('assumeRole.sessionName', assumeRole.sessionName);
  const match = ROLE_URN.exec(assumeRole.roleUrn);
  if (!match) {
    return [
      ...problems,
      `assumeRole.roleUrn ${quote(assumeRole.roleUrn)} is not a role URN (ucs:iam::<Company ID>:role/<name>)`,
    ];
  }
  return match[1] === companyId
    ? problems
    : [
        ...problems,
        `assumeRole.roleUrn ${quote(assumeRole.roleUrn)} is a role of account ${match[1]}, not of ${companyId} ` +
          '(the role must be in the account the stack manages)',
      ];
}

/**
 * One Terraform stack for one UCloud account, with its own `ucloud` provider and local state in
 * `terraform.<stack id>.tfstate` next to the synth output (as `AccountStack` keeps it), and the same
 * readable Terraform names (the construct path below the stack, joined by `_`).
 *
 * Unlike `AccountStack` it has no wrong-account guard: no data source of the UCloud provider returns
 * the Company ID of the credentials, so nothing can compare it at plan time. `assumeRole` is the one
 * guard available: with a role of the stack's own account, every call runs in that account.
 */
export class UCloudAccountStack extends TerraformStack {
  /** The UCloud account stack that `scope` is in, if any. */
  public static enclosing(scope: IConstruct): UCloudAccountStack | undefined {
    const stack = TerraformStack.of(scope);
    return stack instanceof UCloudAccountStack ? stack : undefined;
  }

  /** The Company ID of the account this stack manages. */
  public readonly companyId: string;
  /** The stack's ucloud provider. */
  public readonly provider: UcloudProvider;

  constructor(scope: Construct, id: string, props: UCloudAccountStackProps) {
    super(scope, id);
    throwIfInvalid(this, [
      ...checkCompanyId('companyId', props.companyId),
      ...(REGION.test(props.region)
        ? []
        : [`region ${quote(props.region)} is not a UCloud region ID (such as cn-bj2)`]),
      ...(!isTerraformExpression(props.projectId) && !/^\S+$/.test(props.projectId)
        ? [`projectId ${quote(props.projectId)} is not a project ID (such as org-xxxxxx)`]
        : []),
      ...checkAssumeRole(props.assumeRole, props.companyId),
    ]);
    this.allocateLogicalId = readableLogicalIds(this);
    this.companyId = props.companyId;
    this.provider = new UcloudProvider(this, 'ucloud', {
      region: props.region,
      projectId: props.projectId,
      profile: props.profile,
      assumeRole: props.assumeRole && {
        roleUrn: props.assumeRole.roleUrn,
        sessionName: props.assumeRole.sessionName,
      },
    });
    // Terraform runs in <output>/stacks/<id>/: the state stays next to the output folder (see AccountStack).
    new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
  }
}
