import { Fn, Op, TerraformProvider } from '../private/framework';
import { Construct } from 'constructs';
import { DataAlicloudCallerIdentity } from '../.gen/providers/alicloud/data-alicloud-caller-identity';
import { checkAccountId } from '../policy/private/checks';
import { throwIfInvalid } from '../private/construct-errors';

/** Properties of an `AccountGuard`. */
export interface AccountGuardProps {
  /** The account this stack is for. */
  readonly expectedAccountId: string;
  /**
   * A name for the stack or pipeline, used in the error message.
   * @default - the construct path
   */
  readonly label?: string;
  /**
   * The provider whose credentials are checked.
   * @default - the stack's default alicloud provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * Stops `terraform plan` when the provider's credentials belong to another account than the stack
 * is for, before anything is changed. The Alibaba provider has no `allowed_account_ids`.
 *
 * It reads `alicloud_caller_identity` (STS GetCallerIdentity with the effective, possibly assumed,
 * credentials) and checks `account_id` in a lifecycle postcondition of that read: a precondition
 * runs before the read and cannot see its result. `alicloud_account` is not used because it echoes
 * the provider's own `account_id` setting instead of asking STS.
 *
 * The postcondition alone covers a full `plan`/`apply`. `AccountStack` adds the layers that make it
 * hold for `-target` (every resource depends on the read) and for `destroy` (the main provider's
 * region is `guardedRegion`, invalid when the account differs); see the README, "Deploying".
 */
export class AccountGuard extends Construct {
  /** The caller-identity read that the check is attached to. */
  public readonly callerIdentity: DataAlicloudCallerIdentity;
  private readonly expectedAccountId: string;
  private readonly label: string;

  constructor(scope: Construct, id: string, props: AccountGuardProps) {
    super(scope, id);
    throwIfInvalid(this, checkAccountId('expectedAccountId', props.expectedAccountId));
    this.expectedAccountId = props.expectedAccountId;
    this.label = props.label ?? this.node.path;
    this.callerIdentity = new DataAlicloudCallerIdentity(this, 'caller', {
      provider: props.provider,
      lifecycle: {
        postcondition: [
          {
            condition: `\${self.account_id == "${props.expectedAccountId}"}`,
            errorMessage:
              `The credentials belong to account \${self.account_id}, but ${this.label} manages account ` +
              `${props.expectedAccountId}. Use that account's credentials; nothing was changed.`,
          },
        ],
      },
    });
  }

  /**
   * A provider `region` that depends on the identity read: `region` when the credentials belong to
   * the expected account, else a value that is no region and names the problem, so the provider
   * cannot be configured. This holds where postconditions only warn (`terraform destroy`). The
   * guard must read through another provider (an alias with the same credentials) than the one
   * configured with this region.
   */
  public guardedRegion(region: string): string {
    const refusal = `wrong credentials: not account ${this.expectedAccountId}, which ${this.label.replace(/"/g, '')} manages`;
    return Fn.conditional(Op.eq(this.callerIdentity.accountId, this.expectedAccountId), region, refusal);
  }
}
