import { AccessGraph, AccessReport, FindingId } from '../../lib/analysis';
import { doc, writeOut } from './support/hand-written';
import { handWrittenOut } from '../support/hand-written';

// XA-ASSUME-ANY-ROLE, XA-GRANT-UNKNOWN-ROLE and XA-BROAD-SYSTEM-POLICY of a user's hand-written policies
// (holder-rules.ts), in the cases findings-holders.test.ts does not show. Built in the tests.

const A = '1000000000000001';
const C = '3000000000000003';
const USER = `acs:ram::${A}:user/u`;
const assume = (Resource: string | string[]) => ({ Action: 'sts:AssumeRole', Effect: 'Allow', Resource });

/** [id, content, message] of the holder findings of A's user u holding a custom policy `name` of these statements. */
function findingsOf(statements: object[], name = 'p'): string[][] {
  const graph = AccessGraph.fromSynthOutput(
    writeOut({
      a: {
        account: A,
        resources: {
          alicloud_ram_user: { u: { name: 'u' } },
          alicloud_ram_policy: { p: { policy_name: name, policy_document: doc(...statements) } },
          alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: name, policy_type: 'Custom' } },
        },
      },
    }),
  );
  return AccessReport.fromGraph(graph)
    .findings.filter((f) => f.subject === USER)
    .map((f) => [f.id, f.content ?? '', f.message]);
}

describe('grants of a user', () => {
  test('any role through two resources and through a NotAction: every way listed, sorted', () => {
    const list = `acs:ram:*:*:role/*, acs:ram::${A}:role/*, all actions but log:*, ram:* on *, acs:ram::${C}:role/*`;
    expect(
      findingsOf([
        assume(['acs:ram:*:*:role/*', `acs:ram::${A}:role/*`]),
        { NotAction: ['ram:*', 'log:*'], Effect: 'Allow', Resource: ['*', `acs:ram::${C}:role/*`] },
      ]),
    ).toEqual([
      [
        FindingId.ASSUME_ANY_ROLE,
        list,
        `user u may assume any role matching ${list}; grant sts:AssumeRole on one role ARN`,
      ],
    ]);
  });

  test('any role of an account outside the output, beside any role of the account of the output', () => {
    const list = `acs:ram::${A}:role/*, acs:ram::${C}:role/*`;
    expect(findingsOf([assume(`acs:ram::${A}:role/*`), assume(`acs:ram::${C}:role/*`)])).toEqual([
      [
        FindingId.ASSUME_ANY_ROLE,
        list,
        `user u may assume any role matching ${list}; grant sts:AssumeRole on one role ARN`,
      ],
    ]);
  });

  test.each(['acs:ram::999999999999999?:role/*', 'acs:ram::9999*:role/*', 'acs:ram::*9:role/*', 'acs:ram::*:role/*'])(
    'any role of the accounts an account pattern matches (%s)',
    (pattern) => {
      expect(findingsOf([assume(pattern)]).map(([id, content]) => [id, content])).toEqual([
        [FindingId.ASSUME_ANY_ROLE, pattern],
      ]);
    },
  );

  test('a role the stack does not define, beside another statement; denied again, no finding', () => {
    const gone = `acs:ram::${A}:role/gone`;
    const finding = [
      FindingId.GRANT_UNKNOWN_ROLE,
      gone,
      `user u may assume ${gone}, which account ${A}'s stack does not define`,
    ];
    expect(findingsOf([assume(gone), { Action: 'log:GetLogStore', Effect: 'Allow', Resource: '*' }])).toEqual([
      finding,
    ]);
    expect(findingsOf([assume(gone), { ...assume(gone), Effect: 'Deny' }])).toEqual([]);
  });

  test('an action written in another case is the same action (RAM compares actions without case)', () => {
    expect(findingsOf([{ Action: 'STS:assumerole', Effect: 'Allow', Resource: 'acs:ram:*:*:role/*' }])).toEqual([
      [
        FindingId.ASSUME_ANY_ROLE,
        'acs:ram:*:*:role/*',
        'user u may assume any role matching acs:ram:*:*:role/*; grant sts:AssumeRole on one role ARN',
      ],
    ]);
  });

  test('a role named only by a Deny is no grant of an unknown role (the wide grant is the finding)', () => {
    const gone = `acs:ram::${A}:role/gone`;
    const outside = { Condition: { NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } };
    expect(
      findingsOf([assume('acs:ram:*:*:role/*'), { ...assume(gone), Effect: 'Deny', ...outside }]).map((f) => f[0]),
    ).toEqual([FindingId.ASSUME_ANY_ROLE]);
  });

  test('a custom policy named like a broad system policy is not that system policy', () => {
    expect(findingsOf([{ Action: 'log:GetLogStore', Effect: 'Allow', Resource: '*' }], 'AliyunLogFullAccess')).toEqual(
      [],
    );
  });
});

test('a group of a stack of no known account: its subject says so', () => {
  const graph = AccessGraph.fromSynthOutput(
    handWrittenOut({
      s: {
        resource: {
          alicloud_ram_group: { g: { group_name: 'g' } },
          alicloud_ram_group_policy_attachment: {
            a: { group_name: 'g', policy_name: 'AliyunLogFullAccess', policy_type: 'System' },
          },
        },
      },
    }),
  );
  expect(
    AccessReport.fromGraph(graph)
      .findings.filter((f) => f.id === FindingId.BROAD_SYSTEM_POLICY)
      .map((f) => f.subject),
  ).toEqual(['group g (unknown account)']);
});
