import { LocalBackend, OssBackend, TerraformElement, TerraformStack } from 'cdktf';
import { Construct, Node } from 'constructs';
import { AlicloudProvider } from '../.gen/providers/alicloud/provider';
import { checkAccountId } from '../policy/private/checks';
import { quote } from '../policy/private/expression';
import { throwIfInvalid } from '../private/construct-errors';
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
}

const REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;

/**
 * One Terraform stack for one Alibaba Cloud account: its own provider, its own state, and a guard
 * that stops the plan when the credentials are for another account. Pipelines deploy each account's
 * stack with only that account's credentials; no stack references another.
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
  /** The wrong-account guard. */
  public readonly guard: AccountGuard;
  private readonly logicalIds = new Map<string, string>();

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
    ]);
    // Replaces TerraformStack.allocateLogicalId for this instance. A declared override would be the
    // natural form, but jsii 5.9 rejects it (JSII5006: it compares the members of the parameter's
    // union type `Node | TerraformElement` in declaration order), so it is assigned instead.
    this.allocateLogicalId = (element) => this.readableLogicalId(element);
    this.accountId = props.accountId;
    this.region = props.region;
    this.provider = new AlicloudProvider(this, 'alicloud', { region: props.region, profile: props.profile });
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
    this.guard = new AccountGuard(this, 'account-guard', {
      expectedAccountId: props.accountId,
      label: `stack "${id}"`,
    });
  }

  /** Readable, hash-free logical ids; two constructs that would get the same id are an error. */
  private readableLogicalId(element: Node | TerraformElement): string {
    const node = TerraformElement.isTerraformElement(element) ? element.node : (element as Node);
    const components = node.scopes
      .slice(node.scopes.indexOf(this) + 1)
      .map((c) => c.node.id)
      .filter((c) => c !== 'Default' && c !== 'Resource');
    const sanitized = components.join('_').replace(/[^A-Za-z0-9_-]/g, '_');
    const logicalId = /^[A-Za-z_]/.test(sanitized) ? sanitized : `_${sanitized}`;
    const earlier = this.logicalIds.get(logicalId);
    if (earlier !== undefined && earlier !== node.path) {
      throw new Error(
        `${node.path}: Terraform name "${logicalId}" is already used by ${earlier} (rename one of the constructs)`,
      );
    }
    this.logicalIds.set(logicalId, node.path);
    return logicalId;
  }
}
