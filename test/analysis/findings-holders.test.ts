import { AccessGraph, AccessReport, Finding } from '../../lib/analysis';
import { atLeast } from '../../lib/analysis/finding';
import { doc, writeOut } from './support/hand-written';

// The findings about what users, groups and roles hold (holder-rules.ts), whole: severity, id, subject,
// path, content and the message a reviewer acts on. Partner B's user u and role ci hold a grant on
// A's role x, on a role A's stack does not define, and on a role of an account not in the output; B's
// group g holds a broad system policy.
const A = '1000000000000001';
const B = '2000000000000002';
const C = '3000000000000003';

function findings(): Finding[] {
  const grant = doc({
    Action: 'sts:AssumeRole',
    Effect: 'Allow',
    Resource: [`acs:ram::${A}:role/x`, `acs:ram::${A}:role/gone`, `acs:ram:*:${C}:role/far`],
  });
  const trust = doc({
    Action: 'sts:AssumeRole',
    Effect: 'Allow',
    Principal: { RAM: [`acs:ram::${B}:root`] },
    Condition: { StringEquals: { 'sts:ExternalId': 'e' } },
  });
  const service = doc({ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com'] } });
  const dir = writeOut({
    owner: {
      account: A,
      resources: { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: trust } } },
    },
    b: {
      account: B,
      resources: {
        alicloud_ram_user: { u: { name: 'u' } },
        alicloud_ram_group: { g: { name: 'g' } },
        alicloud_ram_policy: { p: { policy_name: 'p', policy_document: grant } },
        alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'p', policy_type: 'Custom' } },
        alicloud_ram_group_policy_attachment: {
          a: { group_name: 'g', policy_name: 'AliyunLogFullAccess', policy_type: 'System' },
        },
        alicloud_ram_role: { ci: { role_name: 'ci', assume_role_policy_document: service } },
        alicloud_ram_role_policy_attachment: { a: { role_name: 'ci', policy_name: 'p', policy_type: 'Custom' } },
      },
    },
  });
  return AccessReport.fromGraph(AccessGraph.fromSynthOutput(dir)).findings;
}

describe('findings of what users, groups and roles hold', () => {
  test('XA-GRANT-UNKNOWN-ROLE (high when the account is in the output, low otherwise), XA-BROAD-SYSTEM-POLICY', () => {
    const unknown = (who: string, at: string, content: string, message: string, severity = 'high') => [
      severity,
      'XA-GRANT-UNKNOWN-ROLE',
      who,
      at,
      content,
      message,
    ];
    expect(findings().map((f) => [f.severity, f.id, f.subject, f.path, f.content, f.message])).toEqual([
      unknown(
        `acs:ram::${B}:role/ci`,
        'b/ci',
        `acs:ram::${A}:role/gone`,
        `role ci may assume acs:ram::${A}:role/gone, which account ${A}'s stack does not define`,
      ),
      unknown(
        `acs:ram::${B}:user/u`,
        'b/u',
        `acs:ram::${A}:role/gone`,
        `user u may assume acs:ram::${A}:role/gone, which account ${A}'s stack does not define`,
      ),
      [
        'medium',
        'XA-BROAD-SYSTEM-POLICY',
        `group g (${B})`,
        'b/g',
        'AliyunLogFullAccess',
        'group g has system policy AliyunLogFullAccess; use ScopedLogPolicy (LogGrant.write/consume/read on one logstore) instead',
      ],
      unknown(
        `acs:ram::${B}:role/ci`,
        'b/ci',
        `acs:ram::${C}:role/far`,
        `role ci may assume acs:ram:*:${C}:role/far in account ${C}, which this output does not include`,
        'low',
      ),
      unknown(
        `acs:ram::${B}:user/u`,
        'b/u',
        `acs:ram::${C}:role/far`,
        `user u may assume acs:ram:*:${C}:role/far in account ${C}, which this output does not include`,
        'low',
      ),
    ]);
  });
});

describe('atLeast (check --fail-on)', () => {
  test.each([
    ['high', 'low', true],
    ['high', 'medium', true],
    ['high', 'high', true],
    ['medium', 'low', true],
    ['medium', 'medium', true],
    ['medium', 'high', false],
    ['low', 'low', true],
    ['low', 'medium', false],
    ['low', 'high', false],
  ])('%s at least %s: %s', (severity, threshold, expected) => {
    expect(atLeast(severity, threshold)).toBe(expected);
  });
});
