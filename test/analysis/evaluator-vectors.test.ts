// Every vector of ../shared/reference/evaluator-vectors.md, with its number. Accounts: A owns the
// resources and the role, B is the accessor, C is unrelated (12-digit placeholders, as in the vectors).
import { AssumeRoleParameterCheck, Decision, PolicyEvaluator } from '../../lib/analysis';
import { PolicyDocument } from '../../lib/policy';

const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const LS1 = `acs:log:cn-hangzhou:${A}:project/p1/logstore/ls1`;
const CG1 = `${LS1}/consumergroup/cg1`;
const ROLE = `acs:ram::${A}:role/logwriter`;
const BOB = `acs:ram::${B}:user/bob`;

const doc = (statements: object[]) => PolicyDocument.fromJson(JSON.stringify({ Version: '1', Statement: statements }));
const allow = (action: string | string[], resource: string | string[], extra: object = {}) =>
  doc([{ Effect: 'Allow', Action: action, Resource: resource, ...extra }]);
const LOG_FULL = allow('log:*', '*');
const STS_ALL = allow('sts:AssumeRole', '*');
const TP_ROOT = PolicyDocument.fromJson(
  `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::${B}:root"]}}],"Version":"1"}`,
);
const evaluate = (policies: PolicyDocument[], action: string, resource: string, context?: { [k: string]: string[] }) =>
  PolicyEvaluator.evaluate(policies, { action, resource, context });

describe('A. identity-policy basics', () => {
  test('T01 default deny', () => {
    expect(evaluate([], 'log:GetLogStoreLogs', LS1)).toBe(Decision.IMPLICIT_DENY);
  });
  test('T02 exact Allow on a scoped logstore; "*" region matches cn-hangzhou', () => {
    expect(
      evaluate([allow('log:PostLogStoreLogs', `acs:log:*:${A}:project/p1/logstore/ls1`)], 'log:PostLogStoreLogs', LS1),
    ).toBe(Decision.ALLOW);
  });
  test('T03 explicit Deny in a second policy overrides Allow', () => {
    const deny = doc([{ Effect: 'Deny', Action: 'log:PostLogStoreLogs', Resource: 'acs:log:*:*:project/p1/*' }]);
    expect(evaluate([LOG_FULL, deny], 'log:PostLogStoreLogs', LS1)).toBe(Decision.EXPLICIT_DENY);
  });
  test("T04 Deny inherited from a group beats the user's own Allow", () => {
    const groupOps = doc([{ Effect: 'Deny', Action: 'log:Delete*', Resource: '*' }]);
    expect(evaluate([LOG_FULL, groupOps], 'log:DeleteLogStore', LS1)).toBe(Decision.EXPLICIT_DENY);
  });
  test('T05 ReadOnly system policy: log:Get* is a prefix glob', () => {
    const readOnly = allow(['log:Get*', 'log:List*'], '*');
    expect(evaluate([readOnly], 'log:GetLogStoreLogs', LS1)).toBe(Decision.ALLOW);
    expect(evaluate([readOnly], 'log:GetCursorOrData', LS1)).toBe(Decision.ALLOW);
    expect(evaluate([readOnly], 'log:PostLogStoreLogs', LS1)).toBe(Decision.IMPLICIT_DENY);
    expect(evaluate([readOnly], 'log:ConsumerGroupHeartBeat', CG1)).toBe(Decision.IMPLICIT_DENY);
  });
  test('T06 action matching is case-insensitive, with a strict mode', () => {
    const lower = allow('log:postlogstorelogs', '*');
    expect(evaluate([lower], 'log:PostLogStoreLogs', LS1)).toBe(Decision.ALLOW);
    expect(
      PolicyEvaluator.evaluate([lower], { action: 'log:PostLogStoreLogs', resource: LS1 }, undefined, {
        caseSensitiveActions: true,
      }),
    ).toBe(Decision.IMPLICIT_DENY);
  });
  test('T08 NotAction allows everything except the listed actions, and does not deny them', () => {
    const notRam = doc([{ Effect: 'Allow', NotAction: 'ram:*', Resource: '*' }]);
    expect(evaluate([notRam], 'ecs:DescribeInstances', '*')).toBe(Decision.ALLOW);
    expect(evaluate([notRam], 'ram:CreateUser', '*')).toBe(Decision.IMPLICIT_DENY);
  });
});

