import { Lazy, TerraformStack } from './framework';
import { IConstruct } from 'constructs';
import { compareStrings } from '../policy/private/expression';
import { XACCOUNT_METADATA_KEY } from './metadata-keys';

/** One note for the analysis layer; `path` is the construct path it is about. */
export interface StackNote {
  readonly path: string;
  readonly [field: string]: string;
}

const registry = new WeakMap<TerraformStack, Map<string, StackNote[]>>();

/**
 * Adds a note to list `key` under the stack's `//` comment key (`//.cdktf-xaccount.<key>`), which
 * Terraform ignores and the analysis reads from cdk.tf.json. The list is sorted by path when the
 * stack is synthesized, so the output does not depend on the order constructs were made in.
 */
export function addStackNote(scope: IConstruct, key: string, note: StackNote): void {
  const stack = TerraformStack.of(scope);
  let lists = registry.get(stack);
  if (!lists) {
    lists = new Map();
    registry.set(stack, lists);
  }
  let list = lists.get(key);
  if (!list) {
    const entries: StackNote[] = [];
    list = entries;
    lists.set(key, entries);
    stack.addOverride(
      `//.${XACCOUNT_METADATA_KEY}.${key}`,
      Lazy.anyValue({ produce: () => [...entries].sort((a, b) => compareStrings(a.path, b.path)) }),
    );
  }
  list.push(note);
}
