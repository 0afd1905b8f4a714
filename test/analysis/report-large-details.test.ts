import { AccessGraph, AccessReport, FindingId } from '../../lib/analysis';
import { handWrittenOut, Json, policyText } from '../support/hand-written';

// Above 40 roles (and at exactly 40): the one-row-per-role table and the accounts-only diagram, in the
// corners report-many-roles.test.ts does not reach: several principals and resources in one cell, a
// Deny-only resource left out, an MFA-only principal, an acknowledged finding, accounts out of order and
// of no known account, a trusted account outside the output. Built in the tests.

const OWN = '5000000000000005';
const P = '2000000000000002';
const C = '3000000000000003';
const sts = { policy_name: 'AliyunSTSAssumeRoleAccess', policy_type: 'System' };
const trust = (principals: string[], condition?: object) =>
  policyText({
    Action: 'sts:AssumeRole',
    Effect: 'Allow',
    Principal: { RAM: principals },
    ...(condition ? { Condition: condition } : {}),
  });

/** `count` roles of OWN (r01 to r<count>), two roles of no known account, P's users u and v. */
function output(count: number): string {
  const roles: Json = {
    r01: {
      role_name: 'r01',
      assume_role_policy_document: trust([`acs:ram::${P}:root`], { Bool: { 'acs:MFAPresent': 'true' } }),
    },
    r02: { role_name: 'r02', assume_role_policy_document: trust([`acs:ram::${C}:root`]) },
  };
  for (let i = 3; i <= count; i++) {
    const name = `r${String(i).padStart(2, '0')}`;
    roles[name] = {
      role_name: name,
      assume_role_policy_document: trust([`acs:ram::${OWN}:root`], { StringEquals: { 'sts:ExternalId': 'x' } }),
    };
  }
  const permissions = policyText(
    { Action: 'log:GetLogStore', Effect: 'Allow', Resource: 'acs:log:*:*:project/p' },
    { Action: 'oss:GetObject', Effect: 'Allow', Resource: 'acs:oss:*:*:b' },
    { Action: 'log:DeleteProject', Effect: 'Deny', Resource: 'acs:log:*:*:project/q' },
  );
  return handWrittenOut({
    own: {
      provider: { alicloud: [{ account_id: OWN, region: 'cn-hangzhou' }] },
      '//': {
        'cdktf-xaccount': {
          acknowledgements: [
            {
              path: 'own/r02',
              findingId: FindingId.TRUST_NO_CONDITION,
              content: `acs:ram::${C}:root`,
              reason: 'partner',
            },
          ],
        },
      },
      resource: {
        alicloud_ram_role: roles,
        alicloud_ram_policy: { p: { policy_name: 'p', policy_document: permissions } },
        alicloud_ram_role_policy_attachment: { a: { role_name: 'r01', policy_name: 'p', policy_type: 'Custom' } },
        alicloud_ram_user: { o: { name: 'o' } },
        alicloud_ram_user_policy_attachment: { o: { user_name: 'o', ...sts } },
      },
    },
    partner: {
      provider: { alicloud: [{ account_id: P, region: 'cn-hangzhou' }] },
      resource: {
        alicloud_ram_user: { u: { name: 'u' }, v: { name: 'v' } },
        alicloud_ram_login_profile: { v: { user_name: 'v' } },
        alicloud_ram_user_policy_attachment: { u: { user_name: 'u', ...sts }, v: { user_name: 'v', ...sts } },
      },
    },
    nowhere: {
      resource: {
        alicloud_ram_role: {
          q: { role_name: 'q', assume_role_policy_document: trust([`acs:ram::${P}:root`]) },
          q2: {
            role_name: 'q2',
            assume_role_policy_document: trust([`acs:ram::${OWN}:root`], { StringEquals: { 'sts:ExternalId': 'x' } }),
          },
        },
      },
    },
  });
}

const ARN = (account: string, name: string) => `acs:ram::${account}:${name}`;

describe('41 roles', () => {
  let markdown: string;
  beforeEach(() => {
    markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(output(40))).toMarkdown();
  });

  test('the rows: several principals and resources per cell, the MFA-only principal said so, Deny-only resources left out', () => {
    const lines = markdown.split('\n');
    const row = (arn: string) => lines.find((l) => l.startsWith(`| \`${arn}\` |`));
    expect(row(ARN(OWN, 'role/r01'))).toBe(
      `| \`${ARN(OWN, 'role/r01')}\` | ${ARN(P, 'user/u')} (when signed in with MFA) (only with an MFA sign-in, and no ` +
        `console login in this output)<br>${ARN(P, 'user/v')} (when signed in with MFA) | ` +
        '1 action(s) on `acs:log:*:*:project/p`<br>1 action(s) on `acs:oss:*:*:b` | medium `XA-TRUST-MFA-UNREACHABLE` |',
    );
    expect(row(ARN(OWN, 'role/r02'))).toBe(
      `| \`${ARN(OWN, 'role/r02')}\` | RAM users and roles of ${C} that it grants sts:AssumeRole on this role | – | ` +
        'medium `XA-TRUST-NO-CONDITION` (acknowledged) |',
    );
    expect(row('acs:ram::<unknown account>:role/q')).toBe(
      `| \`acs:ram::<unknown account>:role/q\` | ${ARN(P, 'user/u')}<br>${ARN(P, 'user/v')} | – | medium \`XA-TRUST-NO-CONDITION\` |`,
    );
    expect(markdown).not.toContain('project/q');
    expect(markdown).toContain(
      `| \`acs:ram::<unknown account>:role/q2\` | ${ARN(OWN, 'user/o')} (when the agreed external ID is passed) | – | – |\n\n## Findings\n`,
    );
  });

  test('the accounts-only diagram: accounts sorted, unknown last, then those outside the output; edges sorted', () => {
    const diagram = markdown.slice(markdown.indexOf('```mermaid\n') + 11, markdown.lastIndexOf('\n```'));
    expect(diagram.split('\n')).toEqual([
      'flowchart LR',
      `  a1["account ${P}: 0 role(s), 2 user(s)"]`,
      `  a2["account ${OWN}: 40 role(s), 1 user(s)"]`,
      '  a3["account unknown: 2 role(s), 0 user(s)"]',
      // C, trusted by r02, is not in the output: its users and roles that it grants can assume r02
      '  a4["1 account(s) not in this output: their users and roles they grant"]',
      '  a4 -.->|can assume 1 role(s)| a2',
      '  a1 -->|can assume 1 role(s)| a2',
      '  a1 -->|can assume 1 role(s)| a3',
      '  a2 -->|can assume 38 role(s)| a2',
      '  a2 -->|can assume 1 role(s)| a3',
    ]);
  });
});

test('exactly 40 roles: still one section per role, and the detailed diagram', () => {
  const markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(output(38))).toMarkdown();
  expect(markdown).toContain('\n## Role `r01` (account ' + OWN + ', stack `own`)\n');
  expect(markdown).not.toContain('\n## Roles\n');
  expect(markdown).toContain('```mermaid\nflowchart LR\n');
  expect(markdown).toContain(`  subgraph a1["account ${P} (partner)"]`);
  // r03 has no finding: its section ends after its permissions, with no findings heading.
  const r03 = markdown.slice(markdown.indexOf('\n## Role `r03`'), markdown.indexOf('\n## Role `r04`'));
  expect(r03).toContain('\n### What it can do\n\nNothing this tool can see.\n');
  expect(r03).not.toContain('Findings');
  expect(r03.endsWith('Nothing this tool can see.\n')).toBe(true);
});
