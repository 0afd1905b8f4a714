import { TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { AccountStack } from '../stack/account-stack';

/**
 * The account a construct's resources are created in, when the construct tree says so: an
 * `AccountStack` whose own provider the construct uses. With another (aliased) provider the
 * resources may belong to another account, so the answer is undefined, as it is in a plain stack.
 */
export function accountOfStack(scope: IConstruct, provider: TerraformProvider | undefined): string | undefined {
  const stack = TerraformStack.of(scope);
  if (!(stack instanceof AccountStack)) return undefined;
  return provider === undefined || provider === stack.provider ? stack.accountId : undefined;
}
