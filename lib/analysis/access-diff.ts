import { Condition } from '../policy';
import { conditionIdentity } from '../policy/condition';
import { AccessGraph } from './access-graph';
import { Decision } from './decision';
import { AssumeResult } from './graph-model';
import { PolicyEvaluator } from './policy-evaluator';
import { conditionSetsOf, Trial, trialsOf } from './private/assumer-rows';
import { allCandidateContexts, candidateContexts, RequestContext, undecidedKeys } from './private/satisfying-context';
import { MFA_ONLY, qualifiersOf } from './private/reachability-words';

/** One fact of access that a change added or removed. */
interface Fact {
  readonly text: string;
  /** True when gaining this fact means more access (an Allow); false for a Deny. */
  readonly grants: boolean;
}

/** An allowed assumer row of a role, by principal and role. */
interface Entry {
  readonly row: AssumeResult;
  readonly sets: string[][];
}

function assumeText(roleArn: string, r: AssumeResult): string {
  return `${r.principal} can assume ${roleArn}${r.conditions ? ` when ${r.conditions}` : ''}` + qualifiersOf(r);
}

function factsOf(graph: AccessGraph): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  const add = (text: string, grants: boolean) => facts.set(text, { text, grants });
  for (const role of graph.roles) {
    for (const r of graph.assumersOf(role).filter((a) => a.decision === Decision.ALLOW)) {
      add(assumeText(role.arn, r), true);
    }
    for (const p of graph.permissionsOf(role)) {
      const when = p.conditions ? ` when ${p.conditions}` : '';
      p.allowed.forEach((a) => add(`${role.arn} may ${a} on ${p.resource}${when}`, true));
      p.denied.forEach((a) => add(`${role.arn} is denied ${a} on ${p.resource}${when}`, false));
    }
  }
  return facts;
}

function entriesOf(graph: AccessGraph): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const identities = (set: Condition[]) => set.map(conditionIdentity);
  for (const role of graph.roles) {
    for (const row of graph.assumersOf(role).filter((a) => a.decision === Decision.ALLOW)) {
      entries.set(`${row.principal}\u0000${role.arn}`, { row, sets: conditionSetsOf(row).map(identities) });
    }
  }
  return entries;
}

/** Whether one of the trials lets its caller in with this request context. */
function admits(trials: readonly Trial[], context: RequestContext): boolean {
  return trials.some(
    (t) =>
      PolicyEvaluator.evaluateAssumeRole(t.policies, t.trustPolicy, t.callerArn, t.roleArn, context) === Decision.ALLOW,
  );
}

/** Why the candidate contexts cannot show that head lets in nothing new: the words of a review-by-hand line. */
interface Undecided {
  readonly undecided: string;
}

/**
 * What head's trials let in that base's do not, asked of the evaluator over the candidate contexts of every
 * condition of both sides' documents (each key absent, at a boundary value of a condition on it, or in each
 * way its conditions hold or fail together; Deny statements' conditions included): a request context as a
 * witness, `Undecided` when the candidates cannot tell (too many combinations to try, conditions no
 * candidates decide exactly; then nothing may be said to be covered), or undefined when none is new.
 */
function newlyAdmitted(head: readonly Trial[], base: readonly Trial[]): RequestContext | Undecided | undefined {
  // The same questions about the same documents (canonical JSON) have the same answers.
  if (head.length === base.length && head.every((t, i) => sameTrial(t, base[i]))) return undefined;
  const conditions = conditionsOf([...head, ...base]);
  if (!allCandidateContexts(conditions)) return { undecided: 'conditions on too many keys to compare with base' };
  for (const context of candidateContexts(conditions)) {
    if (admits(head, context) && !admits(base, context)) return context;
  }
  const why = undecidedKeys(conditions);
  return why.length > 0 ? { undecided: why.join('; ') } : undefined;
}

/** Whether `newlyAdmitted` could not tell. */
function isUndecided(witness: RequestContext | Undecided | undefined): witness is Undecided {
  return witness !== undefined && typeof (witness as Undecided).undecided === 'string';
}

/** Whether two trials ask about the same caller and role with the same documents. */
function sameTrial(a: Trial, b: Trial): boolean {
  return (
    a.callerArn === b.callerArn &&
    a.roleArn === b.roleArn &&
    a.trustPolicy.toJsonString() === b.trustPolicy.toJsonString() &&
    a.policies.length === b.policies.length &&
    a.policies.every((d, i) => d.toJsonString() === b.policies[i].toJsonString())
  );
}

/** A request context in words, naming every condition key of `keys`: `acs:SourceIp 8.8.8.8, no sts:ExternalId`. */
function contextWords(context: RequestContext, keys: string[]): string {
  if (keys.length === 0) return 'any request';
  return keys.map((k) => (context[k] ? `${k} ${context[k].join(', ')}` : `no ${k}`)).join(', ');
}

