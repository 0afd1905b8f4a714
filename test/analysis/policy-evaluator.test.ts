import { Decision, PolicyEvaluator } from '../../lib/analysis';
import { Condition, ConditionOperator, Effect, PolicyDocument, PolicyStatement, Principal } from '../../lib/policy';
import { OTHER, OWNER, PARTNER } from '../support/ids';

const RESOURCE = `acs:log:cn-hangzhou:${OWNER}:project/p/logstore/ls`;
const withCondition = (condition: Condition) =>
  new PolicyDocument([
    new PolicyStatement({ actions: ['log:GetLogStore'], resources: ['*'], conditions: [condition] }),
  ]);
const run = (condition: Condition, key: string, values: string[] | undefined) =>
  PolicyEvaluator.evaluate([withCondition(condition)], {
    action: 'log:GetLogStore',
    resource: RESOURCE,
    context: values === undefined ? {} : { [key]: values },
  });

// Each operator with a request that satisfies it and one that does not.
const cases: [string, Condition, string, string][] = [
  ['StringEquals', Condition.stringEquals('acs:X', ['a', 'b']), 'b', 'B'],
  ['StringNotEquals', Condition.stringNotEquals('acs:X', ['a', 'b']), 'c', 'a'],
  ['StringEqualsIgnoreCase', Condition.stringEqualsIgnoreCase('acs:X', ['Dev']), 'DEV', 'prod'],
  ['StringNotEqualsIgnoreCase', Condition.stringNotEqualsIgnoreCase('acs:X', ['Dev']), 'prod', 'dEV'],
  ['StringLike', Condition.stringLike('acs:X', ['vpc-?b*']), 'vpc-abc', 'vpc-bcc'],
  ['StringNotLike', Condition.stringNotLike('acs:X', ['vpc-*']), 'subnet-1', 'vpc-1'],
  ['NumericEquals', Condition.numericEquals('acs:X', [443]), '443', '80'],
  ['NumericNotEquals', Condition.numericNotEquals('acs:X', [80]), '443', '80'],
  ['NumericLessThan', Condition.numericLessThan('acs:X', 10), '9.5', '10'],
  ['NumericLessThanEquals', Condition.numericLessThanEquals('acs:X', 10), '10', '10.1'],
  ['NumericGreaterThan', Condition.numericGreaterThan('acs:X', 10), '11', '10'],
  ['NumericGreaterThanEquals', Condition.numericGreaterThanEquals('acs:X', 10), '10', '9'],
  [
    'DateEquals',
    Condition.dateEquals('acs:CurrentTime', ['2026-01-01T08:00:00+08:00']),
    '2026-01-01T00:00:00Z',
    '2026-01-01T08:00:00Z',
  ],
  [
    'DateNotEquals',
    Condition.dateNotEquals('acs:CurrentTime', ['2026-01-01T00:00:00Z']),
    '2026-01-02T00:00:00Z',
    '2026-01-01T08:00:00+08:00',
  ],
  [
    'DateLessThan',
    Condition.dateLessThan('acs:CurrentTime', '2026-12-31T23:59:59+08:00'),
    '2026-12-31T15:59:58Z',
    '2026-12-31T16:00:00Z',
  ],
  [
    'DateLessThanEquals',
    Condition.dateLessThanEquals('acs:CurrentTime', '2026-12-31T00:00:00Z'),
    '2026-12-31T00:00:00Z',
    '2026-12-31T00:00:01Z',
  ],
  [
    'DateGreaterThan',
    Condition.dateGreaterThan('acs:CurrentTime', '2026-01-01T00:00:00Z'),
    '2026-01-01T00:00:01Z',
    '2025-12-31T23:59:59Z',
  ],
  [
    'DateGreaterThanEquals',
    Condition.dateGreaterThanEquals('acs:CurrentTime', '2026-01-01T00:00:00Z'),
    '2026-01-01T08:00:00+08:00',
    '2025-12-31T00:00:00Z',
  ],
  ['Bool', Condition.bool('acs:SecureTransport', true), 'true', 'false'],
  [
    'IpAddress',
    Condition.ipAddress('acs:SourceIp', ['10.0.0.0/8', '2001:db8::/32', '198.51.100.7']),
    '2001:db8::1',
    '11.0.0.1',
  ],
  ['NotIpAddress', Condition.notIpAddress('acs:SourceIp', ['10.0.0.0/8']), '11.0.0.1', '10.255.255.255'],
];

