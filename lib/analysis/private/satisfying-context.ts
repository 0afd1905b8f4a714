import { Condition, ConditionOperator } from '../../policy';
import { addTo } from '../../policy/private/multimap';
import { conditionHolds } from './condition-eval';
import { sortStrings } from './sort';
import { keyRegions } from './value-regions';

/**
 * A request context that meets the positive conditions given (negated ones are met by leaving their
 * key out, the evaluator's default): used to ask "can this principal assume the role when it
 * meets the trust conditions?", as a user who follows the rules would.
 */
export function satisfyingContext(conditions: Condition[]): { [key: string]: string[] } {
  const context: { [key: string]: string[] } = {};
  for (const c of conditions) {
    const value = c.values[0];
    if (value === undefined) continue;
    switch (c.operator) {
      case ConditionOperator.STRING_EQUALS:
      case ConditionOperator.STRING_EQUALS_IGNORE_CASE:
      case ConditionOperator.BOOL:
      case ConditionOperator.NUMERIC_EQUALS:
      case ConditionOperator.DATE_EQUALS:
      case ConditionOperator.NUMERIC_LESS_THAN_EQUALS:
      case ConditionOperator.NUMERIC_GREATER_THAN_EQUALS:
      case ConditionOperator.DATE_LESS_THAN_EQUALS:
      case ConditionOperator.DATE_GREATER_THAN_EQUALS:
        context[c.key] = [value];
        break;
      case ConditionOperator.STRING_LIKE:
        context[c.key] = [value.replace(/[*?]/g, 'x')];
        break;
      case ConditionOperator.IP_ADDRESS:
        context[c.key] = [value.split('/')[0]];
        break;
      case ConditionOperator.NUMERIC_LESS_THAN:
        context[c.key] = [String(Number(value) - 1)];
        break;
      case ConditionOperator.NUMERIC_GREATER_THAN:
        context[c.key] = [String(Number(value) + 1)];
        break;
      case ConditionOperator.DATE_LESS_THAN:
        context[c.key] = [new Date(Date.parse(value) - 1000).toISOString()];
        break;
      case ConditionOperator.DATE_GREATER_THAN:
        context[c.key] = [new Date(Date.parse(value) + 1000).toISOString()];
        break;
      default:
        break; // negated operators: leave the key out
    }
  }
  return context;
}

/** A request context: condition keys and their values. */
export type RequestContext = { [key: string]: string[] };

/**
 * A request context meeting every one of the conditions: `satisfyingContext`'s when it does, else one built
 * key by key from the candidates (a decimal between two bounds, a string past several globs); undefined when
 * no request meets them, `'undecided'` when the candidates cannot tell (see `undecidedKeys`).
 */
export function meetingContext(conditions: Condition[]): RequestContext | 'undecided' | undefined {
  const quick = satisfyingContext(conditions);
  if (conditions.every((c) => conditionHolds(c, quick, true))) return quick;
  const { byKey, undecided } = candidatesByKey(conditions, {});
  const found = contextMeeting(sortStrings(Array.from(byKey.keys())), byKey, conditions, []);
  return found ?? (undecided.length > 0 ? 'undecided' : undefined);
}

/**
 * The first and the last address of an IPv4 CIDR and the addresses just outside it (the network address
 * alone for IPv6 or a bare address): every stretch of addresses that the CIDRs of a set of conditions
 * treat alike begins or ends at one of these, so the candidates of all the CIDRs meet every stretch.
 */
function ipCandidates(cidr: string): string[] {
  const [address, prefixText] = cidr.split('/');
  const octets = address.split('.').map(Number);
  const prefix = Number(prefixText ?? 32);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255) || !(prefix >= 0)) {
    return [address];
  }
  const value = octets.reduce((n, o) => n * 256 + o, 0);
  const size = 2 ** (32 - Math.min(prefix, 32));
  const first = value - (value % size);
  const text = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
  const last = first + size - 1;
  return [
    text(first),
    text(last),
    ...(first > 0 ? [text(first - 1)] : []),
    ...(last < 2 ** 32 - 1 ? [text(last + 1)] : []),
  ];
}