describe('B. resource matching and wildcards', () => {
  test('T09 a project ARN does not cover its logstores (anchored)', () => {
    expect(evaluate([allow('log:PostLogStoreLogs', 'acs:log:*:*:project/p1')], 'log:PostLogStoreLogs', LS1)).toBe(
      Decision.IMPLICIT_DENY,
    );
  });
  test('T10 "*" crosses "/"', () => {
    expect(
      evaluate([allow('log:ConsumerGroupHeartBeat', 'acs:log:*:*:project/p1/*')], 'log:ConsumerGroupHeartBeat', CG1),
    ).toBe(Decision.ALLOW);
  });
  test('T12 "?" matches exactly one character', () => {
    const p = allow('log:GetLogStoreLogs', 'acs:log:*:*:project/app-?/logstore/ls1');
    expect(evaluate([p], 'log:GetLogStoreLogs', `acs:log:cn-hangzhou:${A}:project/app-1/logstore/ls1`)).toBe(
      Decision.ALLOW,
    );
    expect(evaluate([p], 'log:GetLogStoreLogs', `acs:log:cn-hangzhou:${A}:project/app-10/logstore/ls1`)).toBe(
      Decision.IMPLICIT_DENY,
    );
  });
  test("T14 the account ID field must be the resource owner's", () => {
    expect(evaluate([allow('log:PostLogStoreLogs', `acs:log:*:${B}:project/p1/*`)], 'log:PostLogStoreLogs', LS1)).toBe(
      Decision.IMPLICIT_DENY,
    );
  });
  test('T16 consumer-group actions need the consumergroup resource', () => {
    const p = allow(['log:GetCursorOrData', 'log:ConsumerGroupHeartBeat'], `acs:log:*:${A}:project/p1/logstore/ls1`);
    expect(evaluate([p], 'log:GetCursorOrData', LS1)).toBe(Decision.ALLOW);
    expect(evaluate([p], 'log:ConsumerGroupHeartBeat', CG1)).toBe(Decision.IMPLICIT_DENY);
  });
});

