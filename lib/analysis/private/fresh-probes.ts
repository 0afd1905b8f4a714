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

/** A role ARN of `account` with the name `c` repeated `length` times. */
function arnOf(account: string, c: string, length: number): string {
  return `acs:ram::${account}:role/${c.repeat(length)}`;
}

/**
 * One name of each class of lengths that `patterns` tell apart: a name's match with each pattern depends
 * only on its length, so names of one class are decided alike. Only a pattern with a `?` tells lengths
 * apart: a literal one holds the name's character (chosen so that none does), and one with `*`s only
 * matches every such name or none (its last literal text cannot end inside the name, so a `*` ends it).
 */
function byLengthClass(account: string, c: string, patterns: string[]): string[] {
  const wild = patterns.filter((p) => p.includes('?'));
  if (wild.length === 0) return [arnOf(account, c, 1)];
  const seen = new Set<string>();
  const arns: string[] = [];
  for (let length = 1; length <= LONGEST_NAME; length++) {
    const arn = arnOf(account, c, length);
    const signature = wild.map((p) => (globMatches(p, arn, true) ? '1' : '0')).join('');
    if (seen.has(signature)) continue;
    seen.add(signature);
    arns.push(arn);
  }
  return arns;
}

/** A name character none of the literals can meet in the name of a role of `account`; undefined when each can be. */
function freshCharacter(account: string, literals: string[]): string | undefined {
  for (const c of NAME_CHARACTERS) {
    const text = arnOf(account, c, LONGEST_NAME);
    if (untouched(text, [[text.length - LONGEST_NAME, text.length]], literals)) return c;
  }
  return undefined;
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
    .find((account) => {
      const text = arnOf(account, 'x', 0);
      return untouched(text, [[9, 9 + ACCOUNT_LENGTH]], literals);
    });
  for (const account of made === undefined ? accounts : [made, ...accounts]) {
    const c = freshCharacter(account, literals);
    if (c === undefined) return undefined;
    arns.push(...byLengthClass(account, c, patterns));
  }
  return arns;
}
