import * as fc from 'fast-check';
import { Condition, ConditionOperator as Op } from '../../lib/policy';
import { conditionHolds } from '../../lib/analysis/private/condition-eval';
import { candidateContexts, undecidedKeys } from '../../lib/analysis/private/satisfying-context';

// The analysis asks "can any request get in?" by trying candidate request contexts, built key by key: a
// request meets some conditions on a key and fails others (the Allow's to meet, a Deny's to fail). If no
// candidate falls where a request would, the answer is a "no" where RAM lets the request in. Brute force over
// a domain that holds a value of every such place says what the candidates must find, for each kind of
// value: numbers (decimals between bounds), instants (milliseconds inside a second), IPv6 blocks and strings
// (globs, exact and ignore-case values). fast-check prints the seed and the shrunk case on failure.
const RUNS = Number(process.env.XACCOUNT_PROPERTY_RUNS ?? 300);
const KEY = 'acs:Key';

/** Conditions on KEY, each to be met (true) or failed (false). */
type Goal = [Condition, boolean][];

const holdsFor = (goal: Goal, value: string | undefined): boolean =>
  goal.every(([c, meet]) => conditionHolds(c, value === undefined ? {} : { [KEY]: [value] }, true) === meet);
const candidates = (goal: Goal): (string | undefined)[] =>
  Array.from(candidateContexts(goal.map(([c]) => c)), (context) => context[KEY]?.[0]);

/** Goals of 1 to 5 conditions made by `condition`, each met or failed. */
const goals = (condition: fc.Arbitrary<Condition>): fc.Arbitrary<Goal> =>
  fc.array(fc.tuple(condition, fc.boolean()), { minLength: 1, maxLength: 5 });

const of = (operators: Op[], values: fc.Arbitrary<string>, most = 2): fc.Arbitrary<Condition> =>
  fc
    .tuple(fc.constantFrom(...operators), fc.uniqueArray(values, { minLength: 1, maxLength: most }))
    .map(([operator, v]) => Condition.of(operator, KEY, v));

/** Every candidate really is where it is said to be, and some is wherever some value of `domain` is. */
function exactOver(domain: (string | undefined)[]) {
  return (goal: Goal) => {
    const found = candidates(goal).some((v) => holdsFor(goal, v));
    expect(found).toBe(domain.some((v) => holdsFor(goal, v)));
  };
}

