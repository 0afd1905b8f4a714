import { AccessGraph, Decision } from '../../lib';
import { cdktfSynth } from '../support/cdktf';
import { assumers, may, outsiders } from './helpers';

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
