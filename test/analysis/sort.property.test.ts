import * as fc from 'fast-check';
import { sortBy, sortStrings } from '../../lib/analysis/private/sort';

// sort.ts replaces Array.prototype.sort for short lists (it allocates on every call): the order must be
// exactly the built-in one, duplicates and stability included, on both sides of the short-list cut.

const SEED = Number(process.env.SORT_PROPERTY_SEED ?? 20261201);
const text = fc.string({ unit: fc.constantFrom('a', 'B', 'b', ':', '*', '/', '0', '9', 'é', '–', '😀'), maxLength: 4 });

describe('sortStrings and sortBy give the order of Array.prototype.sort', () => {
  test('sortStrings: the order of sort() without a comparator (UTF-16 code units), at every length', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), (list) => {
        const expected = [...list].sort();
        const copy = [...list];
        expect(sortStrings(copy)).toEqual(expected);
        expect(copy).toEqual(expected); // in place, like sort()
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  test('sortBy: the order of sort(compare), stable for equal keys, at every length', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: text, at: fc.nat() }), { maxLength: 40 }), (list) => {
        const compare = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
        expect(sortBy([...list], compare)).toEqual([...list].sort(compare));
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  test('an empty list and one value come back as they are', () => {
    expect(sortStrings([])).toEqual([]);
    expect(sortStrings(['b'])).toEqual(['b']);
    expect(sortBy([3, 1, 2], (a, b) => a - b)).toEqual([1, 2, 3]);
  });
});