describe('candidates reach every place the conditions of one kind tell apart (properties)', () => {
  test('numbers: decimals between bounds, below and above them', () => {
    const bounds = ['-1', '0', '0.5', '1', '1.5', '1.50', '2', '2.25', '10'];
    const single = [Op.NUMERIC_LESS_THAN, Op.NUMERIC_LESS_THAN_EQUALS, Op.NUMERIC_GREATER_THAN];
    const condition = fc.oneof(
      of([Op.NUMERIC_EQUALS, Op.NUMERIC_NOT_EQUALS], fc.constantFrom(...bounds)),
      of([...single, Op.NUMERIC_GREATER_THAN_EQUALS], fc.constantFrom(...bounds), 1),
    );
    // Every stretch between two bounds holds a multiple of 1/16.
    const domain = [undefined, 'x', ...Array.from({ length: 16 * 16 + 1 }, (_, i) => String(-3 + i / 16))];
    fc.assert(fc.property(goals(condition), exactOver(domain)), { numRuns: RUNS });
  });

  test('instants: milliseconds inside a second, and a date without a time', () => {
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    const offsets = [0, 1, 2, 500, 800, 999, 1000, 60_000];
    const iso = (ms: number) => new Date(base + ms).toISOString();
    const instants = [...offsets.map(iso), '2026-01-01', '2026-01-01T00:00:00.5Z'];
    const operators = [Op.DATE_LESS_THAN, Op.DATE_LESS_THAN_EQUALS, Op.DATE_GREATER_THAN, Op.DATE_GREATER_THAN_EQUALS];
    const condition = fc.oneof(
      of([Op.DATE_EQUALS, Op.DATE_NOT_EQUALS], fc.constantFrom(...instants)),
      of(operators, fc.constantFrom(...instants), 1),
    );
    // Each instant and the milliseconds on either side of it: every stretch between two holds one.
    const domain = [undefined, ...[...offsets, 500].flatMap((o) => [o - 1, o, o + 1]).map(iso)];
    fc.assert(fc.property(goals(condition), exactOver(domain)), { numRuns: RUNS });
  });

  test('IPv6: blocks inside 2001:db8::/120 and the addresses around it', () => {
    const hex = (n: number) => n.toString(16);
    const block = fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 120, max: 128 }))
      .map(([n, prefix]) => `2001:db8::${hex(n - (n % 2 ** (128 - prefix)))}/${prefix}`);
    const condition = of([Op.IP_ADDRESS, Op.NOT_IP_ADDRESS], block);
    const domain = [
      undefined,
      '2001:db7:ffff:ffff:ffff:ffff:ffff:ffff',
      ...Array.from({ length: 257 }, (_, n) => `2001:db8::${hex(n)}`),
    ];
    fc.assert(fc.property(goals(condition), exactOver(domain)), { numRuns: RUNS });
  });

  test('strings: globs, exact and ignore-case values together (no way in that a short string has is missed)', () => {
    const texts = ['a', 'b', 'ab', 'ba', 'aa', 'A', 'Ab', 'aB'];
    const globs = ['*', 'a*', '*a', '*b', 'a?', '?b', 'a*b', '*a*', '??', 'a?b', 'ax*'];
    const condition = fc.oneof(
      of([Op.STRING_EQUALS, Op.STRING_NOT_EQUALS, Op.STRING_EQUALS_IGNORE_CASE], fc.constantFrom(...texts)),
      of([Op.STRING_NOT_EQUALS_IGNORE_CASE], fc.constantFrom(...texts)),
      of([Op.STRING_LIKE, Op.STRING_NOT_LIKE], fc.constantFrom(...globs)),
    );
    // Every string of up to four characters over the letters named, their other case and one other.
    const letters = ['a', 'b', 'A', 'B', 'x', '~'];
    const words: string[] = [''];
    for (let length = 1; length <= 4; length++) {
      for (const w of words.filter((v) => v.length === length - 1)) letters.forEach((c) => words.push(w + c));
    }
    const domain = [undefined, ...words.filter((w) => w !== '')];
    fc.assert(
      fc.property(goals(condition), (goal) => {
        // The candidates may find a longer string than the domain holds: only "the domain has one" is asked.
        if (domain.some((v) => holdsFor(goal, v))) expect(candidates(goal).some((v) => holdsFor(goal, v))).toBe(true);
        expect(undecidedKeys(goal.map(([c]) => c))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('what the candidates cannot decide is said, never taken as a "no"', () => {
  test('conditions of different kinds on one key', () => {
    const mixed = [Condition.stringLike(KEY, ['1*']), Condition.numericGreaterThan(KEY, 5)];
    expect(undecidedKeys(mixed)).toEqual([
      'conditions of different kinds (numeric, string) on acs:Key, which this analysis does not decide together (use one kind of operator per key)',
    ]);
  });

  test('an ignore-case value beyond ASCII', () => {
    expect(undecidedKeys([Condition.stringEqualsIgnoreCase(KEY, ['Straße'])])).toEqual([
      'string conditions on acs:Key that this analysis cannot decide exactly (an ignore-case value beyond ASCII, or patterns with more than 20,000 states together)',
    ]);
  });

  test('conditions of one kind, or on different keys, are decided', () => {
    expect(undecidedKeys([Condition.numericLessThan(KEY, 2), Condition.numericGreaterThan(KEY, 1.5)])).toEqual([]);
    expect(undecidedKeys([Condition.stringLike(KEY, ['1*']), Condition.numericGreaterThan('acs:Other', 5)])).toEqual(
      [],
    );
  });

  test('the Kelvin sign, which lowers to k, is a way past StringEquals k and K under StringEqualsIgnoreCase k', () => {
    const goal: Goal = [
      [Condition.stringEqualsIgnoreCase(KEY, ['k']), true],
      [Condition.stringEquals(KEY, ['k', 'K']), false],
    ];
    expect(candidates(goal).filter((v) => holdsFor(goal, v))).toEqual(['\u212a']);
  });
});

describe('numbers at the ends of the doubles', () => {
  const max = '1' + '0'.repeat(308); // 1e308, written as the evaluator reads numbers
  const found = (goal: Goal) => candidates(goal).filter((v) => holdsFor(goal, v));

  test('between -1e308 and 1e308 (halves first: their difference overflows)', () => {
    const goal: Goal = [
      [Condition.of(Op.NUMERIC_GREATER_THAN, KEY, [`-${max}`]), true],
      [Condition.of(Op.NUMERIC_LESS_THAN, KEY, [max]), true],
    ];
    expect(found(goal).length).toBeGreaterThan(0);
  });

  test('above the largest double: a text that reads as Infinity', () => {
    const largest = BigInt(Number.MAX_VALUE).toString();
    const goal: Goal = [[Condition.of(Op.NUMERIC_GREATER_THAN, KEY, [largest]), true]];
    expect(found(goal)).toEqual([`1${'0'.repeat(400)}`]);
  });

  test('below the lowest double: a text that reads as -Infinity', () => {
    const lowest = `-${BigInt(Number.MAX_VALUE).toString()}`;
    const goal: Goal = [[Condition.of(Op.NUMERIC_LESS_THAN, KEY, [lowest]), true]];
    expect(found(goal)).toEqual([`-1${'0'.repeat(400)}`]);
  });
});