describe('C. conditions', () => {
  const t17 = allow('log:*', '*', { Condition: { IpAddress: { 'acs:SourceIp': '192.168.0.0/16' } } });
  test('T17 IpAddress with a CIDR', () => {
    expect(evaluate([t17], 'log:GetLogStore', LS1, { 'acs:SourceIp': ['192.168.255.1'] })).toBe(Decision.ALLOW);
    expect(evaluate([t17], 'log:GetLogStore', LS1, { 'acs:SourceIp': ['192.169.0.1'] })).toBe(Decision.IMPLICIT_DENY);
  });
  test('T19 Deny with NotIpAddress', () => {
    const p2 = doc([
      {
        Effect: 'Deny',
        Action: 'log:*',
        Resource: '*',
        Condition: { NotIpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } },
      },
    ]);
    expect(evaluate([LOG_FULL, p2], 'log:GetLogStoreLogs', LS1, { 'acs:SourceIp': ['203.0.113.5'] })).toBe(
      Decision.EXPLICIT_DENY,
    );
    expect(evaluate([LOG_FULL, p2], 'log:GetLogStoreLogs', LS1, { 'acs:SourceIp': ['10.1.2.3'] })).toBe(Decision.ALLOW);
  });
  test('T20 AND across keys under one operator', () => {
    const p = allow('log:PostLogStoreLogs', '*', {
      Condition: { StringLike: { 'acs:SourceVpc': 'vpc-a*', 'acs:AccessId': 'STS.*' } },
    });
    expect(
      evaluate([p], 'log:PostLogStoreLogs', LS1, { 'acs:SourceVpc': ['vpc-abc'], 'acs:AccessId': ['STS.NUx1'] }),
    ).toBe(Decision.ALLOW);
    expect(
      evaluate([p], 'log:PostLogStoreLogs', LS1, { 'acs:SourceVpc': ['vpc-abc'], 'acs:AccessId': ['LTAI5tXYZ'] }),
    ).toBe(Decision.IMPLICIT_DENY);
  });
  test('T22 StringEquals is case-sensitive; StringEqualsIgnoreCase is not', () => {
    const pa = allow('ecs:*', '*', { Condition: { StringEquals: { 'acs:ResourceTag/team': ['Dev'] } } });
    const pb = allow('ecs:*', '*', { Condition: { StringEqualsIgnoreCase: { 'acs:ResourceTag/team': ['Dev'] } } });
    const context = { 'acs:ResourceTag/team': ['dev'] };
    expect(evaluate([pa], 'ecs:StopInstance', '*', context)).toBe(Decision.IMPLICIT_DENY);
    expect(evaluate([pb], 'ecs:StopInstance', '*', context)).toBe(Decision.ALLOW);
  });
  test('T25 Bool on acs:MFAPresent', () => {
    const p = allow('ecs:*', '*', { Condition: { Bool: { 'acs:MFAPresent': 'true' } } });
    expect(evaluate([p], 'ecs:DescribeInstances', '*', { 'acs:MFAPresent': ['false'] })).toBe(Decision.IMPLICIT_DENY);
  });
  test('T26 [ASSUMPTION] a positive operator over a missing key is not satisfied', () => {
    expect(evaluate([t17], 'log:GetLogStore', LS1, {})).toBe(Decision.IMPLICIT_DENY);
  });
  test('T27 [ASSUMPTION] undocumented operators are rejected with an error', () => {
    expect(() => allow('log:*', '*', { Condition: { StringEqualsIfExists: { 'acs:SourceVpc': 'vpc-a' } } })).toThrow(
      /operator "StringEqualsIfExists" is not a RAM condition operator/,
    );
  });
});

describe('D. session policy', () => {
  test('T28 the session policy narrows the role to the intersection', () => {
    const role = allow('log:*', `acs:log:*:${A}:project/p1/*`);
    const session = allow('log:PostLogStoreLogs', `acs:log:*:${A}:project/p1/logstore/ls1`);
    const run = (action: string, resource: string) => PolicyEvaluator.evaluate([role], { action, resource }, session);
    expect(run('log:PostLogStoreLogs', LS1)).toBe(Decision.ALLOW);
    expect(run('log:GetLogStoreLogs', LS1)).toBe(Decision.IMPLICIT_DENY);
    expect(run('log:PostLogStoreLogs', `acs:log:cn-hangzhou:${A}:project/p1/logstore/ls2`)).toBe(
      Decision.IMPLICIT_DENY,
    );
  });
  test('T30 an explicit Deny inside the session policy', () => {
    const session = doc([
      { Effect: 'Allow', Action: 'log:*', Resource: '*' },
      { Effect: 'Deny', Action: 'log:PostLogStoreLogs', Resource: '*' },
    ]);
    expect(PolicyEvaluator.evaluate([LOG_FULL], { action: 'log:PostLogStoreLogs', resource: LS1 }, session)).toBe(
      Decision.EXPLICIT_DENY,
    );
  });
});

