import { AccessDiff, AccessGraph } from '../../lib/analysis';
import { doc, writeOut } from './support/hand-written';

// The whole pull-request comment of `cdktf-xaccount diff`, line for line: its verdict, the warning,
// the three lists with their counts and signs, and "None." for an empty list.
const A = '1000000000000001';
const B = '2000000000000002';
const ROLE = `acs:ram::${A}:role/x`;
const USER = `acs:ram::${B}:user/u`;

/** Owner A's role x (trusting B, with or without MFA) with one policy; B's user u granted the role. */
function graph(shape: { mfa: boolean; actions: string[]; deny: boolean; condition?: object }): AccessGraph {
  const trust = doc({
    Action: 'sts:AssumeRole',
    Effect: 'Allow',
    Principal: { RAM: [`acs:ram::${B}:root`] },
    ...(shape.mfa ? { Condition: { Bool: { 'acs:MFAPresent': 'true' } } } : {}),
  });
  const policy = doc(
    {
      Action: shape.actions,
      Effect: 'Allow',
      Resource: '*',
      ...(shape.condition ? { Condition: shape.condition } : {}),
    },
    ...(shape.deny ? [{ Action: 'log:DeleteLogStore', Effect: 'Deny', Resource: '*' }] : []),
  );
  return AccessGraph.fromSynthOutput(
    writeOut({
      owner: {
        account: A,
        resources: {
          alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: trust } },
          alicloud_ram_policy: { logs: { policy_name: 'logs', policy_document: policy } },
          alicloud_ram_role_policy_attachment: { a: { role_name: 'x', policy_name: 'logs', policy_type: 'Custom' } },
        },
      },
      b: {
        account: B,
        resources: {
          alicloud_ram_user: { u: { name: 'u' } },
          alicloud_ram_policy: {
            g: {
              policy_name: 'g',
              policy_document: doc({ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: ROLE }),
            },
          },
          alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
        },
      },
    }),
  );
}

// B's user u was created here without a console login, so it can never sign in with MFA.
// Built in beforeEach, for each test: Stryker counts code run at load or in beforeAll as covered by no test
// (it would run none of these tests for its mutants), and Jest loads every test file for each mutant.
let narrow: AccessGraph;
let wide: AccessGraph;
beforeEach(() => {
  narrow = graph({ mfa: true, actions: ['log:GetLogStore'], deny: true });
  wide = graph({ mfa: false, actions: ['log:GetLogStore', 'log:PostLogStoreLogs'], deny: false });
});

describe('AccessDiff.toMarkdown', () => {
  test('a change that broadens and narrows: the warning, then new access, added and removed', () => {
    const diff = AccessDiff.between(narrow, wide);
    expect(diff.verdict).toBe('access broadened and narrowed');
    expect(diff.broadens).toBe(true);
    expect(diff.toMarkdown()).toBe(
      [
        '## Cross-account access: access broadened and narrowed',
        '',
        '> **This change broadens access.** Review the added lines before merging.',
        '',
        '### New access (3)',
        '',
        '```diff',
        `+ ${ROLE} may log:PostLogStoreLogs (write logs) on *`,
        `+ ${USER} can assume ${ROLE} (was only with an MFA sign-in, and no console login in this output)`,
        `+ no longer: ${ROLE} is denied log:DeleteLogStore on *`,
        '```',
        '',
        '### Access added (2)',
        '',
        '```diff',
        `+ ${ROLE} may log:PostLogStoreLogs (write logs) on *`,
        `+ ${USER} can assume ${ROLE}`,
        '```',
        '',
        '### Access removed (2)',
        '',
        '```diff',
        `- ${ROLE} is denied log:DeleteLogStore on *`,
        `- ${USER} can assume ${ROLE} when signed in with MFA (only with an MFA sign-in, and no console login in this output)`,
        '```',
        '',
      ].join('\n'),
    );
  });

  test('the reverse change only narrows: no warning and no new-access list', () => {
    const diff = AccessDiff.between(wide, narrow);
    expect(diff.verdict).toBe('access narrowed');
    expect(diff.broadens).toBe(false);
    expect(diff.newAccess).toEqual([]);
    expect(diff.toMarkdown()).toBe(
      [
        '## Cross-account access: access narrowed',
        '',
        '### Access added (2)',
        '',
        '```diff',
        `+ ${ROLE} is denied log:DeleteLogStore on *`,
        `+ ${USER} can assume ${ROLE} when signed in with MFA (only with an MFA sign-in, and no console login in this output)`,
        '```',
        '',
        '### Access removed (2)',
        '',
        '```diff',
        `- ${ROLE} may log:PostLogStoreLogs (write logs) on *`,
        `- ${USER} can assume ${ROLE}`,
        '```',
        '',
      ].join('\n'),
    );
  });

  test('no change: both lists say None.', () => {
    const diff = AccessDiff.between(narrow, narrow);
    expect(diff.verdict).toBe('no change in access');
    expect(diff.toMarkdown()).toBe(
      [
        '## Cross-account access: no change in access',
        '',
        '### Access added (0)',
        '',
        'None.',
        '',
        '### Access removed (0)',
        '',
        'None.',
        '',
      ].join('\n'),
    );
  });

  test('only a Deny added narrows; only a Deny removed broadens', () => {
    const denied = graph({ mfa: true, actions: ['log:GetLogStore'], deny: true });
    const undenied = graph({ mfa: true, actions: ['log:GetLogStore'], deny: false });
    expect(AccessDiff.between(undenied, denied).verdict).toBe('access narrowed');
    expect(AccessDiff.between(denied, undenied).verdict).toBe('access broadened');
    expect(AccessDiff.between(denied, undenied).newAccess).toEqual([
      `no longer: ${ROLE} is denied log:DeleteLogStore on *`,
    ]);
  });

  test('a permission under a condition says when, in added and removed alike', () => {
    const condition = { IpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } };
    const open = graph({ mfa: true, actions: ['log:GetLogStore'], deny: false });
    const fenced = graph({ mfa: true, actions: ['log:GetLogStore'], deny: false, condition });
    const diff = AccessDiff.between(open, fenced);
    expect({ added: diff.added, removed: diff.removed }).toEqual({
      added: [`${ROLE} may log:GetLogStore (read logstore settings) on * when source IP in 10.0.0.0/8`],
      removed: [`${ROLE} may log:GetLogStore (read logstore settings) on *`],
    });
  });
});
