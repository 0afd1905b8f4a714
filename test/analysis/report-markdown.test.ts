import { AccessGraph, AccessReport } from '../../lib/analysis';
import { doc, writeOut } from './support/hand-written';

// The whole markdown report of one small output, line for line: the header and counts, a role's
// section (who can assume it and why not, what it can do, what is not analysed, its findings), the
// findings table and the diagram. Owner A's role x is trusted by B (with MFA, which B's user u, created
// here without a console login, can never meet) and by C's users c1 and c2 (c2 denied); it may write to a
// logstore from 10.0.0.0/8, is denied deleting it, and has a system policy this tool does not know.
const A = '1000000000000001';
const B = '2000000000000002';
const C = '3000000000000003';
const ROLE = `acs:ram::${A}:role/x`;

function output(): string {
  return writeOut({
    owner: {
      account: A,
      resources: {
        alicloud_ram_role: {
          x: {
            role_name: 'x',
            assume_role_policy_document: doc(
              {
                Action: 'sts:AssumeRole',
                Effect: 'Allow',
                Principal: { RAM: [`acs:ram::${B}:root`] },
                Condition: { Bool: { 'acs:MFAPresent': 'true' } },
              },
              {
                Action: 'sts:AssumeRole',
                Effect: 'Allow',
                Principal: { RAM: [`acs:ram::${C}:user/c1`, `acs:ram::${C}:user/c2`] },
              },
              { Action: 'sts:AssumeRole', Effect: 'Deny', Principal: { RAM: [`acs:ram::${C}:user/c2`] } },
            ),
          },
        },
        alicloud_ram_policy: {
          logs: {
            policy_name: 'logs',
            policy_document: doc(
              {
                Action: ['log:PostLogStoreLogs', 'log:GetLogStore'],
                Effect: 'Allow',
                Resource: `acs:log:cn-hangzhou:${A}:project/p/logstore/ls`,
                Condition: { IpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } },
              },
              {
                Action: 'log:DeleteLogStore',
                Effect: 'Deny',
                Resource: `acs:log:cn-hangzhou:${A}:project/p/logstore/ls`,
              },
            ),
          },
        },
        alicloud_ram_role_policy_attachment: {
          a: { role_name: 'x', policy_name: 'logs', policy_type: 'Custom' },
          s: { role_name: 'x', policy_name: 'SomeUnknownPolicy', policy_type: 'System' },
        },
      },
    },
    b: {
      account: B,
      resources: {
        alicloud_ram_user: { u: { name: 'u' } },
        alicloud_ram_policy: {
          g: { policy_name: 'g', policy_document: doc({ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: ROLE }) },
        },
        alicloud_ram_group: { grp: { name: 'grp' } },
        alicloud_ram_group_membership: { m: { group_name: 'grp', user_names: ['u'] } },
        alicloud_ram_group_policy_attachment: { a: { group_name: 'grp', policy_name: 'g', policy_type: 'Custom' } },
      },
    },
    c: {
      account: C,
      resources: {
        alicloud_ram_user: { c1: { name: 'c1' }, c2: { name: 'c2' } },
        alicloud_ram_user_policy_attachment: {
          a: { user_name: 'c1', policy_name: 'AliyunSTSAssumeRoleAccess', policy_type: 'System' },
          b: { user_name: 'c2', policy_name: 'AliyunSTSAssumeRoleAccess', policy_type: 'System' },
        },
      },
    },
  });
}

// Built in beforeEach, for each test: Stryker counts code run at load or in beforeAll as covered by no test
// (it would run none of these tests for its mutants), and Jest loads every test file for each mutant.
let markdown: string;
beforeEach(() => {
  markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(output())).toMarkdown();
});