describe('PolicyEvaluator condition operators', () => {
  test('every documented operator is covered here', () => {
    expect(cases.map(([name]) => name).sort()).toEqual(Object.values(ConditionOperator).sort());
  });

  test.each(cases)('%s: holds for the matching value and not for the other', (_name, condition, yes, no) => {
    expect(run(condition, condition.key, [yes])).toBe(Decision.ALLOW);
    expect(run(condition, condition.key, [no])).toBe(Decision.IMPLICIT_DENY);
  });

  test('several values for one key are ORed; several request values match if any does', () => {
    expect(run(Condition.stringEquals('acs:X', ['a', 'b']), 'acs:X', ['z', 'a'])).toBe(Decision.ALLOW);
  });

  test('several conditions in one statement are ANDed', () => {
    const doc = new PolicyDocument([
      new PolicyStatement({
        actions: ['ecs:*'],
        resources: ['*'],
        conditions: [Condition.bool('acs:MFAPresent', true), Condition.ipAddress('acs:SourceIp', ['10.0.0.0/8'])],
      }),
    ]);
    const request = (mfa: string, ip: string) => ({
      action: 'ecs:StartInstance',
      resource: '*',
      context: { 'acs:MFAPresent': [mfa], 'acs:SourceIp': [ip] },
    });
    expect(PolicyEvaluator.evaluate([doc], request('true', '10.1.1.1'))).toBe(Decision.ALLOW);
    expect(PolicyEvaluator.evaluate([doc], request('true', '11.1.1.1'))).toBe(Decision.IMPLICIT_DENY);
    expect(PolicyEvaluator.evaluate([doc], request('false', '10.1.1.1'))).toBe(Decision.IMPLICIT_DENY);
  });

  test('negated operators on a missing key: satisfied by default, switchable (UNCONFIRMED)', () => {
    const condition = Condition.stringNotEquals('acs:SourceVpc', ['vpc-1']);
    expect(run(condition, 'acs:SourceVpc', undefined)).toBe(Decision.ALLOW);
    expect(
      PolicyEvaluator.evaluate(
        [withCondition(condition)],
        { action: 'log:GetLogStore', resource: RESOURCE },
        undefined,
        {
          negatedOperatorMatchesMissingKey: false,
        },
      ),
    ).toBe(Decision.IMPLICIT_DENY);
  });

  test('malformed request values never satisfy numeric, date or IP operators', () => {
    expect(run(Condition.numericLessThan('acs:X', 10), 'acs:X', ['ten'])).toBe(Decision.IMPLICIT_DENY);
    expect(run(Condition.dateLessThan('acs:CurrentTime', '2030-01-01T00:00:00Z'), 'acs:CurrentTime', ['soon'])).toBe(
      Decision.IMPLICIT_DENY,
    );
    expect(run(Condition.ipAddress('acs:SourceIp', ['10.0.0.0/8']), 'acs:SourceIp', ['10.0.0.0/9'])).toBe(
      Decision.IMPLICIT_DENY,
    );
  });
});

