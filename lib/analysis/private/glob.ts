/**
 * A compiled pattern: for a case-sensitive pattern with `*`s only, the literal runs between them;
 * otherwise a regular expression. Resource patterns are case-sensitive and mostly have `*`s only, and
 * matching their runs with `startsWith`/`indexOf`/`endsWith` spares compiling one regular expression per
 * distinct ARN pattern (thousands in a large output, each compiled on first use). Case-insensitive
 * patterns keep the regular expression, whose case folding is the one every verdict was made with.
 */
type Matcher = { readonly runs: string[] } | { readonly regex: RegExp };

const sensitive = new Map<string, Matcher>();
const insensitive = new Map<string, Matcher>();

function compile(pattern: string, caseSensitive: boolean): Matcher {
  if (caseSensitive && !pattern.includes('?')) return { runs: pattern.split('*') };
  const body = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.+()|{}[\]]/g, '\\$&')))
    .join('');
  return { regex: new RegExp(`^${body}$`, caseSensitive ? 's' : 'is') };
}

/**
 * Whether `value` is the runs in order, anything (empty included) between them: the first run at the
 * start, the last at the end, each middle one at its leftmost place after the previous (taking the
 * leftmost place never loses a match, since what follows may only start later).
 */
function matchesRuns(runs: string[], value: string): boolean {
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (value.length < first.length + last.length || !value.startsWith(first)) return false;
  let at = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < runs.length - 1; i++) {
    const found = value.indexOf(runs[i], at);
    if (found < 0 || found + runs[i].length > end) return false;
    at = found + runs[i].length;
  }
  return value.endsWith(last);
}

/** Lower-cased texts: actions are compared without case millions of times, and there are few distinct ones. */
const lowered = new Map<string, string>();
const MAX_LOWERED = 100_000;

function lowerCase(text: string): string {
  let lower = lowered.get(text);
  if (lower === undefined) {
    lower = text.toLowerCase();
    if (lowered.size >= MAX_LOWERED) lowered.clear();
    lowered.set(text, lower);
  }
  return lower;
}

/**
 * Whole-string, anchored glob: `*` matches any run of characters (empty, `/` and `:` included),
 * `?` exactly one (ram-policy-reference §1.4). There is no escape syntax, so a literal `*` in a
 * request resource (such as `.../consumergroup/*`) is matched by a pattern `*` like any character.
 */
export function globMatches(pattern: string, value: string, caseSensitive: boolean): boolean {
  if (pattern === '*') return true;
  // Most patterns are literal ARNs or actions: a literal matches only itself, without compiling anything.
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return pattern === value || (!caseSensitive && lowerCase(pattern) === lowerCase(value));
  }
  const cache = caseSensitive ? sensitive : insensitive;
  let matcher = cache.get(pattern);
  if (!matcher) {
    matcher = compile(pattern, caseSensitive);
    cache.set(pattern, matcher);
  }
  if ('regex' in matcher) return matcher.regex.test(value);
  return matchesRuns(matcher.runs, value);
}

/** Whether an action pattern covers sts:AssumeRole; most actions are literal, so a glob is the exception. */
export function coversAssumeRole(action: string): boolean {
  if (!action.includes('*') && !action.includes('?')) return lowerCase(action) === 'sts:assumerole';
  return globMatches(action, 'sts:AssumeRole', false);
}
