import { Condition, ConditionKey, Effect, PolicyDocument, PolicyStatement, Principal } from '../../lib/policy';
import { errorOf, PARTNER } from '../support/ids';

// Behaviour the mutation run (docs/mutation.md) showed no test relied on.

describe('policy model edges', () => {
  test('a document read before and after addStatements answers for what it holds now', () => {
    const doc = new PolicyDocument([new PolicyStatement({ actions: ['a:One'], resources: ['*'] })]);
    expect(doc.toJsonString()).toBe('{"Statement":[{"Action":"a:One","Effect":"Allow","Resource":"*"}],"Version":"1"}');
    expect(doc.validateForIdentityPolicy()).toEqual([]);
    expect(doc.validateForTrustPolicy()).toHaveLength(2);
    expect(doc.statements).toHaveLength(1);
    doc.addStatements(new PolicyStatement({ actions: ['b:Two'], principals: [Principal.account(PARTNER)] }));
    expect(doc.statements).toHaveLength(2);
    expect(doc.toJsonString()).toContain('"b:Two"');
    expect(doc.validateForIdentityPolicy()).toEqual([
      'statement 2 of 2: statement has no resources (an identity policy statement needs Resource; use "*" for all)',
      'statement 2 of 2: statement has principals (Principal belongs in trust policies only)',
    ]);
    expect(doc.validateForTrustPolicy()).toEqual([
      'statement 1 of 2: statement has no principals (a trust policy statement names who may assume the role)',
      'statement 1 of 2: statement has resources (a trust policy statement has no Resource element)',
    ]);
  });

  test('merging runs until nothing changes: a Resource merge can make an Action merge possible', () => {
    const s = (actions: string[], resources: string[]) => new PolicyStatement({ actions, resources });
    const doc = new PolicyDocument([
      s(['a:A'], ['acs:x:*:*:r1']),
      s(['a:A'], ['acs:x:*:*:r2']),
      s(['a:B'], ['acs:x:*:*:r1', 'acs:x:*:*:r2']),
    ]);
    expect(doc.toJson().Statement).toEqual([
      { Action: ['a:A', 'a:B'], Effect: 'Allow', Resource: ['acs:x:*:*:r1', 'acs:x:*:*:r2'] },
    ]);
  });

  test('an effect other than Allow or Deny (from JavaScript, unchecked by types) is reported', () => {
    const statement = new PolicyStatement({ effect: 'Permit' as Effect, actions: ['a:B'], resources: ['*'] });
    expect(statement.validate()).toEqual(['effect "Permit" is not Allow or Deny']);
  });

  test('times of day and zone offsets are checked field by field', () => {
    const problems = (date: string) => Condition.dateLessThan(ConditionKey.CURRENT_TIME, date).validate();
    for (const ok of ['2026-06-30T23:59:59Z', '2026-06-30T00:00+23:59', '2026-06-30T12:00:00-00:00']) {
      expect([ok, problems(ok)]).toEqual([ok, []]);
    }
    const where = 'condition DateLessThan "acs:CurrentTime": value';
    expect(problems('2026-06-30T24:00:00Z')).toEqual([`${where} "2026-06-30T24:00:00Z" is not a time of day (24:00)`]);
    expect(problems('2026-06-30T23:60:00Z')).toEqual([`${where} "2026-06-30T23:60:00Z" is not a time of day (23:60)`]);
    expect(problems('2026-06-30T23:59:60Z')).toEqual([
      `${where} "2026-06-30T23:59:60Z" is not a time of day (second 60)`,
    ]);
    expect(problems('2026-06-30T12:00:00+24:00')).toEqual([
      `${where} "2026-06-30T12:00:00+24:00" has no valid zone offset (24:00)`,
    ]);
    expect(problems('2026-06-30T12:00:00+23:60')).toEqual([
      `${where} "2026-06-30T12:00:00+23:60" has no valid zone offset (23:60)`,
    ]);
  });

  test('a principal names the account the message is about', () => {
    expect(errorOf(() => Principal.ramUser('1', 'bob'))).toBe(
      'Principal: accountId "1" is not an account ID (a 16-digit Alibaba Cloud account ID)',
    );
    expect(Principal.fromIdentifier('RAM', `acs:ram::${PARTNER}:user/x`).accountId).toBe(PARTNER);
  });
});

describe('conditions given twice', () => {
  test('the same condition twice is written once; different values for one key refuse to render', () => {
    const vpc = () => Condition.stringEquals(ConditionKey.SOURCE_VPC, ['vpc-1']);
    const twice = new PolicyStatement({ actions: ['a:B'], resources: ['*'], conditions: [vpc(), vpc()] });
    expect(twice.validate()).toEqual([]);
    expect(twice.toJson().Condition).toEqual({ StringEquals: { 'acs:SourceVpc': 'vpc-1' } });
    const conflicting = new PolicyStatement({
      actions: ['a:B'],
      resources: ['*'],
      conditions: [vpc(), Condition.stringEquals(ConditionKey.SOURCE_VPC, ['vpc-2'])],
    });
    expect(errorOf(() => conflicting.toJson())).toBe(
      'condition StringEquals "acs:SourceVpc" is given twice with different values; a statement can hold each key once per operator',
    );
  });
});
