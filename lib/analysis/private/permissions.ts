import { Effect, PolicyDocument, PolicyStatement } from '../../policy';
import { compareStrings } from '../../policy/private/expression';
import { GraphPolicy, GraphRole, PermissionSummary } from '../graph-model';
import { describeAction, describeConditions, describeResource } from './describe';
import { addTo } from '../../policy/private/multimap';
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
  eachStatement(role, (statement, { conditions, actionWords }, policy) => {
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
  });
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

/** The number of actions allowed on a resource under one set of conditions (`allowedCounts`). */
export interface AllowedCount {
  readonly resource: string;
  readonly count: number;
}

/**
 * What the one-row-per-role table shows of `permissionSummaries(role, false)`: for each summary that allows
 * something, its resource and the number of its allowed actions, in the same order; without the summaries'
 * sets of denied actions and policy names, which the table does not show (a fifth of a large report's markdown).
 */
export function allowedCounts(role: GraphRole): AllowedCount[] {
  // Entries of (resource, conditions), as permissionSummaries groups, in one list searched from the end (a role
  // has a few; an index by resource only past LINEAR): the words of one statement are distinct, so a set
  // is made only where a second statement adds to an entry.
  const entries: CountEntry[] = [];
  let index: Map<string, CountEntry[]> | undefined;
  eachStatement(role, (statement, { conditions, actionWords }) => {
    if (statement.effect === Effect.DENY) return; // a Deny adds no allowed action to any summary
    for (const resource of statement.resources) {
      if (index === undefined && entries.length > LINEAR) {
        index = new Map();
        for (const e of entries) addTo(index, e.resource, e);
      }
      const same = index === undefined ? entries : (index.get(resource) ?? []);
      let entry: CountEntry | undefined;
      for (let i = same.length - 1; i >= 0 && !entry; i--) {
        if (same[i].resource === resource && same[i].conditions === conditions) entry = same[i];
      }
      if (!entry) {
        entry = { resource, conditions, words: actionWords };
        entries.push(entry);
        if (index) addTo(index, resource, entry);
      } else {
        const words = entry.words instanceof Set ? entry.words : new Set(entry.words);
        for (const w of actionWords) words.add(w);
        entry.words = words;
      }
    }
  });
  if (entries.length > 1) {
    sortBy(entries, (a, b) => compareStrings(a.resource, b.resource) || compareStrings(a.conditions, b.conditions));
  }
  const counts: AllowedCount[] = [];
  for (const e of entries) {
    const count = e.words instanceof Set ? e.words.size : e.words.length;
    if (count > 0) counts.push({ resource: e.resource, count });
  }
  return counts;
}

/** Entries past which `allowedCounts` indexes its entries by resource. */
const LINEAR = 32;

/** An entry of `allowedCounts`: the words of one statement, or a set once another statement adds to them. */
interface CountEntry {
  readonly resource: string;
  readonly conditions: string;
  words: readonly string[] | Set<string>;
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
/** Calls `visit` with each statement of the role's known documents, its words and its policy. */
function eachStatement(
  role: GraphRole,
  visit: (statement: PolicyStatement, words: StatementWords, policy: GraphPolicy) => void,
): void {
  for (const policy of role.policies) {
    if (!policy.document) continue;
    const statements = policy.document.statements;
    const words = wordsOfDocument(policy, policy.document);
    for (let i = 0; i < statements.length; i++) visit(statements[i], words[i], policy);
  }
}

/** The words of the system policies' statements (a fixed set of documents, shared by thousands of roles). */
const systemWords = new Map<PolicyDocument, { count: number; words: StatementWords[] }>();

/**
 * The words of each statement of a policy's document, in order: a system policy's computed once per statement
 * count (a document only ever grows), a custom policy's each time (a report asks once or twice per role, and
 * a weak-map entry per document cost more than the words: each action's are looked up in `describeAction`'s cache).
 */
function wordsOfDocument(policy: GraphPolicy, document: PolicyDocument): StatementWords[] {
  const statements = document.statements;
  if (policy.policyType !== 'System') return statements.map(wordsOf);
  let entry = systemWords.get(document);
  if (entry === undefined || entry.count !== statements.length) {
    entry = { count: statements.length, words: statements.map(wordsOf) };
    systemWords.set(document, entry);
  }
  return entry.words;
}

/** The words of a statement: its conditions, and its actions (a NotAction as "everything except ..."). */
function wordsOf(statement: PolicyStatement): StatementWords {
  // A NotAction is "everything except" the action described: `everything except ram:* (every ram action)`.
  const actionWords =
    statement.actions.length > 0
      ? statement.actions.map(describeAction)
      : statement.notActions.map((a) => `everything except ${describeAction(a)}`);
  return { conditions: describeConditions(statement.conditions), actionWords };
}
