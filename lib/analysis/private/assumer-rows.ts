import { Condition, PolicyDocument, PolicyStatement, PrincipalType, Effect } from '../../policy';
import { conditionIdentity } from '../../policy/condition';
import { Decision } from '../decision';
import { AssumeResult } from '../graph-model';
import { describeConditions } from './describe';
import { coversAssumeRole, globMatches } from './glob';
import { admittingContexts, AdmittingCandidate } from './satisfying-context';
import { sortBy, sortStrings } from './sort';

// The pieces of an assumer row: which statements pair up for a caller and a role, the request contexts to
// try for a pair, and the condition sets that admit, as conditions and in words.

/** What a row that admits was decided on: its condition sets (as conditions) and its trials. */
interface RowDetails {
  readonly sets: Condition[][];
  readonly trials: readonly Trial[];
}

/**
 * The details of each row that admits, in one map: only they are asked for (AccessDiff compares what
 * admits; a chain extends a row that admits), and a weak-map entry per row, two per denied row before,
 * was a tenth of the assumer rows' time at N = 5,000.
 */
const DETAILS = new WeakMap<AssumeResult, RowDetails>();

/** The condition sets under which a result's principal gets in, as conditions (empty when denied). */
export function conditionSetsOf(result: AssumeResult): Condition[][] {
  return DETAILS.get(result)?.sets ?? [];
}

/**
 * One question a row's verdict answers, as the evaluator's inputs: may `callerArn`, holding `policies`,
 * assume `roleArn` under `trustPolicy`? A row allows a request context when one of its trials does (a
 * class row asks for several made-up callers). AccessDiff asks both outputs' trials about the same
 * contexts, so that what head newly allows is the evaluator's word, not a comparison of condition texts.
 */
export interface Trial {
  readonly callerArn: string;
  readonly policies: PolicyDocument[];
  readonly trustPolicy: PolicyDocument;
  readonly roleArn: string;
}

/** The trials behind the verdict of a row that admits (empty for a denied row, and for an account root's). */
export function trialsOf(result: AssumeResult): readonly Trial[] {
  return DETAILS.get(result)?.trials ?? [];
}

/**
 * Records the condition sets and trials of a result that admits (a denied row has no sets, and nothing
 * asks for its trials: `conditionSetsOf` and `trialsOf` say `[]`); `trials` is called only then.
 */
export function remember(result: AssumeResult, sets: Condition[][], trials: () => readonly Trial[]): AssumeResult {
  if (result.decision === Decision.ALLOW || sets.length > 0) DETAILS.set(result, { sets, trials: trials() });
  return result;
}

/** No condition set: shared by the many rows that are denied (never mutated). */
export const NO_SETS: Condition[][] = Object.freeze([]) as unknown as Condition[][];

/** Does a trust statement name this caller (its account's root, or its own ARN)? (ram-policy-reference §2.3) */
export function names(statement: PolicyStatement, arn: string, root: string): boolean {
  const principals = statement.principals;
  for (let i = 0; i < principals.length; i++) {
    const p = principals[i];
    if (p.type === PrincipalType.RAM && (p.identifier === arn || p.identifier === root)) return true;
  }
  return false;
}

/** The statements of a caller's policies, split by effect (computed once per list of policies). */
export interface CallerStatements {
  readonly allows: PolicyStatement[];
  readonly denies: PolicyStatement[];
}

/** The statements of `policies` by effect, in order, kept in `cache` (one per graph: its lists do not change). */
export function statementsOf(
  cache: Map<PolicyDocument[], CallerStatements>,
  policies: PolicyDocument[],
): CallerStatements {
  let split = cache.get(policies);
  if (!split) {
    const allows: PolicyStatement[] = [];
    const denies: PolicyStatement[] = [];
    for (const document of policies) {
      for (const s of document.statements) (s.effect === Effect.DENY ? denies : allows).push(s);
    }
    split = { allows, denies };
    cache.set(policies, split);
  }
  return split;
}