describe('AccessReport.toMarkdown, whole', () => {
  test('the header, the role section and the findings table', () => {
    expect(markdown.slice(0, markdown.indexOf('## Diagram'))).toBe(
      [
        `# Cross-account access report`,
        ``,
        `Stacks: \`b\` (account ${B}), \`c\` (account ${C}), \`owner\` (account ${A}). System policies are read from ram-policy-reference §5, 2026-08; Alibaba may have changed them since.`,
        ``,
        `**1 role(s), 6 open finding(s) (2 high, 3 medium, 1 low), 0 acknowledged.**`,
        ``,
        `## Role \`x\` (account ${A}, stack \`owner\`)`,
        ``,
        `\`acs:ram::${A}:role/x\` · \`alicloud_ram_role.x\` · construct \`owner/x\``,
        ``,
        `### Who can assume it`,
        ``,
        `| principal | can assume | when | why |`,
        `| --- | --- | --- | --- |`,
        `| acs:ram::${B}:user/u | **yes, only with an MFA sign-in, and no console login in this output** | signed in with MFA | acs:ram::${B}:user/u gets in only with acs:MFAPresent true (an MFA sign-in), but it has no console login in this output (alicloud_ram_login_profile), and its AccessKey API calls never carry MFA; a console login made outside this output would let it in |`,
        `| acs:ram::${C}:user/c1 | **yes** | always | both the trust policy and the caller's own policies allow it |`,
        `| acs:ram::${C}:user/c2 | no (explicit deny) | – | the trust policy explicitly denies this caller |`,
        `| acs:ram::${B}:root | no | – | an Alibaba Cloud account itself cannot call AssumeRole; only its RAM users and roles can |`,
        `| any other RAM user or role of ${B} | no | – | holds no sts:AssumeRole permission in account ${B} |`,
        `| acs:ram::${C}:root | no | – | an Alibaba Cloud account itself cannot call AssumeRole; only its RAM users and roles can |`,
        `| any other RAM user or role of ${C} | no | – | holds no sts:AssumeRole permission in account ${C} |`,
        `| any RAM user or role of another account (even one holding AliyunSTSAssumeRoleAccess) | no | – | the trust policy does not name its account |`,
        ``,
        `### What it can do`,
        ``,
        `| resource | allowed | denied | when | policy |`,
        `| --- | --- | --- | --- | --- |`,
        `| logstore ls in project p (account ${A}, region cn-hangzhou)<br>\`acs:log:cn-hangzhou:${A}:project/p/logstore/ls\` | – | log:DeleteLogStore | – | logs |`,
        `| logstore ls in project p (account ${A}, region cn-hangzhou)<br>\`acs:log:cn-hangzhou:${A}:project/p/logstore/ls\` | log:GetLogStore (read logstore settings)<br>log:PostLogStoreLogs (write logs) | – | source IP in 10.0.0.0/8 | logs |`,
        ``,
        `Not analysed (content unknown): \`SomeUnknownPolicy\` (system policy whose content this tool does not know).`,
        ``,
        `### Findings`,
        ``,
        `- **medium** \`XA-TRUST-MFA-UNREACHABLE\`: acs:ram::${B}:user/u can assume role x only with MFA, but it has no console login in this output (alicloud_ram_login_profile), so its AccessKey API calls can never meet the condition (a console login made outside this output would); drop requireMfa for API users (use allowedSourceIps or externalId) or give the user a console login with MFA`,
        `- **low** \`XA-TRUST-UNSERVED\`: role x trusts account ${B}, but no user of that account in this output can assume it (no AssumeRoleUserGrant?)`,
        ``,
        `## Findings`,
        ``,
        `| severity | id | subject | finding | acknowledged |`,
        `| --- | --- | --- | --- | --- |`,
        `| high | \`XA-ASSUME-ANY-ROLE\`<br>\`2198b7c210be\` | acs:ram::${C}:user/c1 | user c1 may assume any role matching *; grant sts:AssumeRole on one role ARN | – |`,
        `| high | \`XA-ASSUME-ANY-ROLE\`<br>\`13330badba0e\` | acs:ram::${C}:user/c2 | user c2 may assume any role matching *; grant sts:AssumeRole on one role ARN | – |`,
        `| medium | \`XA-BROAD-SYSTEM-POLICY\`<br>\`f335d0f0da12\` | acs:ram::${C}:user/c1 | user c1 has system policy AliyunSTSAssumeRoleAccess; use AssumeRoleUserGrant (sts:AssumeRole on one role) instead | – |`,
        `| medium | \`XA-BROAD-SYSTEM-POLICY\`<br>\`71368da1fe0e\` | acs:ram::${C}:user/c2 | user c2 has system policy AliyunSTSAssumeRoleAccess; use AssumeRoleUserGrant (sts:AssumeRole on one role) instead | – |`,
        `| medium | \`XA-TRUST-MFA-UNREACHABLE\`<br>\`501f2daa29e5\` | acs:ram::${A}:role/x | acs:ram::${B}:user/u can assume role x only with MFA, but it has no console login in this output (alicloud_ram_login_profile), so its AccessKey API calls can never meet the condition (a console login made outside this output would); drop requireMfa for API users (use allowedSourceIps or externalId) or give the user a console login with MFA | – |`,
        `| low | \`XA-TRUST-UNSERVED\`<br>\`8ff990a3e86e\` | acs:ram::${A}:role/x | role x trusts account ${B}, but no user of that account in this output can assume it (no AssumeRoleUserGrant?) | – |`,
        ``,
        '',
      ].join('\n'),
    );
  });

  test('the diagram: accounts with their stacks, the nodes, and the edges between them', () => {
    expect(markdown.slice(markdown.indexOf('## Diagram'))).toBe(
      [
        `## Diagram`,
        ``,
        `\`\`\`mermaid`,
        `flowchart LR`,
        `  subgraph a1["account ${A} (owner)"]`,
        `    n5["role x"]`,
        `    n6["logstore p/ls"]`,
        `  end`,
        `  subgraph a2["account ${B} (b)"]`,
        `    n1["user u"]`,
        `    n4["group grp"]`,
        `  end`,
        `  subgraph a3["account ${C} (c)"]`,
        `    n2["user c1"]`,
        `    n3["user c2"]`,
        `  end`,
        `  n5 -->|read, write| n6`,
        `  n2 -->|can assume| n5`,
        `  n1 -->|member of| n4`,
        `\`\`\``,
        ``,
      ].join('\n'),
    );
  });
});