/** Every condition of the trials' documents, those of Deny statements included. */
function conditionsOf(trials: readonly Trial[]): Condition[] {
  return trials
    .flatMap((t) => [...t.policies, t.trustPolicy])
    .flatMap((d) => d.statements)
    .flatMap((s) => s.conditions);
}

/** Is every request meeting `head` also one meeting some base set (a base set that asks no more)? */
function covered(head: string[], base: string[][]): boolean {
  return base.some((b) => b.every((c) => head.includes(c)));
}

/**
 * What head lets in that base did not: a principal that can assume a role it could not, under a
 * condition set that no base set covers (a dropped condition is new access), for a request context that
 * the evaluator admits on head's documents and not on base's (a dropped or narrowed Deny is new access),
 * or reachable where it was not; and every permission or removed Deny that base did not have.
 */
function newAccessOf(base: AccessGraph, head: AccessGraph, added: Fact[], removed: Fact[]): string[] {
  const before = entriesOf(base);
  const lines: string[] = [];
  for (const [key, entry] of entriesOf(head)) {
    const roleArn = key.split('\u0000')[1];
    const old = before.get(key);
    const text = assumeText(roleArn, entry.row);
    if (!old) lines.push(text);
    else if (entry.row.reachable && !old.row.reachable) lines.push(`${text} (was ${MFA_ONLY})`);
    else if (entry.sets.some((s) => !covered(s, old.sets))) {
      lines.push(`${text} (before: when ${old.row.conditions || 'always'})`);
    } else {
      const [now, before] = [trialsOf(entry.row), trialsOf(old.row)];
      const witness = newlyAdmitted(now, before);
      if (isUndecided(witness)) {
        lines.push(`${text} (${witness.undecided}: review by hand)`);
      } else if (witness) {
        const keys = Array.from(new Set(conditionsOf([...now, ...before]).map((c) => c.key))).sort();
        lines.push(`${text} (new for a request with ${contextWords(witness, keys)})`);
      }
    }
  }
  const isAssume = (f: Fact) => / can assume /.test(f.text);
  lines.push(...added.filter((f) => f.grants && !isAssume(f)).map((f) => f.text));
  lines.push(...removed.filter((f) => !f.grants).map((f) => `no longer: ${f.text}`));
  return lines.sort();
}

/**
 * Access added and removed between two synthesized outputs (base and head of a pull request): who
 * gained or lost the ability to assume which role, and which permissions a role gained or lost.
 */
export class AccessDiff {
  /** Compares two graphs. */
  public static between(base: AccessGraph, head: AccessGraph): AccessDiff {
    return new AccessDiff(base, head);
  }

  /** Facts true in head but not in base, sorted. */
  public readonly added: string[];
  /** Facts true in base but not in head, sorted. */
  public readonly removed: string[];
  /**
   * What head allows that base did not, sorted: what `diff --fail-on-new-access` fails on. Unlike
   * `added`, a condition added to an existing access is not new access; a condition dropped is.
   */
  public readonly newAccess: string[];
  /** `access broadened`, `access narrowed`, `access broadened and narrowed` or `no change in access`. */
  public readonly verdict: string;

  private constructor(baseGraph: AccessGraph, headGraph: AccessGraph) {
    const base = factsOf(baseGraph);
    const head = factsOf(headGraph);
    const added = Array.from(head.values()).filter((f) => !base.has(f.text));
    const removed = Array.from(base.values()).filter((f) => !head.has(f.text));
    this.added = added.map((f) => f.text).sort();
    this.removed = removed.map((f) => f.text).sort();
    this.newAccess = newAccessOf(baseGraph, headGraph, added, removed);
    const broadened = this.newAccess.length > 0;
    const narrowed = removed.some((f) => f.grants) || added.some((f) => !f.grants);
    this.verdict =
      broadened && narrowed
        ? 'access broadened and narrowed'
        : broadened
          ? 'access broadened'
          : narrowed
            ? 'access narrowed'
            : 'no change in access';
  }

  /** True when the change gives anyone more access (`newAccess` is not empty). */
  public get broadens(): boolean {
    return this.newAccess.length > 0;
  }

  /** Markdown for a pull-request comment, verdict first. */
  public toMarkdown(): string {
    const out = [`## Cross-account access: ${this.verdict}`, ''];
    if (this.broadens) out.push('> **This change broadens access.** Review the added lines before merging.', '');
    const list = (title: string, sign: string, items: string[]) => {
      out.push(`### ${title} (${items.length})`, '');
      out.push(...(items.length > 0 ? ['```diff', ...items.map((i) => `${sign} ${i}`), '```'] : ['None.']), '');
    };
    if (this.broadens) list('New access', '+', this.newAccess);
    list('Access added', '+', this.added);
    list('Access removed', '-', this.removed);
    return out.join('\n');
  }
}
