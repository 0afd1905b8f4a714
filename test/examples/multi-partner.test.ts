import { AccessGraph, AccessReport, Decision, PolicyEvaluator } from '../../lib';
import { cdktfSynth } from '../support/cdktf';
import { assumers, may, outsiders, role } from './helpers';

const A = '1000000000000001';
const [B, C, D] = ['2000000000000002', '3000000000000003', '4000000000000004'];
const orders = `acs:log:cn-hangzhou:${A}:project/platform-logs/logstore/orders`;
const audit = `acs:log:cn-hangzhou:${A}:project/platform-logs/logstore/audit`;

describe('examples/multi-partner', () => {
  const graph = AccessGraph.fromSynthOutput(cdktfSynth('examples/multi-partner'));

  test('one owner stack holds one role per partner; four stacks in all', () => {
    expect(graph.stacks.map((s) => [s.name, s.accountId])).toEqual([
      ['owner', A],
      ['partner-b', B],
      ['partner-c', C],
      ['partner-d', D],
    ]);
    expect(graph.roles.map((r) => [r.roleName, r.stack])).toEqual([
      ['partner-b-logs', 'owner'],
      ['partner-c-logs', 'owner'],
      ['partner-d-logs', 'owner'],
    ]);
  });

  test("each partner's user can assume its own role only", () => {
    expect(assumers(graph, 'partner-b-logs')).toEqual([`acs:ram::${B}:user/b-writer`]);
    expect(assumers(graph, 'partner-c-logs')).toEqual([`acs:ram::${C}:user/c-consumer`]);
    expect(assumers(graph, 'partner-d-logs')).toEqual([`acs:ram::${D}:user/d-auditor`]);
    for (const name of ['partner-b-logs', 'partner-c-logs', 'partner-d-logs']) {
      expect(outsiders(graph, name)).toEqual([Decision.IMPLICIT_DENY, Decision.IMPLICIT_DENY, Decision.IMPLICIT_DENY]);
    }
  });

  test('each partner gets in from its own IP range only, without MFA, which its API users could never present', () => {
    const ranges: [string, string, string, string][] = [
      ['partner-b-logs', B, 'b-writer', '203.0.113.7'],
      ['partner-c-logs', C, 'c-consumer', '198.51.100.7'],
      ['partner-d-logs', D, 'd-auditor', '192.0.2.7'],
    ];
    for (const [name, account, userName, ip] of ranges) {
      const r = role(graph, name);
      const user = graph.user(`acs:ram::${account}:user/${userName}`)!;
      expect(user.consoleLogin ?? false).toBe(false); // API users: no console login in the output
      const ask = (context: { [key: string]: string[] }) =>
        PolicyEvaluator.evaluateAssumeRole(graph.identityPoliciesOf(user), r.trustPolicy, user.arn, r.arn, context);
      expect(ask({ 'acs:SourceIp': [ip] })).toBe(Decision.ALLOW); // an AccessKey call from its range: no MFA key
      expect(ask({ 'acs:SourceIp': [ip], 'acs:MFAPresent': ['false'] })).toBe(Decision.ALLOW);
      expect(ask({ 'acs:SourceIp': ['8.8.8.8'] })).toBe(Decision.IMPLICIT_DENY);
      const row = graph.assumersOf(r).find((a) => a.principal === user.arn)!;
      expect([row.reachable, row.conditions]).toEqual([true, `source IP in ${ip.replace(/\.7$/, '.0')}/24`]);
    }
    const ids = AccessReport.fromGraph(graph).findings.map((f) => f.id);
    expect(ids).not.toContain('XA-TRUST-MFA-UNREACHABLE');
    expect(ids).not.toContain('XA-TRUST-NO-CONDITION');
  });

  test('B writes orders and cannot consume or read', () => {
    expect(may(graph, 'partner-b-logs', 'log:PostLogStoreLogs', orders)).toBe(true);
    expect(may(graph, 'partner-b-logs', 'log:GetCursorOrData', orders)).toBe(false);
    expect(may(graph, 'partner-b-logs', 'log:GetLogStoreLogs', orders)).toBe(false);
    expect(may(graph, 'partner-b-logs', 'log:PostLogStoreLogs', audit)).toBe(false);
  });

  test('C consumes orders with its own consumer group and cannot write', () => {
    expect(may(graph, 'partner-c-logs', 'log:GetCursorOrData', orders)).toBe(true);
    expect(may(graph, 'partner-c-logs', 'log:ConsumerGroupHeartBeat', `${orders}/consumergroup/c-analytics`)).toBe(
      true,
    );
    expect(may(graph, 'partner-c-logs', 'log:ConsumerGroupHeartBeat', `${orders}/consumergroup/b-team`)).toBe(false);
    expect(may(graph, 'partner-c-logs', 'log:PostLogStoreLogs', orders)).toBe(false);
  });

  test('D reads audit and cannot read orders or write', () => {
    expect(may(graph, 'partner-d-logs', 'log:GetLogStoreLogs', audit)).toBe(true);
    expect(may(graph, 'partner-d-logs', 'log:GetLogStoreLogs', orders)).toBe(false);
    expect(may(graph, 'partner-d-logs', 'log:PostLogStoreLogs', audit)).toBe(false);
  });
});