/** Values that meet, or just miss, one policy value of the operator: the boundary cases of the comparison. */
function valuesFor(operator: string, value: string): string[] {
  switch (operator) {
    case ConditionOperator.BOOL:
      return ['true', 'false'];
    case ConditionOperator.STRING_LIKE:
    case ConditionOperator.STRING_NOT_LIKE:
      return [value.replace(/[*?]/g, 'x'), value.replace(/\*/g, '').replace(/\?/g, 'x'), `${value}~`];
    case ConditionOperator.IP_ADDRESS:
    case ConditionOperator.NOT_IP_ADDRESS:
      return ipCandidates(value);
    case ConditionOperator.NUMERIC_EQUALS:
    case ConditionOperator.NUMERIC_NOT_EQUALS:
    case ConditionOperator.NUMERIC_LESS_THAN:
    case ConditionOperator.NUMERIC_LESS_THAN_EQUALS:
    case ConditionOperator.NUMERIC_GREATER_THAN:
    case ConditionOperator.NUMERIC_GREATER_THAN_EQUALS:
      return Number.isFinite(Number(value)) ? [value, String(Number(value) - 1), String(Number(value) + 1)] : [value];
    case ConditionOperator.DATE_EQUALS:
    case ConditionOperator.DATE_NOT_EQUALS:
    case ConditionOperator.DATE_LESS_THAN:
    case ConditionOperator.DATE_LESS_THAN_EQUALS:
    case ConditionOperator.DATE_GREATER_THAN:
    case ConditionOperator.DATE_GREATER_THAN_EQUALS: {
      const at = Date.parse(value);
      return Number.isNaN(at) ? [value] : [value, new Date(at - 1000).toISOString(), new Date(at + 1000).toISOString()];
    }
    default:
      // String (in)equality, with and without case: the value itself and one that differs from it.
      return [value, `${value}~`];
  }
}

/** Each key's candidates, and why those of some keys may still miss a way in (see `keyRegions`). */
interface Candidates {
  readonly byKey: Map<string, Set<string | undefined>>;
  readonly undecided: string[];
}

/**
 * For each key, "absent" (`undefined`), the boundary values of every condition on it, and the values of
 * `keyRegions` for the ways the conditions can hold or fail together that those miss; `restrict` replaces
 * a key's.
 */
function candidatesByKey(conditions: Condition[], restrict: { [key: string]: (string | undefined)[] }): Candidates {
  const byKey = new Map<string, Set<string | undefined>>();
  for (const [key, values] of Object.entries(restrict)) byKey.set(key, new Set(values));
  const onKey = new Map<string, Condition[]>();
  for (const c of conditions) {
    if (Object.prototype.hasOwnProperty.call(restrict, c.key)) continue;
    let values = byKey.get(c.key);
    if (!values) byKey.set(c.key, (values = new Set([undefined])));
    for (const v of c.values) valuesFor(c.operator, v).forEach((x) => values.add(x));
    addTo(onKey, c.key, c);
  }
  const undecided: string[] = [];
  for (const [key, list] of onKey) {
    const values = byKey.get(key)!;
    const regions = keyRegions(key, list, values);
    regions.values.forEach((v) => values.add(v));
    if (regions.undecided) undecided.push(regions.undecided);
  }
  return { byKey, undecided };
}

/**
 * Why the candidate contexts of these conditions may miss a request that gets in (conditions of several
 * kinds on one key, ...): where this is not empty, no "no" may be said from them.
 */
export function undecidedKeys(
  conditions: Condition[],
  restrict: { [key: string]: (string | undefined)[] } = {},
): string[] {
  return candidatesByKey(conditions, restrict).undecided;
}

/**
 * At most this many combinations are tried (in order, so every key keeps its first candidates). Only a
 * pair of statements with conditions on very many keys at once comes near it.
 */
const MAX_CONTEXTS = 4096;

/**
 * Request contexts to try for a set of conditions (every condition that could apply to the request:
 * the Allow statements' to meet and the Deny statements' to avoid): for each key, "absent" and the
 * boundary values of every condition on it, combined. `restrict` replaces the candidates of a key with
 * the only values a principal can send (e.g. `acs:MFAPresent` for an API call); `undefined` in it means
 * "absent". The first context is the one `satisfyingContext` builds, so the common case costs one try.
 */
