import * as fc from 'fast-check';
import { actionsMeet } from '../../lib/analysis/private/action-meets';
import { actionFiller, resourceFiller } from '../../lib/analysis/private/fresh-probes';
import { globMatches } from '../../lib/analysis/private/glob';

// The made-up values of the XA-WILDCARD-* probes (fresh-probes.ts) and the meetings of action patterns that
// they are drawn from (action-meets.ts), checked against globMatches on concrete values: the rules are
// sound only if no pattern can tell a value the probes did not make from one they made.

// Patterns hold only `a`, `b`, `:`, `/` as text, so `y` and `z` are characters no pattern holds.
const patternText = fc.string({ unit: fc.constantFrom('a', 'b', ':', '/', '*', '?'), minLength: 1, maxLength: 9 });
const patterns = fc.array(patternText, { minLength: 1, maxLength: 4 });
const template = fc.string({ unit: fc.constantFrom('a', ':', '*', '?'), minLength: 1, maxLength: 6 });
/** Fillings of a template's wildcards with words of `y` and `z` (a `*` by one to seven of them, a `?` by one). */
const fillings = fc.array(fc.string({ unit: fc.constantFrom('y', 'z'), minLength: 1, maxLength: 7 }), {
  minLength: 12,
  maxLength: 12,
});

function fill(t: string, words: string[]): string {
  let i = 0;
  return t.replace(/[*?]/g, (w) => (w === '*' ? words[i++] : words[i++][0]));
}

const signature = (ps: string[], value: string, caseSensitive: boolean): string =>
  ps.map((p) => (globMatches(p, value, caseSensitive) ? '1' : '0')).join('');

describe.each([
  ['resource', resourceFiller, true],
  ['action', actionFiller, false],
] as const)('%s fills', (_, filler, caseSensitive) => {
  test('every value the template matches, of characters no pattern holds, is decided as one made-up value is', () => {
    fc.assert(
      fc.property(patterns, template, fillings, (ps, t, words) => {
        const made = filler(ps)(t);
        if (made === undefined) return; // the rule reports: nothing to miss
        for (const value of made) expect(globMatches(t, value, caseSensitive)).toBe(true);
        const other = fill(t, words);
        const signatures = new Set(made.map((value) => signature(ps, value, caseSensitive)));
        expect({ other, made, decided: signatures.has(signature(ps, other, caseSensitive)) }).toEqual({
          other,
          made,
          decided: true,
        });
      }),
      { numRuns: 3000 },
    );
  });
});

// Action patterns of the shapes policies use: literal, `*`, prefix, suffix, in service and name.
const part = fc.constantFrom('*', 'log', 'l*', 'lo*', '*g', '*og', 'ab', 'ab*', '*bc', 'b*', '*b', 'l?g');
const action = fc.oneof(
  fc.constant('*'),
  fc.tuple(part, part).map(([s, n]) => `${s}:${n}`),
);
const word = fc.string({ unit: fc.constantFrom('l', 'o', 'g', 'a', 'b', 'c', 'x'), minLength: 1, maxLength: 4 });
const actions = fc.array(
  fc.tuple(word, word).map(([s, n]) => `${s}:${n}`),
  { minLength: 30, maxLength: 30 },
);
/** Words near the parts' text, where prefixes and suffixes overlap (`abc` is both `ab*` and `*bc`) or just miss. */
const NEAR = ['log', 'lg', 'lxg', 'g', 'og', 'ab', 'bc', 'abc', 'abbc', 'b', 'x'];
const NEAR_ACTIONS = NEAR.flatMap((s) => NEAR.map((n) => `${s}:${n}`));

describe('actionsMeet', () => {
  test('matches exactly the actions both patterns match (or says it cannot tell)', () => {
    fc.assert(
      fc.property(action, action, actions, (a, b, values) => {
        const met = actionsMeet(a, b);
        if (met === undefined) return;
        const wrong = [...values, ...NEAR_ACTIONS, ...met.map((m) => m.replace(/\*/g, 'x').replace(/\?/g, 'o'))].filter(
          (v) => met.some((m) => globMatches(m, v, false)) !== (globMatches(a, v, false) && globMatches(b, v, false)),
        );
        expect({ a, b, met, wrong }).toEqual({ a, b, met, wrong: [] });
      }),
      { numRuns: 5000 },
    );
  });

  test('reads every pair of literal, *, prefix and suffix parts', () => {
    fc.assert(
      fc.property(action, action, (a, b) => {
        if (a.includes('?') || b.includes('?')) return;
        expect(actionsMeet(a, b)).toBeDefined();
      }),
    );
  });
});