describe('PolicyEvaluator resources and actions', () => {
  const doc = new PolicyDocument([
    new PolicyStatement({ actions: ['log:Get*'], resources: [`acs:log:*:${OWNER}:project/p/*`] }),
  ]);

  test('resources are case-sensitive by default, switchable (UNCONFIRMED)', () => {
    const upper = `acs:log:cn-hangzhou:${OWNER}:project/p/Logstore/ls`;
    expect(PolicyEvaluator.evaluate([doc], { action: 'log:GetLogStore', resource: upper })).toBe(Decision.ALLOW);
    expect(
      PolicyEvaluator.evaluate([doc], { action: 'log:GetLogStore', resource: upper.replace('project/p', 'project/P') }),
    ).toBe(Decision.IMPLICIT_DENY);
    expect(
      PolicyEvaluator.evaluate(
        [doc],
        { action: 'log:GetLogStore', resource: upper.replace('project/p', 'project/P') },
        undefined,
        {
          caseSensitiveResources: false,
        },
      ),
    ).toBe(Decision.ALLOW);
  });

  test('"*" matches the empty string, so acs:ram:*:<A>:role/x covers the role ARN with an empty region', () => {
    const grant = new PolicyDocument([
      new PolicyStatement({ actions: ['sts:AssumeRole'], resources: [`acs:ram:*:${OWNER}:role/x`] }),
    ]);
    expect(PolicyEvaluator.evaluate([grant], { action: 'sts:AssumeRole', resource: `acs:ram::${OWNER}:role/x` })).toBe(
      Decision.ALLOW,
    );
  });

  test('"*" crosses ":" as well as "/", and "?" never matches an empty string', () => {
    const any = new PolicyDocument([new PolicyStatement({ actions: ['log:GetLogStore'], resources: ['acs:log:*'] })]);
    expect(PolicyEvaluator.evaluate([any], { action: 'log:GetLogStore', resource: RESOURCE })).toBe(Decision.ALLOW);
    const one = new PolicyDocument([new PolicyStatement({ actions: ['log:GetLogStore'], resources: ['acs:log:?:*'] })]);
    expect(PolicyEvaluator.evaluate([one], { action: 'log:GetLogStore', resource: RESOURCE })).toBe(
      Decision.IMPLICIT_DENY,
    );
    expect(PolicyEvaluator.evaluate([one], { action: 'log:GetLogStore', resource: 'acs:log:x:y' })).toBe(
      Decision.ALLOW,
    );
    expect(PolicyEvaluator.evaluate([one], { action: 'log:GetLogStore', resource: 'acs:log::y' })).toBe(
      Decision.IMPLICIT_DENY,
    );
  });

  test('regular-expression characters in patterns are literal', () => {
    const odd = new PolicyDocument([
      new PolicyStatement({ actions: ['oss:GetObject'], resources: ['acs:oss:*:*:bucket/a.b+(c)'] }),
    ]);
    expect(PolicyEvaluator.evaluate([odd], { action: 'oss:GetObject', resource: 'acs:oss:*:*:bucket/a.b+(c)' })).toBe(
      Decision.ALLOW,
    );
    expect(PolicyEvaluator.evaluate([odd], { action: 'oss:GetObject', resource: 'acs:oss:*:*:bucket/aXb+(c)' })).toBe(
      Decision.IMPLICIT_DENY,
    );
  });
});