/**
 * Could an identity statement cover `sts:AssumeRole` on the role? A superset of the evaluator's
 * matching (resources compared without case), used only to skip statements that cannot matter.
 */
export function mayCover(statement: PolicyStatement, roleArn: string): boolean {
  return coversAssumeRoleAction(statement) && statement.resources.some((r) => globMatches(r, roleArn, false));
}

/** Could the statement's `Action` or `NotAction` cover `sts:AssumeRole`? (without case: a superset) */
function coversAssumeRoleAction(statement: PolicyStatement): boolean {
  return statement.notActions.length > 0
    ? !statement.notActions.some((a) => globMatches(a, 'sts:AssumeRole', false))
    : statement.actions.some(coversAssumeRole);
}

export function unique(sets: Condition[][]): Condition[][] {
  if (sets.length <= 1) return sets; // nothing to merge or order (most rows: no set, or one); a fresh list
  // One set many times over (a class row's callers, each let in by the same unconditional pair): that set.
  let same = true;
  for (let i = 1; i < sets.length && same; i++) same = sets[i] === sets[0];
  if (same) return [sets[0]];
  const seen = new Map<string, Condition[]>();
  for (const set of sets) seen.set(sortStrings(set.map(conditionIdentity)).join('\u0000'), set);
  return sortBy(Array.from(seen.entries()), ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, set]) => set);
}

/** Words of the condition sets: `""` for one unconditional set, otherwise each set in parentheses. */
export function words(sets: Condition[][]): { conditions: string; conditionSets: string[] } {
  if (sets.length === 0) return { conditions: '', conditionSets: [] };
  if (sets.length === 1) {
    // One set: its words are the conditions (what the general case below gives, without its Set and sort).
    const only = describeConditions(sets[0]);
    return { conditions: only, conditionSets: [only] };
  }
  const conditionSets = sortStrings(Array.from(new Set(sets.map(describeConditions))));
  const conditions =
    conditionSets.length <= 1
      ? (conditionSets[0] ?? '')
      : conditionSets.map((w) => `(${w || 'no condition'})`).join(' or ');
  return { conditions, conditionSets };
}

/** The empty request context, shared (the evaluator never changes a context). */
export const NO_CONTEXT: { [key: string]: string[] } = Object.freeze({}) as { [key: string]: string[] };
const ONLY_NO_CONTEXT: readonly AdmittingCandidate[] = Object.freeze([
  Object.freeze({ context: NO_CONTEXT, failed: [] }),
]);

/**
 * The request contexts to try for a pair of statements: those of `admittingContexts`, except that with no
 * condition at all and nothing restricted every context is empty, so one empty context says what they all
 * say (the evaluator is a function of the request).
 */
export function contextsFor(
  set: Condition[],
  denies: Condition[][],
  restrict?: { [key: string]: (string | undefined)[] },
): Iterable<AdmittingCandidate> {
  if (set.length === 0 && denies.length === 0 && restrict === undefined) return ONLY_NO_CONTEXT;
  return admittingContexts(set, denies, restrict);
}

/**
 * Could an identity or trust Deny statement apply to AssumeRole of the role by this caller? A superset of
 * the evaluator's matching (actions and resources without case; principals as the evaluator names them),
 * used only to leave out Deny statements that cannot matter.
 */
export function mayDeny(statement: PolicyStatement, roleArn: string, arn: string, root: string): boolean {
  if (statement.principals.length > 0) return coversAssumeRoleAction(statement) && names(statement, arn, root);
  return mayCover(statement, roleArn);
}

/** The condition sets of one pair, without those that ask more than another (failing a Deny that did not apply). */
export function fewest(sets: Condition[][]): Condition[][] {
  if (sets.length <= 1) return sets;
  const ids = sets.map((set) => new Set(set.map(conditionIdentity)));
  return sets.filter(
    (_, i) =>
      !ids.some((other, j) => j !== i && other.size < ids[i].size && Array.from(other).every((c) => ids[i].has(c))),
  );
}
