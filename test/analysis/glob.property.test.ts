import * as fc from 'fast-check';
import { globMatches } from '../../lib/analysis/private/glob';

/** The anchored regular expression every glob was matched with before runs replaced it (ram-policy-reference §1.4). */
function reference(pattern: string, value: string, caseSensitive: boolean): boolean {
  const body = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.+()|{}[\]]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, caseSensitive ? 's' : 'is').test(value);
}

// A small alphabet makes repeated runs, overlaps and near misses likely: `a*a*a` against `aaa`, `/*/` ...
const pattern = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'A', 'b', '/', ':', '.', '*', '?', '\n'), maxLength: 10 }),
  fc.string({ unit: fc.constantFrom('a', 'b', '*'), maxLength: 8 }),
);
const value = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'A', 'b', '/', ':', '.', '*', '\n'), maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 6 }),
);

describe('globMatches', () => {
  test('decides exactly as the anchored regular expression, either case mode', () => {
    fc.assert(
      fc.property(pattern, value, fc.boolean(), (p, v, caseSensitive) => {
        expect(globMatches(p, v, caseSensitive)).toBe(reference(p, v, caseSensitive));
      }),
      { numRuns: 5000 },
    );
  });

  test('matches runs in order at the leftmost place, not only the first and last', () => {
    expect(globMatches('acs:log:*:*:project/*/logstore/x', 'acs:log:r:1:project/p/logstore/x', true)).toBe(true);
    expect(globMatches('a*ab*b', 'aabb', true)).toBe(true);
    expect(globMatches('a*ab*b', 'ab', true)).toBe(false);
    expect(globMatches('ab*ba', 'aba', true)).toBe(false);
    // A middle run may not overlap the last one: "ab" at 1 ends where "ba" would have to start.
    expect(globMatches('a*ab*ba', 'aaba', true)).toBe(false);
    expect(globMatches('a*ab*ba', 'aabba', true)).toBe(true);
    expect(globMatches('Role/*', 'role/x', true)).toBe(false);
  });
});
