import {
  Aspects,
  dependable,
  LocalBackend,
  OssBackend,
  TerraformDataSource,
  TerraformResource,
  TerraformStack,
} from '../private/framework';
import { Construct, IConstruct } from 'constructs';
import { AlicloudProvider } from '../.gen/providers/alicloud/provider';
import { checkAccountId } from '../policy/private/checks';
import { quote } from '../policy/private/expression';
import { throwIfInvalid } from '../private/construct-errors';
import { readableLogicalIds } from '../private/readable-logical-ids';
import { AccountGuard } from './account-guard';

/** Remote state in OSS with Tablestore locking, for pipelines. */
export interface OssStateBackendProps {
  /** The OSS bucket holding the state. */
  readonly bucket: string;
  /**
   * Region of the bucket.
   * @default - the stack's region
   */
  readonly region?: string;
  /**
   * Folder in the bucket; the state file is `<prefix>/<stack id>.tfstate`.
   * @default 'cdktf-alicloud-cross-account'
   */
  readonly prefix?: string;
  /** Tablestore endpoint for state locking, e.g. `https://tf-lock.cn-hangzhou.ots.aliyuncs.com`. */
  readonly tablestoreEndpoint: string;
  /** Tablestore table for state locking (primary key `LockID`, a string). */
  readonly tablestoreTable: string;
}

/** The role that the stack's providers assume for every call. */
export interface AccountStackAssumeRole {
  /** ARN of a RAM role in the stack's own account: `acs:ram::<accountId>:role/<name>`. */
  readonly roleArn: string;
  /**
   * The STS session name.
   * @default - the provider's default (`terraform`)
   */
  readonly sessionName?: string;
  /**
   * The external ID the role's trust policy requires.
   * @default - none
   */
  readonly externalId?: string;
}

/** Properties of an `AccountStack`. */
export interface AccountStackProps {
  /** The account this stack manages; the plan stops when the credentials belong to another. */
  readonly accountId: string;
  /** The region of the provider, e.g. `cn-hangzhou`. */
  readonly region: string;
  /**
   * A profile of the Alibaba Cloud CLI configuration (`~/.aliyun/config.json`) to take credentials from.
   * @default - credentials from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID and friends) or an ECS role
   */
  readonly profile?: string;
  /**
   * Keep state in OSS with Tablestore locking.
   * @default - local state in `terraform.<stack id>.tfstate` next to the synth output folder (`cdktf.out`), never inside it
   */
  readonly stateBackend?: OssStateBackendProps;
  /**
   * Assume this role in the stack's account for every call (recommended for pipelines). It is the
   * one guard that holds by construction: every call then runs in `accountId` or fails, also for
   * `terraform destroy -refresh=false`, which the other layers of the guard cannot stop.
   * @default - the credentials are used as they are
   */
  readonly assumeRole?: AccountStackAssumeRole;
}

const REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;
const ROLE_ARN = /^acs:ram::(\d{16}):role\/[A-Za-z0-9._-]{1,64}$/;

/** The problems of an assume_role setting for a stack of `accountId`. */
function checkAssumeRole(assumeRole: AccountStackAssumeRole | undefined, accountId: string): string[] {
  if (assumeRole === undefined) return [];
  const arn = assumeRole.roleArn;
  const match = ROLE_ARN.exec(arn);
  if (!match) {
    return [`assumeRole.roleArn ${quote(arn)} is not a RAM role ARN (acs:ram::<account ID>:role/<role name>)`];
  }
  return match[1] === accountId
    ? []
    : [
        `assumeRole.roleArn ${quote(arn)} is a role of account ${match[1]}, not of ${accountId} ` +
          '(the role must be in the account the stack manages)',
      ];
}

/**
 * One Terraform stack for one Alibaba Cloud account: its own provider, its own state, and a guard
 * that stops the plan when the credentials are for another account. Pipelines deploy each account's
 * stack with only that account's credentials; no stack references another.
 *
 * The guard has three layers: (1) every resource and data source depends on the caller-identity
 * read, so `-target` cannot skip its postcondition; (2) the read goes through a second, aliased
 * provider (`alicloud.account-guard`) with the same credentials, and the main provider's `region`
 * is invalid unless the account matches, so `destroy` cannot configure the provider; (3) the
 * `assumeRole` option makes every call run in the stack's account.
 *
 * Terraform addresses read as the construct path below the stack, joined by `_`
 * (`alicloud_ram_role.partner-log-writer_role`), without cdktf's hash suffix: construct ids are part
 * of the contract, and a rename moves a resource (use `moveTo`) instead of replacing it silently.
 */
