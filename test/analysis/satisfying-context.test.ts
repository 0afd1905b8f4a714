import { Condition, ConditionKey } from '../../lib/policy';
import { conditionHolds } from '../../lib/analysis/private/condition-eval';
import { candidateContexts } from '../../lib/analysis/private/satisfying-context';

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
