import { shapeOf } from '../../lib/analysis/private/synth-reader';

// How the reader's messages show a value (synth-reader.ts shapeOf): missing, an array, an object, or the
// JSON of the value, cut after 37 characters when it is longer than 40.
test.each<[unknown, string]>([
  [undefined, 'is missing'],
  [[1], 'is an array'],
  [{ a: 1 }, 'is an object'],
  [null, 'is null'],
  [7, 'is 7'],
  ['x'.repeat(38), `is "${'x'.repeat(38)}"`],
  ['x'.repeat(39), `is "${'x'.repeat(36)}...`],
])('%j %s', (value, words) => {
  expect(shapeOf(value)).toBe(words);
});
