import { TerraformProvider, TerraformStack } from './framework';
import { IConstruct } from 'constructs';

/** What a stack that belongs to one account (`AccountStack`) says about itself. */
interface AccountScopedStack {
  readonly accountId?: unknown;
  readonly provider?: unknown;
}

/**
 * The account a construct's resources are created in, when the construct tree says so: a stack that
 * names its 16-digit `accountId` and its own `provider` (an `AccountStack`), used with that provider.
 * With another (aliased) provider the resources may belong to another account, so the answer is
 * undefined, as it is in a plain stack. Read by shape, not by class: the constructs (lib/ram, lib/log)
 * do not depend on lib/stack (DESIGN.md, layers).
 */
export function accountOfStack(scope: IConstruct, provider: TerraformProvider | undefined): string | undefined {
  const stack = TerraformStack.of(scope) as TerraformStack & AccountScopedStack;
  const accountId = stack.accountId;
  if (typeof accountId !== 'string' || !/^\d{16}$/.test(accountId)) return undefined;
  if (!(stack.provider instanceof TerraformProvider)) return undefined;
  return provider === undefined || provider === stack.provider ? accountId : undefined;
}
