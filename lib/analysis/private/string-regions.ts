import { Condition, ConditionOperator } from '../../policy';

/**
 * One string a condition value stands for, as the evaluator compares it (condition-eval.ts): the exact
 * text (`StringEquals`), the text without case (`StringEqualsIgnoreCase`) or a glob (`StringLike`).
 */
type Token = { readonly star: true } | { readonly star: false; readonly chars?: ReadonlySet<string> };

/** Code units by the single code unit `toLowerCase` gives them (those it lengthens are left out). */
let byLowerCase: Map<string, string[]> | undefined;

function unitsLoweringTo(lower: string): string[] {
  if (!byLowerCase) {
    byLowerCase = new Map();
    for (let u = 0; u < 0x10000; u++) {
      const c = String.fromCharCode(u);
      const l = c.toLowerCase();
      if (l.length !== 1) continue;
      const list = byLowerCase.get(l);
      if (list) list.push(c);
      else byLowerCase.set(l, [c]);
    }
  }
  return byLowerCase.get(lower) ?? [lower];
}

/** Whether every code unit of the text is ASCII (lowering one never changes the text's length or depends on its neighbours). */
const isAscii = (text: string): boolean => text.split('').every((c) => c.charCodeAt(0) < 0x80);

/**
 * The tokens of one condition value, for the operator's comparison; undefined when the comparison is not
 * one a character at a time (`toLowerCase` of a text beyond ASCII may change its length or depend on
 * the letters around it, as a final sigma does).
 */
function tokensOf(operator: string, value: string): Token[] | undefined {
  switch (operator) {
    case ConditionOperator.STRING_EQUALS:
    case ConditionOperator.STRING_NOT_EQUALS:
      return Array.from(value.split(''), (c) => ({ star: false, chars: new Set([c]) }));
    case ConditionOperator.STRING_EQUALS_IGNORE_CASE:
    case ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE:
      if (!isAscii(value)) return undefined;
      // Every code unit lowering to the same letter matches it (the Kelvin sign matches `k`).
      return Array.from(value.toLowerCase().split(''), (c) => ({ star: false, chars: new Set(unitsLoweringTo(c)) }));
    default:
      // StringLike and StringNotLike: `*` any run, `?` any one code unit, anything else itself (glob.ts).
      return value
        .split('')
        .map((c) => (c === '*' ? { star: true } : c === '?' ? { star: false } : { star: false, chars: new Set([c]) }));
  }
}

/** The positions of a pattern reachable without reading: a `*` may match nothing. */
function closure(tokens: Token[], positions: number[]): number[] {
  const reached = new Set<number>();
  const stack = [...positions];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (reached.has(p)) continue;
    reached.add(p);
    if (p < tokens.length && tokens[p].star) stack.push(p + 1);
  }
  return Array.from(reached).sort((a, b) => a - b);
}

function step(tokens: Token[], positions: number[], c: string): number[] {
  const next: number[] = [];
  for (const p of positions) {
    if (p >= tokens.length) continue;
    const t = tokens[p];
    if (t.star) next.push(p);
    else if (!t.chars || t.chars.has(c)) next.push(p + 1);
  }
  return closure(tokens, next);
}

/** At most this many states of all the patterns together are explored for one key. */
export const MAX_STATES = 20_000;

/** A character no token names: it stands for every such character, which all the patterns treat alike. */
function freshCharacter(alphabet: Set<string>): string {
  for (const c of '~#%=_-+!0123456789') if (!alphabet.has(c)) return c;
  for (let u = 0x100; ; u++) if (!alphabet.has(String.fromCharCode(u))) return String.fromCharCode(u);
}

/**
 * One string for each way the string conditions of one key can hold or fail together: the shortest value
 * that meets exactly those of their values. Exact: the values are read as automata (a `*` any run, `?` any
 * code unit, without case for ASCII), and every reachable combination of their states is visited, so every
 * combination some string reaches is reached. Undefined when the answer could not be exact (an
 * ignore-case value beyond ASCII, or more than 20,000 combinations of states).
 */
export function stringRegions(conditions: Condition[]): string[] | undefined {
  const patterns: Token[][] = [];
  for (const c of conditions) {
    for (const v of c.values) {
      const tokens = tokensOf(c.operator, v);
      if (!tokens) return undefined;
      patterns.push(tokens);
    }
  }
  const alphabet = new Set<string>();
  for (const tokens of patterns)
    for (const t of tokens) if (!t.star && t.chars) t.chars.forEach((c) => alphabet.add(c));
  const letters = [...Array.from(alphabet).sort(), freshCharacter(alphabet)];
  const start = patterns.map((tokens) => closure(tokens, [0]));
  const keyOf = (state: number[][]): string => state.map((p) => p.join(',')).join('|');
  const signatureOf = (state: number[][]): string =>
    state.map((p, i) => (p.includes(patterns[i].length) ? '1' : '0')).join('');
  const seen = new Set<string>([keyOf(start)]);
  const witnesses = new Map<string, string>();
  let frontier: { state: number[][]; text: string }[] = [{ state: start, text: '' }];
  while (frontier.length > 0) {
    const next: { state: number[][]; text: string }[] = [];
    for (const { state, text } of frontier) {
      const signature = signatureOf(state);
      if (!witnesses.has(signature)) witnesses.set(signature, text);
      for (const c of letters) {
        const moved = state.map((p, i) => step(patterns[i], p, c));
        const key = keyOf(moved);
        if (seen.has(key)) continue;
        if (seen.size >= MAX_STATES) return undefined;
        seen.add(key);
        next.push({ state: moved, text: text + c });
      }
    }
    frontier = next;
  }
  return Array.from(witnesses.values());
}
