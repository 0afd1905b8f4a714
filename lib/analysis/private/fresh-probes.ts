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
/** What a made-up action is made of: letters first, digits where the literals hold every letter. */
const ACTION_CHARACTERS = LETTERS + DIGITS;
/** What a made-up part of a resource ARN is made of (compared with case, so upper case letters are other characters). */
const RESOURCE_CHARACTERS = LETTERS + DIGITS + LETTERS.toUpperCase() + '_.-';
/** The most vectors of run lengths tried for one template; past it the analysis cannot tell. */
const MAX_LENGTH_VECTORS = 20_000;
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

/** Whether some pattern holds `c` as text (in either case unless `caseSensitive`; `c` is lower case or a digit). */
function held(patterns: string[], c: string, caseSensitive: boolean): boolean {
  const upper = caseSensitive ? c : c.toUpperCase();
  for (const p of patterns) if (p.includes(c) || (upper !== c && p.includes(upper))) return true;
  return false;
}

/** The first character of `alphabet` that none of the patterns holds as text. */
function unheldCharacter(alphabet: string, patterns: string[], caseSensitive: boolean): string | undefined {
  for (const c of alphabet) if (!held(patterns, c, caseSensitive)) return c;
  return undefined;
}

/** The template with `c` for each `?` and a run of `c` of `lengths[i]` for its i-th `*`. */
function filled(template: string, c: string, lengths: number[]): string {
  let star = 0;
  let value = '';
  for (const t of template) value += t === '*' ? c.repeat(lengths[star++]) : t === '?' ? c : t;
  return value;
}

/** Made-up values of a glob template (see `fillerOf`); undefined when the analysis cannot tell. */
export type Filler = (template: string) => string[] | undefined;

/**
 * Concrete values of glob templates to ask the evaluator about, for policies with these patterns: each
 * `?` and `*` of the template filled with a character that no pattern (nor the template) holds as text, so
 * no pattern can single a value out by its text. A `*` becomes a run of one or more such characters. A
 * pattern of text and `*`s cannot tell two such runs apart (its text lies outside them and its `*`s take
 * them whole), so without `?`s one value stands for all. Once a run is longer than the `?`s of a pattern,
 * a longer one changes no match (a `*` of the pattern takes the difference), so with `?`s one value is made
 * per class of run lengths the patterns tell apart. Undefined when the patterns hold every character of
 * `alphabet`, or the lengths to try are more than the analysis tries: it cannot tell.
 */
function fillerOf(patterns: string[], alphabet: string, caseSensitive: boolean): Filler {
  // Found on first use: most roles' templates are literal and need no made-up text.
  let first: string | undefined | null = null;
  const questioned = patterns.filter((p) => p.includes('?'));
  return (template) => {
    const stars = template.split('*').length - 1;
    if (stars === 0 && !template.includes('?')) return [template];
    if (first === null) first = unheldCharacter(alphabet, patterns, caseSensitive);
    const c =
      first !== undefined && !held([template], first, caseSensitive)
        ? first
        : unheldCharacter(alphabet, [...patterns, template], caseSensitive);
    if (c === undefined) return undefined;
    const ones = filled(template, c, new Array<number>(stars).fill(1));
    // A pattern with `?`s matches a value only if it matches with each `?` taken for a `*`, and such a pattern
    // (text and `*`s) matches all values or none: only those that do can tell lengths apart.
    const wild = questioned.filter((p) => globMatches(p.replace(/\?/g, '*'), ones, caseSensitive));
    if (wild.length === 0) return [ones];
    const upTo = Math.max(...wild.map((p) => p.split('?').length - 1)) + 1;
    if (upTo ** stars > MAX_LENGTH_VECTORS) return undefined;
    const seen = new Set<string>();
    const values: string[] = [];
    const lengths: number[] = new Array<number>(stars).fill(1);
    for (let vector = 0; vector < upTo ** stars; vector++) {
      for (let i = 0, rest = vector; i < stars; i++, rest = Math.floor(rest / upTo)) lengths[i] = 1 + (rest % upTo);
      const value = filled(template, c, lengths);
      const signature = wild.map((p) => (globMatches(p, value, caseSensitive) ? '1' : '0')).join('');
      if (seen.has(signature)) continue;
      seen.add(signature);
      values.push(value);
    }
    return values;
  };
}

/**
 * Made-up actions that an action template matches (`*:*` for any action, `*:Get*`, `lo*:List*`), for
 * policies with these action patterns (`Action` and `NotAction`): no pattern can single them out by their
 * text, so a Deny of `x*:*` or of `*:Getx*` does not refuse them all. Actions are compared without case.
 */
export function actionFiller(patterns: string[]): Filler {
  return fillerOf(patterns, ACTION_CHARACTERS, false);
}

/**
 * Made-up condition values that a template matches (`*` for an external ID, `vpc-*`), for conditions with
 * these values: no value can single them out by its text, compared with case or without.
 */
export function conditionValueFiller(values: string[]): Filler {
  return fillerOf(values, ACTION_CHARACTERS, false);
}

/**
 * Made-up resources that a resource template matches, for policies with these resource patterns: no
 * pattern can single them out by their text (a Deny of `project/x*` does not refuse them all).
 */
export function resourceFiller(patterns: string[]): Filler {
  return fillerOf(patterns, RESOURCE_CHARACTERS, true);
}
