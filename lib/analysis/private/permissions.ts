import { Effect, PolicyStatement } from '../../policy';
import { compareStrings } from '../../policy/private/expression';
import { GraphRole, PermissionSummary } from '../graph-model';
import { describeAction, describeConditions, describeResource } from './describe';
import { sortBy, sortStrings } from './sort';

/**
 * What the role may do, grouped by resource pattern and conditions, from the documents of its policies,
 * sorted by resource and conditions. Without `describe`, `resourceWords` is left empty: the one-row-per-role
 * table of a large report shows only the counts and patterns, and the words cost a regular expression and
 * a few strings per resource of every role.
 */
export function permissionSummaries(role: GraphRole, describe: boolean): PermissionSummary[] {
  // By resource, then by conditions: most resources have one entry, and no key string is built per statement.
  const byResource = new Map<string, PermissionEntry[]>();
  for (const policy of role.policies) {
    for (const statement of policy.document?.statements ?? []) {
      const { conditions, actionWords } = wordsOf(statement);
      for (const resource of statement.resources) {
        let entries = byResource.get(resource);
        if (!entries) byResource.set(resource, (entries = []));
        let entry = entries.find((e) => e.conditions === conditions);
        if (!entry) {
          entry = { resource, allowed: new Set(), denied: undefined, conditions, policies: new Set() };
          entries.push(entry);
        }
        const words = statement.effect === Effect.DENY ? (entry.denied ??= new Set()) : entry.allowed;
        for (const w of actionWords) words.add(w);
        entry.policies.add(policy.policyName);
      }
    }
  }
  const summaries: PermissionSummary[] = [];
  for (const entries of byResource.values()) {
    for (const e of entries) {
      summaries.push({
        resource: e.resource,
        resourceWords: describe ? describeResource(e.resource) : '',
        allowed: sorted(e.allowed),
        denied: sorted(e.denied),
        conditions: e.conditions,
        policies: sorted(e.policies),
      });
    }
  }
  if (summaries.length > 1) {
    sortBy(summaries, (a, b) => compareStrings(a.resource, b.resource) || compareStrings(a.conditions, b.conditions));
  }
  return summaries;
}

/** What a role may do on one resource under one set of conditions, while its summary is collected. */
interface PermissionEntry {
  readonly resource: string;
  readonly allowed: Set<string>;
  denied: Set<string> | undefined;
  readonly conditions: string;
  readonly policies: Set<string>;
}

/** The values sorted (as `Array.prototype.sort` orders strings); a sort of one value or none is skipped. */
function sorted(values: Set<string> | undefined): string[] {
  if (values === undefined) return [];
  const list = Array.from(values);
  return sortStrings(list);
}

/** A statement's conditions and actions in words. */
interface StatementWords {
  readonly conditions: string;
  readonly actionWords: string[];
}
const statementWords = new WeakMap<PolicyStatement, StatementWords>();

/** The words of a statement, computed once: system policies' statements are shared by thousands of roles. */
function wordsOf(statement: PolicyStatement): StatementWords {
  let words = statementWords.get(statement);
  if (!words) {
    // A NotAction is "everything except" the action described: `everything except ram:* (every ram action)`.
    const actionWords =
      statement.actions.length > 0
        ? statement.actions.map(describeAction)
        : statement.notActions.map((a) => `everything except ${describeAction(a)}`);
    words = { conditions: describeConditions(statement.conditions), actionWords };
    statementWords.set(statement, words);
  }
  return words;
}
