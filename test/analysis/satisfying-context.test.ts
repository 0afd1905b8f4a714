import { Condition, ConditionKey, ConditionOperator } from '../../lib/policy';
import { conditionHolds } from '../../lib/analysis/private/condition-eval';
import { candidateContexts, satisfyingContext } from '../../lib/analysis/private/satisfying-context';

const meets = (conditions: Condition[]) =>
  Array.from(candidateContexts(conditions)).some((c) => conditions.every((x) => conditionHolds(x, c, true)));

describe('candidateContexts', () => {
  test('finds a context where the first guess fails: in 10.0.0.0/8 but not in 10.0.0.0/16', () => {
    const conditions = [
      Condition.ipAddress(ConditionKey.SOURCE_IP, ['10.0.0.0/8']),
      Condition.notIpAddress(ConditionKey.SOURCE_IP, ['10.0.0.0/16']),
    ];
    const first = candidateContexts(conditions).next().value!;
    expect(conditions.every((c) => conditionHolds(c, first, true))).toBe(false);
    expect(meets(conditions)).toBe(true);
  });

  test('a pattern and an excluded value: StringLike e* and StringNotEquals ex', () => {
    expect(
      meets([
        Condition.stringLike(ConditionKey.EXTERNAL_ID, ['e*']),
        Condition.stringNotEquals(ConditionKey.EXTERNAL_ID, ['ex']),
      ]),
    ).toBe(true);
  });

  test('conditions nothing can meet give no meeting context', () => {
    expect(
      meets([
        Condition.stringEquals(ConditionKey.EXTERNAL_ID, ['a']),
        Condition.stringEquals(ConditionKey.EXTERNAL_ID, ['b']),
      ]),
    ).toBe(false);
  });

  test('restricted keys take only the values given (an API call: no MFA)', () => {
    const contexts = Array.from(
      candidateContexts([Condition.bool(ConditionKey.MFA_PRESENT, true)], {
        [ConditionKey.MFA_PRESENT]: [undefined, 'false'],
      }),
    );
    expect(contexts.map((c) => c[ConditionKey.MFA_PRESENT]?.[0])).toEqual([undefined, undefined, 'false']);
  });
});

// One condition of each operator, with a value of its kind: a principal that follows the rules can meet
// it (the report's "can assume when ..."), and a caller can also miss it (a boundary value).
const KEY = 'acs:Test';
const SAMPLES: [ConditionOperator, string[]][] = [
  [ConditionOperator.STRING_EQUALS, ['a']],
  [ConditionOperator.STRING_NOT_EQUALS, ['a']],
  [ConditionOperator.STRING_EQUALS_IGNORE_CASE, ['A']],
  [ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE, ['A']],
  [ConditionOperator.STRING_LIKE, ['a*b?']],
  [ConditionOperator.STRING_NOT_LIKE, ['a*']],
  [ConditionOperator.NUMERIC_EQUALS, ['5']],
  [ConditionOperator.NUMERIC_NOT_EQUALS, ['5']],
  [ConditionOperator.NUMERIC_LESS_THAN, ['5']],
  [ConditionOperator.NUMERIC_LESS_THAN_EQUALS, ['5']],
  [ConditionOperator.NUMERIC_GREATER_THAN, ['5']],
  [ConditionOperator.NUMERIC_GREATER_THAN_EQUALS, ['5']],
  [ConditionOperator.DATE_EQUALS, ['2026-12-01T00:00:00Z']],
  [ConditionOperator.DATE_NOT_EQUALS, ['2026-12-01T00:00:00Z']],
  [ConditionOperator.DATE_LESS_THAN, ['2026-12-01T00:00:00Z']],
  [ConditionOperator.DATE_LESS_THAN_EQUALS, ['2026-12-01T00:00:00Z']],
  [ConditionOperator.DATE_GREATER_THAN, ['2026-12-01T00:00:00Z']],
  [ConditionOperator.DATE_GREATER_THAN_EQUALS, ['2026-12-01T00:00:00Z']],
  [ConditionOperator.BOOL, ['true']],
  [ConditionOperator.IP_ADDRESS, ['10.1.0.0/16']],
  [ConditionOperator.NOT_IP_ADDRESS, ['10.1.0.0/16']],
];
const NEGATED = new Set<string>([
  ConditionOperator.STRING_NOT_EQUALS,
  ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE,
  ConditionOperator.STRING_NOT_LIKE,
  ConditionOperator.NUMERIC_NOT_EQUALS,
  ConditionOperator.DATE_NOT_EQUALS,
  ConditionOperator.NOT_IP_ADDRESS,
]);

