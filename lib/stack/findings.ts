import { Lazy, TerraformStack } from '../private/framework';
import { IConstruct } from 'constructs';
import { compareStrings, quote } from '../policy/private/expression';
import { ACKNOWLEDGEMENTS_KEY, XACCOUNT_METADATA_KEY } from '../private/metadata-keys';
import { throwIfInvalid } from '../private/construct-errors';

/** One acknowledgement, as written into the synthesized stack. */
interface Acknowledgement {
  readonly findingId: string;
  readonly path: string;
  readonly reason: string;
}

const registry = new WeakMap<TerraformStack, Acknowledgement[]>();

/**
 * Acknowledges access-report findings in code. The report lists acknowledged findings with their
 * reason instead of hiding them, and `cdktf-xaccount check` no longer fails on them.
 */
export class Findings {
  /**
   * Acknowledges finding `findingId` (such as `XA-TRUST-NO-CONDITION`) for `scope` and everything
   * below it, with the reason a reviewer will read.
   */
  public static acknowledge(scope: IConstruct, findingId: string, reason: string): void {
    throwIfInvalid(scope, [
      ...(/^XA-[A-Z0-9-]+$/.test(findingId)
        ? []
        : [`finding id ${quote(findingId)} is not a finding id (such as XA-TRUST-NO-CONDITION)`]),
      ...(reason.trim().length >= 10
        ? []
        : [`acknowledgement reason ${quote(reason)} is too short (say why, in at least 10 characters)`]),
    ]);
    const stack = TerraformStack.of(scope);
    let list = registry.get(stack);
    if (!list) {
      list = [];
      registry.set(stack, list);
      const entries = list;
      // Terraform ignores the `//` key; the analysis layer reads it from cdk.tf.json.
      stack.addOverride(
        `//.${XACCOUNT_METADATA_KEY}.${ACKNOWLEDGEMENTS_KEY}`,
        Lazy.anyValue({
          produce: () =>
            [...entries].sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.findingId, b.findingId)),
        }),
      );
    }
    list.push({ findingId, path: scope.node.path, reason: reason.trim() });
  }

  private constructor() {}
}
