import { isIPv4, isIPv6 } from 'net';
import { Condition, ConditionOperator } from '../../policy';
import { conditionHolds } from './condition-eval';
import { MAX_STATES, stringRegions } from './string-regions';

const MAX_STATES_WORDS = MAX_STATES.toLocaleString('en-US');

/** What the evaluator compares a condition's values as (condition-eval.ts). */
type Kind = 'string' | 'numeric' | 'date' | 'bool' | 'ip';

function kindOf(operator: string): Kind {
  if (operator.startsWith('String')) return 'string';
  if (operator.startsWith('Numeric')) return 'numeric';
  if (operator.startsWith('Date')) return 'date';
  return operator === ConditionOperator.BOOL ? 'bool' : 'ip';
}

/** The evaluator's reading of a number (condition-eval.ts). */
const NUMBER = /^-?\d+(\.\d+)?$/;
/** The evaluator's reading of an instant: an ISO 8601 date first. */
const DATE = /^\d{4}-\d{2}-\d{2}/;

/** A number in the plain decimal form the evaluator reads (no exponent), that reads back as exactly `n`. */
function plain(n: number): string | undefined {
  // Beyond the largest double a text still reads as a number: Infinity (a stretch past the largest bound).
  if (n === Infinity || n === -Infinity) return `${n < 0 ? '-' : ''}1${'0'.repeat(400)}`;
  if (Number.isNaN(n)) return undefined;
  const [mantissa, exponentText] = Math.abs(n).toExponential().split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('.', '');
  let text: string;
  if (exponent >= digits.length - 1) text = digits + '0'.repeat(exponent - digits.length + 1);
  else if (exponent >= 0) text = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  else text = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  const signed = n < 0 ? `-${text}` : text;
  return NUMBER.test(signed) && Number(signed) === n ? signed : undefined;
}

/**
 * Numbers that fall in every stretch the boundaries cut the number line into: each boundary, one between
 * each two (where a number lies between them), one below the lowest and one above the highest.
 */
function between(boundaries: number[], below: (n: number) => number, above: (n: number) => number): number[] {
  const sorted = Array.from(new Set(boundaries)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const points = [below(sorted[0]), ...sorted, above(sorted[sorted.length - 1])];
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    // Halves first, so that the widest stretch (-max to max) does not overflow; where no double lies
    // between two bounds the stretch is empty.
    const middle = [a / 2 + b / 2, a + (b - a) / 2].find((m) => m > a && m < b);
    if (middle !== undefined) points.push(middle);
  }
  return points;
}

function numericRegions(values: string[]): string[] {
  const boundaries = values.filter((v) => NUMBER.test(v)).map(Number);
  const outside = (n: number, direction: number) => n + direction * Math.max(1, Math.abs(n));
  return between(
    boundaries,
    (n) => outside(n, -1),
    (n) => outside(n, 1),
  ).flatMap((n) => plain(n) ?? []);
}

function dateRegions(values: string[]): string[] {
  const instants = values.filter((v) => DATE.test(v)).map((v) => Date.parse(v));
  const ms = between(
    instants.filter((n) => !Number.isNaN(n)),
    (n) => n - 1,
    (n) => n + 1,
  ).map(Math.floor);
  return ms.flatMap((n) => {
    const date = new Date(n);
    if (Number.isNaN(date.getTime())) return [];
    const text = date.toISOString();
    return DATE.test(text) && Date.parse(text) === n ? [text] : [];
  });
}

/** An IPv6 address (the `::` form and an IPv4 tail allowed) as a number; undefined when it is not one. */
function ipv6Value(address: string): bigint | undefined {
  if (!isIPv6(address)) return undefined;
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const o = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = tail === undefined ? groups(head) : [...groups(head), ...Array(missing).fill('0'), ...groups(tail)];
  return all.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function ipv6Text(n: bigint): string {
  return Array.from({ length: 8 }, (_, i) => ((n >> BigInt(16 * (7 - i))) & 0xffffn).toString(16)).join(':');
}

/**
 * The first and last address of each IPv6 block and the addresses just outside it: every stretch of
 * addresses the blocks treat alike begins or ends at one of them (IPv4 blocks have theirs in
 * satisfying-context.ts).
 */
function ipRegions(values: string[]): string[] {
  const max = (1n << 128n) - 1n;
  return values.flatMap((cidr) => {
    const [address, prefixText] = cidr.split('/');
    if (isIPv4(address)) return [];
    const value = ipv6Value(address);
    const prefix = Number(prefixText ?? 128);
    if (value === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 128) return [];
    const size = 1n << BigInt(128 - prefix);
    const first = value - (value % size);
    const last = first + size - 1n;
    return [first, last, ...(first > 0n ? [first - 1n] : []), ...(last < max ? [last + 1n] : [])].map(ipv6Text);
  });
}

/** What one key's conditions add to its candidates, and why the candidates may still miss a way in. */
export interface KeyRegions {
  /** Values for the ways the conditions can hold or fail together that the given candidates did not reach. */
  readonly values: string[];
  /** Why no set of values can be said to reach every way (conditions of several kinds on the key, ...). */
  readonly undecided?: string;
}

/**
 * The values one key still needs beside `candidates` so that for every way its conditions can hold or
 * fail together that some value gives, some value gives it: stretches between numbers and instants (a
 * decimal between 1.5 and 2, a millisecond inside a second), the edges of IPv6 blocks, and the strings
 * of `stringRegions`. Conditions of several kinds on one key (a number and a glob) are not decided
 * together: the values of each kind are added, and `undecided` says so.
 */
export function keyRegions(key: string, conditions: Condition[], candidates: Iterable<string | undefined>): KeyRegions {
  const kinds = Array.from(new Set(conditions.map((c) => kindOf(c.operator)))).sort();
  const signature = (value: string | undefined): string =>
    conditions
      .map((c) => (conditionHolds(c, value === undefined ? {} : { [key]: [value] }, true) ? '1' : '0'))
      .join('');
  const reached = new Set(Array.from(candidates, signature));
  let undecided =
    kinds.length > 1
      ? `conditions of different kinds (${kinds.join(', ')}) on ${key}, which this analysis does not decide together (use one kind of operator per key)`
      : undefined;
  const values: string[] = [];
  for (const kind of kinds) {
    const ofKind = conditions.filter((c) => kindOf(c.operator) === kind);
    const all = ofKind.flatMap((c) => c.values);
    let found: string[] | undefined;
    if (kind === 'numeric') found = numericRegions(all);
    else if (kind === 'date') found = dateRegions(all);
    else if (kind === 'ip') found = ipRegions(all);
    else if (kind === 'string') found = stringRegions(ofKind);
    else found = all; // Bool: "true", "false" and absent are among the candidates already
    if (found === undefined)
      undecided ??= `string conditions on ${key} that this analysis cannot decide exactly (an ignore-case value beyond ASCII, or patterns with more than ${MAX_STATES_WORDS} states together)`;
    for (const v of found ?? []) {
      const s = signature(v);
      if (reached.has(s)) continue;
      reached.add(s);
      values.push(v);
    }
  }
  return undecided ? { values, undecided } : { values };
}