export class AccountStack extends TerraformStack {
  /** The account this stack manages. */
  public readonly accountId: string;
  /** The provider's region. */
  public readonly region: string;
  /** The stack's alicloud provider. */
  public readonly provider: AlicloudProvider;
  /** The aliased provider, with the same credentials, that reads the caller identity for the guard. */
  public readonly guardProvider: AlicloudProvider;
  /** The wrong-account guard. */
  public readonly guard: AccountGuard;
  /** The guard read's `depends_on` address, one token for the whole stack (each new token captures a stack trace). */
  private guardAddress?: string;

  constructor(scope: Construct, id: string, props: AccountStackProps) {
    super(scope, id);
    const backend = props.stateBackend;
    throwIfInvalid(this, [
      ...checkAccountId('accountId', props.accountId),
      ...(REGION.test(props.region) ? [] : [`region ${quote(props.region)} is not a region ID (such as cn-hangzhou)`]),
      ...(backend && backend.bucket.length === 0 ? ['stateBackend.bucket is empty'] : []),
      ...(backend && !/^https:\/\/\S+$/.test(backend.tablestoreEndpoint)
        ? [`stateBackend.tablestoreEndpoint ${quote(backend.tablestoreEndpoint)} is not an https:// endpoint`]
        : []),
      ...checkAssumeRole(props.assumeRole, props.accountId),
    ]);
    // Replaces TerraformStack.allocateLogicalId for this instance (assigned: see readableLogicalIds).
    this.allocateLogicalId = readableLogicalIds(this);
    this.accountId = props.accountId;
    this.region = props.region;
    const credentials = {
      profile: props.profile,
      assumeRole: props.assumeRole && {
        roleArn: props.assumeRole.roleArn,
        sessionName: props.assumeRole.sessionName,
        externalId: props.assumeRole.externalId,
      },
    };
    this.guardProvider = new AlicloudProvider(this, 'alicloud-account-guard', {
      alias: 'account-guard',
      region: props.region,
      ...credentials,
    });
    this.guard = new AccountGuard(this, 'account-guard', {
      expectedAccountId: props.accountId,
      label: `stack "${id}"`,
      provider: this.guardProvider,
    });
    this.provider = new AlicloudProvider(this, 'alicloud', {
      region: this.guard.guardedRegion(props.region),
      ...credentials,
    });
    Aspects.of(this).add({ visit: (node) => this.dependOnGuard(node) });
    if (backend) {
      new OssBackend(this, {
        bucket: backend.bucket,
        region: backend.region ?? props.region,
        prefix: backend.prefix ?? 'cdktf-alicloud-cross-account',
        key: `${id}.tfstate`,
        encrypt: true,
        tablestoreEndpoint: backend.tablestoreEndpoint,
        tablestoreTable: backend.tablestoreTable,
        profile: props.profile,
      });
    } else {
      // Terraform runs in <output>/stacks/<id>/: three levels up is the folder that holds the synth output
      // (the app's folder for the default cdktf.out), so deleting or rewriting the output keeps the state, and
      // the relative path keeps the synthesized JSON the same on every machine.
      new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    }
  }

  /** Makes a resource or data source of this stack depend on the guard's read (layer 1). */
  private dependOnGuard(node: IConstruct): void {
    const guardRead = this.guard.callerIdentity;
    if (node === guardRead || TerraformStack.of(node) !== this) return;
    if (!TerraformResource.isTerraformResource(node) && !(node instanceof TerraformDataSource)) return;
    const element = node as TerraformResource | TerraformDataSource;
    const dependsOn = element.dependsOn ?? [];
    const address = (this.guardAddress ??= dependable(guardRead));
    if (!dependsOn.includes(address)) element.dependsOn = [...dependsOn, address];
  }
}