describe('satisfyingContext and candidateContexts, operator by operator', () => {
  test.each(SAMPLES)('%s %j: the first context meets it', (operator, values) => {
    const condition = Condition.of(operator, KEY, values);
    const first = satisfyingContext([condition]);
    expect(conditionHolds(condition, first, true)).toBe(true);
    // Negated operators are met by leaving the key out; the others by a value for it.
    expect(KEY in first).toBe(!NEGATED.has(operator));
    expect(candidateContexts([condition]).next().value).toEqual(first);
  });

  // Every value tried for a pattern matches it but the one with `~` added after a final `*`: so those never
  // give a present value that meets StringNotLike `a*`. The addresses tried for a block are its first and
  // last and the two just outside it, so IpAddress and NotIpAddress are both met and missed.
  const NO_PRESENT_MISS = new Set<string>([]);
  const NO_PRESENT_MEET = new Set<string>([ConditionOperator.STRING_NOT_LIKE]);
  test.each(SAMPLES)('%s %j: present values that meet it and that miss it are tried', (operator, values) => {
    const condition = Condition.of(operator, KEY, values);
    const present = Array.from(candidateContexts([condition])).filter((c) => KEY in c);
    expect(present.some((c) => !conditionHolds(condition, c, true))).toBe(!NO_PRESENT_MISS.has(operator));
    expect(present.some((c) => conditionHolds(condition, c, true))).toBe(!NO_PRESENT_MEET.has(operator));
  });

  test.each([
    ['a numeric window of one', [Condition.numericGreaterThan(KEY, 4), Condition.numericLessThan(KEY, 6)], ['5']],
    [
      'a time window of two seconds',
      [Condition.dateGreaterThan(KEY, '2026-12-01T00:00:00Z'), Condition.dateLessThan(KEY, '2026-12-01T00:00:02Z')],
      ['2026-12-01T00:00:01.000Z'],
    ],
    [
      'the last address of a block',
      [Condition.ipAddress(KEY, ['10.0.0.0/24']), Condition.notIpAddress(KEY, ['10.0.0.0/25'])],
      ['10.0.0.255'],
    ],
    [
      'a pattern without its wildcard',
      [Condition.stringLike(KEY, ['ab*']), Condition.stringNotLike(KEY, ['abx*'])],
      ['ab'],
    ],
  ])('%s: the only meeting value is among the candidates', (_, conditions, meeting) => {
    const met = Array.from(candidateContexts(conditions)).filter((c) =>
      conditions.every((x) => conditionHolds(x, c, true)),
    );
    expect(met.map((c) => c[KEY])).toContainEqual(meeting);
  });

  test('a block is tried at its first and last address and just outside them, within the IPv4 range', () => {
    const tried = (cidr: string) =>
      Array.from(candidateContexts([Condition.ipAddress(KEY, [cidr])]))
        .slice(1)
        .map((c) => c[KEY]?.[0]);
    expect(tried('10.1.0.0/16')).toEqual([undefined, '10.1.0.0', '10.1.255.255', '10.0.255.255', '10.2.0.0']);
    expect(tried('0.0.0.0/8')).toEqual([undefined, '0.0.0.0', '0.255.255.255', '1.0.0.0']);
    expect(tried('255.0.0.0/8')).toEqual([undefined, '255.0.0.0', '255.255.255.255', '254.255.255.255']);
    expect(tried('0.0.0.0/0')).toEqual([undefined, '0.0.0.0', '255.255.255.255']);
  });

  test('a stretch bounded only by other blocks (11.0.0.0/8: in 8.0.0.0/5, outside the rest) is among the candidates', () => {
    const conditions = [
      Condition.ipAddress(KEY, ['8.0.0.0/5']),
      Condition.notIpAddress(KEY, ['8.0.0.0/7']),
      Condition.notIpAddress(KEY, ['10.0.0.0/8']),
      Condition.notIpAddress(KEY, ['12.0.0.0/6']),
    ];
    const met = Array.from(candidateContexts(conditions)).filter((c) =>
      conditions.every((x) => conditionHolds(x, c, true)),
    );
    expect(met.map((c) => c[KEY])).toEqual([['11.0.0.0'], ['11.255.255.255']]);
  });

  test('a value that is not a number, a date or an address is tried as written', () => {
    for (const operator of [
      ConditionOperator.NUMERIC_EQUALS,
      ConditionOperator.DATE_EQUALS,
      ConditionOperator.IP_ADDRESS,
    ]) {
      const contexts = Array.from(candidateContexts([Condition.of(operator, KEY, ['x'])]));
      expect(contexts.map((c) => c[KEY])).toEqual([['x'], undefined, ['x']]);
    }
  });

  test('several keys are combined, every key keeping its absent choice', () => {
    const contexts = Array.from(
      candidateContexts([Condition.bool(ConditionKey.MFA_PRESENT, true), Condition.stringEquals(KEY, ['a'])]),
    );
    // the first guess, then (absent, a, a~) for acs:Test times (absent, true, false) for acs:MFAPresent
    expect(contexts).toHaveLength(1 + 3 * 3);
    expect(contexts[1]).toEqual({});
    expect(contexts).toContainEqual({ [KEY]: ['a~'], [ConditionKey.MFA_PRESENT]: ['false'] });
  });
});