describe('E. AssumeRole: trust policy plus caller permission', () => {
  test('T31 account-root principal, caller holding the STS permission', () => {
    expect(PolicyEvaluator.evaluateAssumeRole([STS_ALL], TP_ROOT, BOB, ROLE)).toBe(Decision.ALLOW);
  });
  test('T32 account-root principal, caller lacking the STS permission', () => {
    const explained = PolicyEvaluator.explainAssumeRole([], TP_ROOT, `acs:ram::${B}:user/carol`, ROLE);
    expect(explained).toMatchObject({
      decision: Decision.IMPLICIT_DENY,
      trustDecision: Decision.ALLOW,
      callerDecision: Decision.IMPLICIT_DENY,
    });
  });
  test('T34 a principal removed by revocation', () => {
    const after = PolicyDocument.fromJson(
      `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::${C}:root"]}}],"Version":"1"}`,
    );
    expect(PolicyEvaluator.evaluateAssumeRole([STS_ALL], after, BOB, ROLE)).toBe(Decision.IMPLICIT_DENY);
  });
  test('T36 an explicit Deny on either side wins', () => {
    const denyOwn = doc([{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: `acs:ram:*:${A}:role/*` }]);
    expect(PolicyEvaluator.evaluateAssumeRole([STS_ALL, denyOwn], TP_ROOT, BOB, ROLE)).toBe(Decision.EXPLICIT_DENY);
    const trustWithDeny = PolicyDocument.fromJson(
      JSON.stringify({
        Statement: [
          { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${B}:root`] } },
          { Action: 'sts:AssumeRole', Effect: 'Deny', Principal: { RAM: [`acs:ram::${B}:user/mallory`] } },
        ],
        Version: '1',
      }),
    );
    expect(PolicyEvaluator.evaluateAssumeRole([STS_ALL], trustWithDeny, `acs:ram::${B}:user/mallory`, ROLE)).toBe(
      Decision.EXPLICIT_DENY,
    );
    expect(PolicyEvaluator.evaluateAssumeRole([STS_ALL], trustWithDeny, BOB, ROLE)).toBe(Decision.ALLOW);
  });
  test("T38a account B's root is refused", () => {
    const explained = PolicyEvaluator.explainAssumeRole([STS_ALL], TP_ROOT, `acs:ram::${B}:root`, ROLE);
    expect(explained.decision).toBe(Decision.IMPLICIT_DENY);
    expect(explained.reason).toContain('an Alibaba Cloud account itself cannot call AssumeRole');
  });
  test('T38b RAM users cannot assume a service-trusted role', () => {
    const serviceTrust = PolicyDocument.fromJson(
      '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}',
    );
    expect(PolicyEvaluator.evaluateAssumeRole([STS_ALL], serviceTrust, `acs:ram::${A}:user/alice`, ROLE)).toBe(
      Decision.IMPLICIT_DENY,
    );
  });
  test('T38c-f parameters out of range are rejected before evaluation', () => {
    const ok = { roleSessionName: 'bob', maxSessionDuration: 3600 };
    expect(AssumeRoleParameterCheck.rejection(ok)).toBeUndefined();
    expect(AssumeRoleParameterCheck.rejection({ ...ok, durationSeconds: 7200 })).toBe(
      'InvalidParameter.DurationSeconds',
    );
    expect(AssumeRoleParameterCheck.rejection({ ...ok, durationSeconds: 899 })).toBe(
      'InvalidParameter.DurationSeconds',
    );
    expect(AssumeRoleParameterCheck.rejection({ ...ok, roleSessionName: 'b' })).toBe(
      'InvalidParameter.RoleSessionName',
    );
    expect(AssumeRoleParameterCheck.rejection({ ...ok, sessionPolicy: 'x'.repeat(2049) })).toBe(
      'InvalidParameter.PolicySize',
    );
    expect(AssumeRoleParameterCheck.rejection({ ...ok, externalId: 'x' })).toBe('InvalidParameter.ExternalId');
  });
  test('T38g [ASSUMPTION on key name] ExternalId condition', () => {
    const trust = PolicyDocument.fromJson(
      JSON.stringify({
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': 'tenant-42' } },
            Effect: 'Allow',
            Principal: { RAM: [`acs:ram::${B}:root`] },
          },
        ],
        Version: '1',
      }),
    );
    expect(PolicyEvaluator.evaluateAssumeRole([STS_ALL], trust, BOB, ROLE, { 'sts:ExternalId': ['tenant-42'] })).toBe(
      Decision.ALLOW,
    );
    expect(PolicyEvaluator.evaluateAssumeRole([STS_ALL], trust, BOB, ROLE)).toBe(Decision.IMPLICIT_DENY);
  });
});