export function* candidateContexts(
  conditions: Condition[],
  restrict: { [key: string]: (string | undefined)[] } = {},
): Generator<RequestContext> {
  const { byKey } = candidatesByKey(conditions, restrict);
  const keys = sortStrings(Array.from(byKey.keys()));
  const first = satisfyingContext(conditions.filter((c) => !Object.prototype.hasOwnProperty.call(restrict, c.key)));
  for (const key of Object.keys(restrict)) {
    const allowed = byKey.get(key)!;
    delete first[key];
    const value = Array.from(allowed).find((v) => v !== undefined);
    if (!allowed.has(undefined) && value !== undefined) first[key] = [value];
  }
  yield first;
  const total = Math.min(
    keys.reduce((n, k) => n * byKey.get(k)!.size, 1),
    MAX_CONTEXTS,
  );
  const choices = keys.map((k) => Array.from(byKey.get(k)!));
  const index = keys.map(() => 0);
  for (let n = 0; n < total; n++) {
    const context: RequestContext = {};
    keys.forEach((k, i) => {
      const value = choices[i][index[i]];
      if (value !== undefined) context[k] = [value];
    });
    yield context;
    for (let i = 0; i < index.length && ++index[i] === choices[i].length; i++) index[i] = 0;
  }
}

/**
 * Whether `candidateContexts(conditions)` gives every combination of its candidate values (at most
 * `MAX_CONTEXTS` of them), rather than the first `MAX_CONTEXTS`.
 */
export function allCandidateContexts(conditions: Condition[]): boolean {
  let total = 1;
  for (const values of candidatesByKey(conditions, {}).byKey.values()) total *= values.size;
  return total <= MAX_CONTEXTS;
}

/** A request context to try, and the Deny conditions it was built to fail. */
export interface AdmittingCandidate {
  readonly context: RequestContext;
  readonly failed: Condition[];
}

/**
 * At most this many ways past the Deny statements are tried for one question (each Deny with k conditions
 * multiplies them by k + 1); beyond it the assumer rows stop with an error and the finding rules say yes,
 * rather than guess.
 */
export const MAX_DENY_CHOICES = 4096;

/** How many candidates `admittingContexts` gives for these Deny statements' conditions. */
export function admittingCount(denies: Condition[][]): number {
  return denies.reduce((n, d) => n * (d.length + 1), 1);
}

/**
 * The request contexts under which an Allow pair whose conditions are `required` could get past every Deny
 * of `denies` (each a Deny statement's conditions, all of which must hold for it to apply): for each way of
 * choosing, per Deny, one of its conditions to fail or none, a context that meets every required condition
 * and fails every chosen one, built key by key from the candidate values of `candidateContexts` (a choice
 * no value meets is skipped). Exact where those candidates are (every stretch of values the conditions on a
 * key treat alike has one), however many keys the conditions name: a context that gets in fails some
 * condition of every Deny that applies, and the choice of those conditions builds one that the evaluator
 * decides alike. `restrict` replaces the candidates of a key as in `candidateContexts`. The first choice
 * (fail nothing) is the common case's only one. Gives `admittingCount(denies)` candidates at most.
 */
export function* admittingContexts(
  required: Condition[],
  denies: Condition[][],
  restrict: { [key: string]: (string | undefined)[] } = {},
): Generator<AdmittingCandidate> {
  const { byKey } = candidatesByKey([...required, ...denies.flat()], restrict);
  const keys = sortStrings(Array.from(byKey.keys()));
  const choice = denies.map(() => 0); // 0: fail none of the Deny's conditions; i: fail its condition i - 1
  const total = admittingCount(denies);
  for (let n = 0; n < total; n++) {
    const failed: Condition[] = [];
    denies.forEach((d, i) => {
      if (choice[i] > 0) failed.push(d[choice[i] - 1]);
    });
    const context = contextMeeting(keys, byKey, required, failed);
    if (context) yield { context, failed };
    for (let i = 0; i < choice.length && ++choice[i] === denies[i].length + 1; i++) choice[i] = 0;
  }
}

/** A context that meets `meet` and fails `fail`, each key taking its first candidate that does; undefined if a key has none. */
function contextMeeting(
  keys: string[],
  byKey: Map<string, Set<string | undefined>>,
  meet: Condition[],
  fail: Condition[],
): RequestContext | undefined {
  const context: RequestContext = {};
  for (const key of keys) {
    const on = (c: Condition) => c.key === key;
    const [meetHere, failHere] = [meet.filter(on), fail.filter(on)];
    let found = false;
    for (const value of byKey.get(key)!) {
      const probe: RequestContext = value === undefined ? {} : { [key]: [value] };
      if (
        meetHere.every((c) => conditionHolds(c, probe, true)) &&
        !failHere.some((c) => conditionHolds(c, probe, true))
      ) {
        if (value !== undefined) context[key] = [value];
        found = true;
        break;
      }
    }
    if (!found) return undefined;
  }
  return context;
}
