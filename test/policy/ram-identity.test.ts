import { Decision, PolicyEvaluator } from '../../lib/analysis';
import { Arn, PolicyDocument, PolicyStatement, Principal } from '../../lib/policy';
import { OWNER, PARTNER } from '../support/ids';

const TRUST_BOB = new PolicyDocument([
  new PolicyStatement({ actions: ['sts:AssumeRole'], principals: [Principal.ramUser(PARTNER, 'bob')] }),
]);
const STS_ALL = PolicyDocument.fromJson(
  '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Resource":"*"}],"Version":"1"}',
);
const ROLE = `acs:ram::${OWNER}:role/r`;

describe('RAM identity ARNs (ram-policy-reference §2.3, §3.2, §3.7)', () => {
  test('root, users, roles and role sessions are parsed; a session is its role for trust purposes', () => {
    expect(Arn.parseRamIdentity(`acs:ram::${PARTNER}:root`)).toEqual({
      accountId: PARTNER,
      kind: 'root',
      identityArn: `acs:ram::${PARTNER}:root`,
    });
    expect(Arn.parseRamIdentity(`acs:ram::${PARTNER}:user/bob`)).toEqual({
      accountId: PARTNER,
      kind: 'user',
      name: 'bob',
      identityArn: `acs:ram::${PARTNER}:user/bob`,
    });
    expect(Arn.parseRamIdentity(`acs:ram::${PARTNER}:role/ci/build-42`)).toEqual({
      accountId: PARTNER,
      kind: 'role',
      name: 'ci',
      sessionName: 'build-42',
      identityArn: `acs:ram::${PARTNER}:role/ci`,
    });
  });

  test.each([
    `acs:ram::${PARTNER}:user/bob/extra`,
    `acs:ram::${PARTNER}:role/ci/s/more`,
    `acs:ram::${PARTNER}:root/x`,
    `acs:ram::${PARTNER}:user/`,
    `acs:ram::${PARTNER}:user/b*`,
    `acs:ram:cn-hangzhou:${PARTNER}:user/bob`,
    `acs:ram::${PARTNER}:group/devs`,
    'acs:ram::abc:user/bob',
  ])('%s is not a RAM identity', (arn) => {
    expect(Arn.parseRamIdentity(arn)).toBeUndefined();
  });

  test('a trust principal user/bob/extra is refused when a document is read', () => {
    const json = JSON.stringify({
      Statement: [
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: `acs:ram::${PARTNER}:user/bob/extra` } },
      ],
      Version: '1',
    });
    expect(() => PolicyDocument.fromJson(json)).toThrow(
      `Statement[0].RAM principal "acs:ram::${PARTNER}:user/bob/extra" is not acs:ram::<account id>:root, :user/<name> or :role/<name>`,
    );
  });

  test('the evaluator does not take caller user/bob/extra for user bob (users have no sessions)', () => {
    const bob = PolicyEvaluator.explainAssumeRole([STS_ALL], TRUST_BOB, `acs:ram::${PARTNER}:user/bob`, ROLE);
    expect(bob.decision).toBe(Decision.ALLOW);
    const extra = PolicyEvaluator.explainAssumeRole([STS_ALL], TRUST_BOB, `acs:ram::${PARTNER}:user/bob/extra`, ROLE);
    expect(extra.decision).toBe(Decision.IMPLICIT_DENY);
    expect(extra.reason).toBe(
      `caller "acs:ram::${PARTNER}:user/bob/extra" is not acs:ram::<account>:user/<name>, :role/<name> or :root`,
    );
  });

  test('a session of a trusted role is that role', () => {
    const trust = new PolicyDocument([
      new PolicyStatement({ actions: ['sts:AssumeRole'], principals: [Principal.ramRole(PARTNER, 'ci')] }),
    ]);
    expect(PolicyEvaluator.evaluateAssumeRole([STS_ALL], trust, `acs:ram::${PARTNER}:role/ci/build-1`, ROLE)).toBe(
      Decision.ALLOW,
    );
  });
});
