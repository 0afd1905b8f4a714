const sensitive = new Map<string, RegExp>();
const insensitive = new Map<string, RegExp>();

/**
 * Whole-string, anchored glob: `*` matches any run of characters (empty, `/` and `:` included),
 * `?` exactly one (ram-policy-reference §1.4). There is no escape syntax, so a literal `*` in a
 * request resource (such as `.../consumergroup/*`) is matched by a pattern `*` like any character.
 */
export function globMatches(pattern: string, value: string, caseSensitive: boolean): boolean {
  if (pattern === '*') return true;
  // Most patterns are literal ARNs or actions: a literal matches only itself, without compiling a regex.
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return caseSensitive ? pattern === value : pattern.toLowerCase() === value.toLowerCase();
  }
  const cache = caseSensitive ? sensitive : insensitive;
  let regex = cache.get(pattern);
  if (!regex) {
    const body = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.+()|{}[\]]/g, '\\$&')))
      .join('');
    regex = new RegExp(`^${body}$`, caseSensitive ? 's' : 'is');
    cache.set(pattern, regex);
  }
  return regex.test(value);
}

/** Whether an action pattern covers sts:AssumeRole; most actions are literal, so a glob is the exception. */
export function coversAssumeRole(action: string): boolean {
  if (!action.includes('*') && !action.includes('?')) return action.toLowerCase() === 'sts:assumerole';
  return globMatches(action, 'sts:AssumeRole', false);
}