describe('PolicyEvaluator AssumeRole principals', () => {
  const role = `acs:ram::${OWNER}:role/r`;
  const grant = new PolicyDocument([new PolicyStatement({ actions: ['sts:AssumeRole'], resources: [role] })]);
  const trust = (...principals: Principal[]) =>
    new PolicyDocument([new PolicyStatement({ actions: ['sts:AssumeRole'], principals })]);

  test('a root principal covers RAM users and role sessions of that account, not the account itself', () => {
    const t = trust(Principal.account(PARTNER));
    expect(PolicyEvaluator.evaluateAssumeRole([grant], t, `acs:ram::${PARTNER}:user/any`, role)).toBe(Decision.ALLOW);
    expect(PolicyEvaluator.evaluateAssumeRole([grant], t, `acs:ram::${PARTNER}:role/ci`, role)).toBe(Decision.ALLOW);
    expect(PolicyEvaluator.evaluateAssumeRole([grant], t, `acs:ram::${PARTNER}:role/ci/session-1`, role)).toBe(
      Decision.ALLOW,
    );
    expect(PolicyEvaluator.evaluateAssumeRole([grant], t, `acs:ram::${PARTNER}:root`, role)).toBe(
      Decision.IMPLICIT_DENY,
    );
    expect(PolicyEvaluator.evaluateAssumeRole([grant], t, `acs:ram::${OTHER}:user/any`, role)).toBe(
      Decision.IMPLICIT_DENY,
    );
  });

  test('user and role principals name exactly one identity', () => {
    const t = trust(Principal.ramUser(PARTNER, 'bob'), Principal.ramRole(PARTNER, 'ci'));
    expect(PolicyEvaluator.evaluateAssumeRole([grant], t, `acs:ram::${PARTNER}:user/bob`, role)).toBe(Decision.ALLOW);
    expect(PolicyEvaluator.evaluateAssumeRole([grant], t, `acs:ram::${PARTNER}:user/alice`, role)).toBe(
      Decision.IMPLICIT_DENY,
    );
    expect(PolicyEvaluator.evaluateAssumeRole([grant], t, `acs:ram::${PARTNER}:role/ci/s1`, role)).toBe(Decision.ALLOW);
    expect(PolicyEvaluator.evaluateAssumeRole([grant], t, `acs:ram::${PARTNER}:role/other`, role)).toBe(
      Decision.IMPLICIT_DENY,
    );
  });

  test('a grant on another role does not help', () => {
    const other = new PolicyDocument([
      new PolicyStatement({ actions: ['sts:AssumeRole'], resources: [`acs:ram::${OWNER}:role/other`] }),
    ]);
    const explained = PolicyEvaluator.explainAssumeRole(
      [other],
      trust(Principal.account(PARTNER)),
      `acs:ram::${PARTNER}:user/bob`,
      role,
    );
    expect(explained.decision).toBe(Decision.IMPLICIT_DENY);
    expect(explained.reason).toBe(
      "the trust policy allows it, but the caller's own policies do not allow sts:AssumeRole on the role",
    );
  });

  test('trust conditions such as MFA come from the request context', () => {
    const t = trust(Principal.account(PARTNER).withConditions(Condition.bool('acs:MFAPresent', true)));
    const bob = `acs:ram::${PARTNER}:user/bob`;
    expect(PolicyEvaluator.evaluateAssumeRole([grant], t, bob, role, { 'acs:MFAPresent': ['true'] })).toBe(
      Decision.ALLOW,
    );
    expect(PolicyEvaluator.explainAssumeRole([grant], t, bob, role, { 'acs:MFAPresent': ['false'] }).reason).toBe(
      "the caller may call sts:AssumeRole, but the role's trust policy does not name it (or its conditions do not hold)",
    );
  });

  test('a malformed caller ARN is refused with the reason', () => {
    const explained = PolicyEvaluator.explainAssumeRole([grant], trust(Principal.account(PARTNER)), 'bob', role);
    expect(explained).toMatchObject({
      decision: Decision.IMPLICIT_DENY,
      reason: 'caller "bob" is not acs:ram::<account>:user/<name>, :role/<name> or :root',
    });
  });

  test('a Deny statement of any effect type is honoured in identity policies', () => {
    const deny = new PolicyDocument([
      new PolicyStatement({ effect: Effect.DENY, actions: ['sts:*'], resources: ['*'] }),
    ]);
    expect(
      PolicyEvaluator.evaluateAssumeRole(
        [grant, deny],
        trust(Principal.account(PARTNER)),
        `acs:ram::${PARTNER}:user/bob`,
        role,
      ),
    ).toBe(Decision.EXPLICIT_DENY);
  });
});

