import { Condition, ConditionOperator as Op } from '../../lib/policy';
import { stringRegions } from '../../lib/analysis/private/string-regions';
import { keyRegions } from '../../lib/analysis/private/value-regions';

// The values keyRegions adds for one key, one kind at a time, beside a candidate list that holds only
// "absent": each value reaches a way the conditions hold or fail together that no earlier value reached, in
// the order stretches are listed (below the lowest bound, the bounds, above the highest, between each two).
// The properties in value-regions.property.test.ts check completeness by brute force; these say the values.
const K = 'acs:Key';
const c = (op: Op, ...values: string[]) => Condition.of(op, K, values);
const added = (...conditions: Condition[]) => keyRegions(K, conditions, [undefined]).values;

describe('numbers', () => {
  test('above 1.5 and below 2: 0 (below both), 2 (not below 2), 1.75 (between: the way in)', () => {
    expect(added(c(Op.NUMERIC_GREATER_THAN, '1.5'), c(Op.NUMERIC_LESS_THAN, '2'))).toEqual(['0', '2', '1.75']);
  });

  test('written without an exponent, as the evaluator reads numbers: 2e21 and -1.000001', () => {
    expect(added(c(Op.NUMERIC_GREATER_THAN, '1000000000000000000000'))).toEqual(['2000000000000000000000']);
    expect(added(c(Op.NUMERIC_LESS_THAN, '-0.000001'))).toEqual(['-1.000001']);
  });
});

test('instants: a millisecond before, the upper bound, and the middle of an 800 ms window', () => {
  expect(
    added(c(Op.DATE_GREATER_THAN, '2026-01-01T00:00:00.000Z'), c(Op.DATE_LESS_THAN, '2026-01-01T00:00:00.800Z')),
  ).toEqual(['2025-12-31T23:59:59.999Z', '2026-01-01T00:00:00.800Z', '2026-01-01T00:00:00.400Z']);
});

describe('IPv6 blocks', () => {
  test('in /32 and /33 (its first address), in /32 only (its last)', () => {
    expect(added(c(Op.IP_ADDRESS, '2001:db8::/32'), c(Op.IP_ADDRESS, '2001:db8::/33'))).toEqual([
      '2001:db8:0:0:0:0:0:0',
      '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
    ]);
  });

  test('an IPv4 tail is read as the last two groups', () => {
    expect(added(c(Op.NOT_IP_ADDRESS, '::ffff:10.0.0.0/120'))).toEqual(['0:0:0:0:0:ffff:a00:0']);
  });

  test('::/0 has no address outside it; IPv4 blocks have their candidates elsewhere', () => {
    expect(added(c(Op.IP_ADDRESS, '::/0'))).toEqual(['0:0:0:0:0:0:0:0']);
    expect(added(c(Op.IP_ADDRESS, '10.0.0.0/8'))).toEqual([]);
  });
});

test('Bool and IP conditions on one key are two kinds, not decided together', () => {
  expect(keyRegions(K, [c(Op.BOOL, 'true'), c(Op.IP_ADDRESS, '10.0.0.0/8')], [undefined]).undecided).toBe(
    'conditions of different kinds (bool, ip) on acs:Key, which this analysis does not decide together (use one kind of operator per key)',
  );
});

describe('strings: the shortest string for each combination of values it matches', () => {
  test('a* against ax*, a and a*~: aa matches a* alone (the way past a Deny of the other three)', () => {
    expect(stringRegions([c(Op.STRING_LIKE, 'a*'), c(Op.STRING_LIKE, 'ax*', 'a', 'a*~')])).toEqual([
      '',
      'a',
      'aa',
      'ax',
      'a~',
      'ax~',
    ]);
  });

  test('exact ab, glob ?b and ab without case: AB, Ab, Bb and ab each match another combination', () => {
    const conditions = [c(Op.STRING_EQUALS, 'ab'), c(Op.STRING_LIKE, '?b'), c(Op.STRING_EQUALS_IGNORE_CASE, 'AB')];
    expect(stringRegions(conditions)).toEqual(['', 'AB', 'Ab', 'Bb', 'ab']);
  });

  test('a value of one character another does not name: ~', () => {
    expect(stringRegions([c(Op.STRING_LIKE, '~')])).toEqual(['', '~']);
  });

  test('six globs of eight letters each: more than 20,000 states together, undecided', () => {
    const many = ['a', 'b', 'c', 'd', 'e', 'f'].map((l) => c(Op.STRING_LIKE, `*${l}`.repeat(8) + '*'));
    expect(stringRegions(many)).toBeUndefined();
    expect(keyRegions(K, many, [undefined]).undecided).toBe(
      'string conditions on acs:Key that this analysis cannot decide exactly (an ignore-case value beyond ASCII, or patterns with more than 20,000 states together)',
    );
  });
});
