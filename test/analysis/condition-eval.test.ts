import { Decision, PolicyEvaluator } from '../../lib/analysis';
import { Condition, ConditionOperator, Effect, PolicyDocument, PolicyStatement } from '../../lib/policy';

// One Allow with one condition, on any action and resource.
const allows = (condition: Condition, values: string[]) =>
  PolicyEvaluator.evaluate(
    [new PolicyDocument([new PolicyStatement({ actions: ['*'], resources: ['*'], conditions: [condition] })])],
    { action: 'a:B', resource: 'x', context: { [condition.key]: values } },
  ) === Decision.ALLOW;

describe('condition values the request sends in odd forms', () => {
  test('an IP is inside a block of its own family only; a request value with a prefix is no address', () => {
    expect(allows(Condition.ipAddress('acs:SourceIp', ['10.0.0.0/8']), ['10.255.0.1'])).toBe(true);
    expect(allows(Condition.ipAddress('acs:SourceIp', ['10.0.0.1']), ['10.0.0.1'])).toBe(true);
    expect(allows(Condition.ipAddress('acs:SourceIp', ['10.0.0.1']), ['10.0.0.2'])).toBe(false);
    expect(allows(Condition.ipAddress('acs:SourceIp', ['10.0.0.0/8']), ['10.0.0.1/32'])).toBe(false);
    expect(allows(Condition.ipAddress('acs:SourceIp', ['0.0.0.0/0']), ['::1'])).toBe(false);
    expect(allows(Condition.ipAddress('acs:SourceIp', ['::/0']), ['10.0.0.1'])).toBe(false);
    expect(allows(Condition.ipAddress('acs:SourceIp', ['2001:db8::/32']), ['2001:db8::5'])).toBe(true);
    expect(allows(Condition.notIpAddress('acs:SourceIp', ['10.0.0.0/8']), ['::1'])).toBe(true);
  });

  test('dates compare as instants across zones; numbers as numbers; Bool in any case of the request', () => {
    expect(
      allows(Condition.dateEquals('acs:CurrentTime', ['2026-06-30T20:00:00+08:00']), ['2026-06-30T12:00:00Z']),
    ).toBe(true);
    expect(
      allows(Condition.dateLessThan('acs:CurrentTime', '2026-06-30T12:00:01Z'), ['2026-06-30T20:00:00+08:00']),
    ).toBe(true);
    expect(allows(Condition.dateLessThan('acs:CurrentTime', '2026-06-30T12:00:00Z'), ['x2026-06-30'])).toBe(false);
    expect(allows(Condition.numericEquals('acs:N', [1]), ['1.0'])).toBe(true);
    expect(allows(Condition.numericLessThan('acs:N', 10), ['9.5'])).toBe(true);
    expect(allows(Condition.numericLessThan('acs:N', 10), ['1e0'])).toBe(false);
    expect(allows(Condition.bool('acs:MFAPresent', true), ['TRUE'])).toBe(true);
    expect(allows(Condition.stringLike('acs:X', ['a*']), ['A1'])).toBe(false);
  });
});

describe('statements the mutation run showed untested', () => {
  const request = { action: 'log:GetLogStoreLogs', resource: 'acs:log:*:*:project/p', context: {} };
  const decide = (props: ConstructorParameters<typeof PolicyStatement>[0]) =>
    PolicyEvaluator.evaluate([new PolicyDocument([new PolicyStatement(props)])], request);

  test('NotAction excludes a request that matches any one of its actions; Resource admits one matching any', () => {
    expect(decide({ notActions: ['log:GetLogStoreLogs', 'ecs:*'], resources: ['*'] })).toBe(Decision.IMPLICIT_DENY);
    expect(decide({ notActions: ['ecs:*', 'oss:*'], resources: ['*'] })).toBe(Decision.ALLOW);
    expect(decide({ actions: ['log:*'], resources: ['acs:log:*:*:project/q', 'acs:log:*:*:project/p'] })).toBe(
      Decision.ALLOW,
    );
  });

  test('an identity statement without Resource (invalid there) matches no request', () => {
    expect(decide({ actions: ['*'] })).toBe(Decision.IMPLICIT_DENY);
    expect(decide({ effect: Effect.DENY, actions: ['*'] })).toBe(Decision.IMPLICIT_DENY);
  });

  test('numbers with several decimals and dates with a one-digit day', () => {
    expect(allows(Condition.numericEquals('acs:N', [2.55]), ['2.55'])).toBe(true);
    expect(allows(Condition.dateLessThan('acs:CurrentTime', '2030-01-01T00:00:00Z'), ['2026-06-3'])).toBe(false);
    expect(allows(Condition.dateNotEquals('acs:CurrentTime', ['2026-06-03']), ['2026-06-3'])).toBe(true);
  });

  test('an operator the evaluator does not know is refused, not guessed', () => {
    const unknown = Condition.of('StringEqualsIfExists' as ConditionOperator, 'acs:X', ['a']);
    expect(() => allows(unknown, ['a'])).toThrow(
      'condition operator "StringEqualsIfExists" is not supported by the evaluator',
    );
  });
});
