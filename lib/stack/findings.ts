import { Lazy, TerraformStack } from '../private/framework';
import { IConstruct } from 'constructs';
import { compareStrings, quote } from '../policy/private/expression';
import { ACKNOWLEDGEMENTS_KEY, XACCOUNT_METADATA_KEY } from '../private/metadata-keys';
import { throwIfInvalid } from '../private/construct-errors';

/** What an acknowledgement accepts: the finding's content or fingerprint, as the access report prints them. */
export interface AcknowledgeOptions {
  /**
   * The finding's content, as the report prints it: for `XA-TRUST-NO-CONDITION` the admitted principals
   * and conditions (`acs:ram::<B>:root`), for a wildcard finding its patterns, for `XA-BROAD-SYSTEM-POLICY`
   * the policy name. Readable in review, and it can be built from the same values as the construct.
   * @default - not bound by content
   */
  readonly content?: string;
  /**
   * The finding's fingerprint, as the report prints it (12 hex digits).
   * @default - not bound by fingerprint
   */
  readonly fingerprint?: string;
}

/** One acknowledgement, as written into the synthesized stack. */
interface Acknowledgement {
  readonly findingId: string;
  readonly path: string;
  readonly reason: string;
  readonly content?: string;
  readonly fingerprint?: string;
}

const registry = new WeakMap<TerraformStack, Acknowledgement[]>();

/**
 * Acknowledges access-report findings in code. The report lists acknowledged findings with their
 * reason instead of hiding them, and `cdktf-xaccount check` no longer fails on them.
 *
 * An acknowledgement is bound to what it accepts (`content` or `fingerprint`, both printed by the
 * report): when the finding's content changes, for example another account added to the same trust
 * statement, the finding is open again with a message saying the acknowledged content changed. An
 * acknowledgement that names neither acknowledges nothing: the finding stays open and its message
 * gives the content and fingerprint to bind it to.
 */
export class Findings {
  /**
   * Acknowledges finding `findingId` (such as `XA-TRUST-NO-CONDITION`) for `scope` and everything
   * below it, with the reason a reviewer will read, as long as the finding's content is the one named
   * by `options` (see the class documentation).
   */
  public static acknowledge(
    scope: IConstruct,
    findingId: string,
    reason: string,
    options: AcknowledgeOptions = {},
  ): void {
    const { content, fingerprint } = options;
    throwIfInvalid(scope, [
      ...(fingerprint === undefined || /^[0-9a-f]{12}$/.test(fingerprint)
        ? []
        : [`fingerprint ${quote(fingerprint)} is not a finding fingerprint (12 hex digits, as the report prints it)`]),
      ...(content === undefined || content.trim().length > 0
        ? []
        : [`acknowledged content ${quote(content)} is empty (give the finding's content as the report prints it)`]),
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
    list.push({ findingId, path: scope.node.path, reason: reason.trim(), content, fingerprint });
  }

  private constructor() {}
}
