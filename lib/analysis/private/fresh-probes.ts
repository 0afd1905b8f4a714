import { globMatches } from './glob';

/**
 * Role ARNs made up for a probe that no pattern of the policies can single out. A fixed made-up name can
 * be: a Deny of `acs:ram::*:role/x*` (or of twelve `?`s, or of `*7f3a`) refuses `role/xaprobe-7f3a` and
 * nothing a real partner role is likely to be called, so an Allow of `sts:AssumeRole` on `*` beside it
 * looked like no finding. These names are made of one character that no literal text of the patterns can
 * meet inside the name (nor inside a made-up account), at one length of each class of lengths the patterns
 * tell apart: every other name made of such characters is decided as one of them is.
 */

/** What RAM allows in a role name (ram-policy-reference §3.4): letters, digits, `.` and `-`; case is ignored here. */
const NAME_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789.-';
const DIGITS = '0123456789';
/** What an action's name is made of (`GetLogStore`); actions are compared without case. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** The longest role name RAM accepts (§3.4). */
const LONGEST_NAME = 64;
/** The length of an account ID. */
const ACCOUNT_LENGTH = 16;

/** The literal texts of glob patterns (what lies between their wildcards), lower-cased. */
function literalsOf(patterns: string[]): string[] {
  const literals = new Set<string>();
  for (const p of patterns) for (const run of p.toLowerCase().split(/[*?]/)) if (run !== '') literals.add(run);
  return Array.from(literals);
}

/** Whether no literal occurs in `text` (lower case) overlapping one of the `[from, to)` regions. */
function untouched(text: string, regions: [number, number][], literals: string[]): boolean {
  for (const literal of literals) {
    for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
      for (const [from, to] of regions) if (at < to && at + literal.length > from) return false;
    }
  }
  return true;
}

/** A made-up value: `prefix` and then `c` repeated `length` times. */
function valueOf(prefix: string, c: string, length: number): string {
  return prefix + c.repeat(length);
}

/**
 * One value of each class of lengths that `patterns` tell apart: a made-up value's match with each pattern
 * depends only on its length, so values of one class are decided alike. Only a pattern with a `?` tells
 * lengths apart: a literal one holds the value's character (chosen so that none does), and one with `*`s
 * only matches every such value or none (its last literal text cannot end inside the made-up part, so a `*`
 * ends it). Lengths run up to `longest`.
 */
function byLengthClass(
  prefix: string,
  c: string,
  patterns: string[],
  longest: number,
  caseSensitive: boolean,
): string[] {
  const wild = patterns.filter((p) => p.includes('?'));
  if (wild.length === 0) return [valueOf(prefix, c, 1)];
  const seen = new Set<string>();
  const values: string[] = [];
  for (let length = 1; length <= longest; length++) {
    const value = valueOf(prefix, c, length);
    const signature = wild.map((p) => (globMatches(p, value, caseSensitive) ? '1' : '0')).join('');
    if (seen.has(signature)) continue;
    seen.add(signature);
    values.push(value);
  }
  return values;
}

/** A character of `alphabet` none of the literals can meet in the made-up part after `prefix`; undefined when each can be. */
function freshCharacter(prefix: string, alphabet: string, literals: string[], longest: number): string | undefined {
  for (const c of alphabet) {
    const text = valueOf(prefix.toLowerCase(), c, longest);
    if (untouched(text, [[prefix.length, text.length]], literals)) return c;
  }
  return undefined;
}

/** Made-up values after `prefix`, one per class of lengths, of a fresh character; undefined when there is none. */
function freshValues(
  prefix: string,
  alphabet: string,
  literals: string[],
  patterns: string[],
  longest: number,
  caseSensitive: boolean,
): string[] | undefined {
  const c = freshCharacter(prefix, alphabet, literals, longest);
  return c === undefined ? undefined : byLengthClass(prefix, c, patterns, longest, caseSensitive);
}

/**
 * Made-up actions of `service` to ask the evaluator about, for policies with these action patterns
 * (`Action` and `NotAction`): names no literal of theirs can meet (a Deny of `log:X*` does not refuse them
 * all), one per class of lengths. Actions are compared without case. Undefined when the literals meet every
 * letter: the analysis cannot tell.
 */
export function freshActions(service: string, patterns: string[]): string[] | undefined {
  // Past the longest pattern with a `?` a longer name changes no match: action names have no documented limit.
  const longest = Math.max(LONGEST_NAME, ...patterns.filter((p) => p.includes('?')).map((p) => p.length + 1));
  return freshValues(`${service}:`, LETTERS, literalsOf(patterns), patterns, longest, false);
}

/**
 * Made-up role ARNs to ask the evaluator about, for policies with these resource patterns: in each of
 * `accounts`, and in a made-up account of one digit no literal can meet, names no literal can meet, one per
 * class of lengths. Undefined when the patterns leave no such name in some account (their literals meet
 * every character a role name may hold): the analysis cannot tell, and the caller reports rather than misses.
 */
export function freshRoleArns(accounts: string[], patterns: string[]): string[] | undefined {
  const literals = literalsOf(patterns);
  const arns: string[] = [];
  const made = Array.from(DIGITS)
    .map((d) => d.repeat(ACCOUNT_LENGTH))
    .find((account) => untouched(`acs:ram::${account}:role/`, [[9, 9 + ACCOUNT_LENGTH]], literals));
  for (const account of made === undefined ? accounts : [made, ...accounts]) {
    const values = freshValues(`acs:ram::${account}:role/`, NAME_CHARACTERS, literals, patterns, LONGEST_NAME, true);
    if (values === undefined) return undefined;
    arns.push(...values);
  }
  return arns;
}