describe('PolicyEvaluator.explainAssumeRole: every pair of decisions, with its reason', () => {
  const role = `acs:ram::${OWNER}:role/r`;
  const bob = `acs:ram::${PARTNER}:user/bob`;
  const callerSide = (effect: Effect | undefined) =>
    effect === undefined
      ? []
      : [new PolicyDocument([new PolicyStatement({ effect, actions: ['sts:AssumeRole'], resources: [role] })])];
  const trustSide = (effect: Effect | undefined) =>
    new PolicyDocument([
      new PolicyStatement({
        effect: effect ?? Effect.ALLOW,
        actions: ['sts:AssumeRole'],
        principals: [effect === undefined ? Principal.account(OTHER) : Principal.ramUser(PARTNER, 'bob')],
      }),
    ]);
  const sides: [Effect | undefined, Decision][] = [
    [Effect.ALLOW, Decision.ALLOW],
    [Effect.DENY, Decision.EXPLICIT_DENY],
    [undefined, Decision.IMPLICIT_DENY],
  ];
  const reasons: { [pair: string]: string } = {
    'Allow Allow': "both the trust policy and the caller's own policies allow it",
    'Allow ImplicitDeny':
      "the caller may call sts:AssumeRole, but the role's trust policy does not name it (or its conditions do not hold)",
    'ImplicitDeny Allow':
      "the trust policy allows it, but the caller's own policies do not allow sts:AssumeRole on the role",
    'ImplicitDeny ImplicitDeny': "neither the trust policy nor the caller's own policies allow it",
  };

  test.each(sides.flatMap((c) => sides.map((t) => [c, t] as const)))(
    'caller %j, trust %j',
    ([callerEffect, callerDecision], [trustEffect, trustDecision]) => {
      const explained = PolicyEvaluator.explainAssumeRole(callerSide(callerEffect), trustSide(trustEffect), bob, role);
      const decision = [callerDecision, trustDecision].includes(Decision.EXPLICIT_DENY)
        ? Decision.EXPLICIT_DENY
        : callerDecision === Decision.ALLOW && trustDecision === Decision.ALLOW
          ? Decision.ALLOW
          : Decision.IMPLICIT_DENY;
      const reason =
        callerDecision === Decision.EXPLICIT_DENY
          ? "the caller's own policies explicitly deny sts:AssumeRole on the role"
          : trustDecision === Decision.EXPLICIT_DENY
            ? 'the trust policy explicitly denies this caller'
            : reasons[`${callerDecision} ${trustDecision}`];
      expect(explained).toEqual({ decision, callerDecision, trustDecision, reason });
      expect(PolicyEvaluator.evaluateAssumeRole(callerSide(callerEffect), trustSide(trustEffect), bob, role)).toBe(
        decision,
      );
    },
  );

  test('the account itself is refused before any policy is read, with the rule', () => {
    expect(
      PolicyEvaluator.explainAssumeRole(
        callerSide(Effect.ALLOW),
        trustSide(Effect.ALLOW),
        `acs:ram::${PARTNER}:root`,
        role,
      ),
    ).toEqual({
      decision: Decision.IMPLICIT_DENY,
      callerDecision: Decision.IMPLICIT_DENY,
      trustDecision: Decision.IMPLICIT_DENY,
      reason: 'an Alibaba Cloud account itself cannot call AssumeRole; only its RAM users and roles can (§2.3)',
    });
  });

  test('a trust statement with a Resource element must match the role; services and IdPs never match a RAM caller', () => {
    const withResource = (resource: string) =>
      new PolicyDocument([
        new PolicyStatement({
          actions: ['sts:AssumeRole'],
          resources: [resource],
          principals: [Principal.ramUser(PARTNER, 'bob')],
        }),
      ]);
    expect(PolicyEvaluator.evaluateAssumeRole(callerSide(Effect.ALLOW), withResource(role), bob, role)).toBe(
      Decision.ALLOW,
    );
    expect(PolicyEvaluator.evaluateAssumeRole(callerSide(Effect.ALLOW), withResource(`${role}-other`), bob, role)).toBe(
      Decision.IMPLICIT_DENY,
    );
    for (const principal of [Principal.service('ecs.aliyuncs.com'), Principal.samlProvider(PARTNER, 'idp')]) {
      const t = new PolicyDocument([new PolicyStatement({ actions: ['sts:AssumeRole'], principals: [principal] })]);
      expect(PolicyEvaluator.evaluateAssumeRole(callerSide(Effect.ALLOW), t, bob, role)).toBe(Decision.IMPLICIT_DENY);
    }
  });
});
