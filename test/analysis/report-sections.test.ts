import { AccessGraph, AccessReport, FindingId } from '../../lib/analysis';
import { alicloudProvider, docJson, writeRawOut } from './support/raw-output';

// The parts of the markdown report that report-markdown.test.ts does not reach (access-report.ts): a stack
// and a role of no known account, a permission from two policies, two unknown policies, a role with no
// permission and one with no finding, an acknowledged finding (its reason escaped in the table), an output
// with no stack analysed and no finding, the JSON stacks, and the limit of 40 roles for the section per role.

const A = '1000000000000001';
const B = '2000000000000002';
const trust = (...statements: object[]) => docJson(...statements);

/**
 * Owner A's role two, trusted by B with an external ID, may read, write and list (p1 and p2) and not delete
 * (p1) on one bucket, and has two system policies this tool does not know; B's user u may assume it. The
 * stack nowhere, of no account, has role bare, which trusts u (who holds no grant for it): its one finding
 * is XA-TRUST-UNSERVED, acknowledged by `acknowledgements`.
 */
function output(acknowledgements: object[] = []): string {
  return writeRawOut({
    owner: {
      provider: alicloudProvider(A),
      resource: {
        alicloud_ram_role: {
          two: {
            role_name: 'two',
            assume_role_policy_document: trust({
              Action: 'sts:AssumeRole',
              Effect: 'Allow',
              Principal: { RAM: [`acs:ram::${B}:root`] },
              Condition: { StringEquals: { 'sts:ExternalId': 'a|b\nc' } },
            }),
          },
        },
        alicloud_ram_policy: {
          p1: {
            policy_name: 'p1',
            policy_document: docJson(
              { Action: ['oss:GetObject', 'oss:PutObject'], Effect: 'Allow', Resource: `acs:oss:*:${A}:b/k` },
              { Action: ['oss:DeleteObject', 'oss:DeleteBucket'], Effect: 'Deny', Resource: `acs:oss:*:${A}:b/k` },
            ),
          },
          p2: {
            policy_name: 'p2',
            policy_document: docJson({ Action: 'oss:ListObjects', Effect: 'Allow', Resource: `acs:oss:*:${A}:b/k` }),
          },
        },
        alicloud_ram_role_policy_attachment: {
          a: { role_name: 'two', policy_name: 'p1', policy_type: 'Custom' },
          b: { role_name: 'two', policy_name: 'p2', policy_type: 'Custom' },
          c: { role_name: 'two', policy_name: 'UnknownOne', policy_type: 'System' },
          d: { role_name: 'two', policy_name: 'UnknownTwo', policy_type: 'System' },
        },
      },
    },
    b: {
      provider: alicloudProvider(B),
      resource: {
        alicloud_ram_user: { u: { name: 'u' } },
        alicloud_ram_policy: {
          g: {
            policy_name: 'g',
            policy_document: docJson({ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: `acs:ram::${A}:role/two` }),
          },
        },
        alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
      },
    },
    nowhere: {
      provider: alicloudProvider(),
      '//': { 'cdktf-xaccount': { acknowledgements } },
      resource: {
        alicloud_ram_role: {
          bare: {
            role_name: 'bare',
            assume_role_policy_document: trust({
              Action: 'sts:AssumeRole',
              Effect: 'Allow',
              Principal: { RAM: [`acs:ram::${B}:user/u`] },
            }),
          },
        },
      },
    },
  });
}

const REASON = 'B | vets its users';
const ack = (reason: string) => [
  { findingId: FindingId.TRUST_UNSERVED, path: 'nowhere', reason, fingerprint: '93aefb46b8e6' },
];

test('the whole report, with an acknowledged finding whose reason has a pipe', () => {
  const markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(output(ack(REASON)))).toMarkdown();
  expect(markdown).toBe(
    [
      `# Cross-account access report`,
      ``,
      `Stacks: \`b\` (account ${B}), \`nowhere\` (account unknown), \`owner\` (account ${A}). System policies are read from ram-policy-reference §5, 2026-08; Alibaba may have changed them since.`,
      ``,
      `**2 role(s), 0 open finding(s), 1 acknowledged.**`,
      ``,
      `## Role \`two\` (account ${A}, stack \`owner\`)`,
      ``,
      `\`acs:ram::${A}:role/two\` · \`alicloud_ram_role.two\` · construct \`owner/two\``,
      ``,
      `### Who can assume it`,
      ``,
      `| principal | can assume | when | why |`,
      `| --- | --- | --- | --- |`,
      `| acs:ram::${B}:user/u | **yes** | the agreed external ID is passed | both the trust policy and the caller's own policies allow it |`,
      `| acs:ram::${B}:root | no | – | an Alibaba Cloud account itself cannot call AssumeRole; only its RAM users and roles can |`,
      `| any other RAM user or role of ${B} | no | – | holds no sts:AssumeRole permission in account ${B} |`,
      `| any RAM user or role of another account (even one holding AliyunSTSAssumeRoleAccess) | no | – | the trust policy does not name its account |`,
      ``,
      `### What it can do`,
      ``,
      `| resource | allowed | denied | when | policy |`,
      `| --- | --- | --- | --- | --- |`,
      `| acs:oss:*:${A}:b/k<br>\`acs:oss:*:${A}:b/k\` | oss:GetObject<br>oss:ListObjects<br>oss:PutObject | oss:DeleteBucket<br>oss:DeleteObject | – | p1, p2 |`,
      ``,
      `Not analysed (content unknown): \`UnknownOne\` (system policy whose content this tool does not know), \`UnknownTwo\` (system policy whose content this tool does not know).`,
      ``,
      `## Role \`bare\` (account unknown, stack \`nowhere\`)`,
      ``,
      `\`acs:ram::<unknown account>:role/bare\` · \`alicloud_ram_role.bare\` · construct \`nowhere/bare\``,
      ``,
      `### Who can assume it`,
      ``,
      `| principal | can assume | when | why |`,
      `| --- | --- | --- | --- |`,
      `| acs:ram::${B}:user/u | no | – | the trust policy allows it, but the caller's own policies do not allow sts:AssumeRole on the role |`,
      `| acs:ram::${B}:root | no | – | an Alibaba Cloud account itself cannot call AssumeRole; only its RAM users and roles can |`,
      `| any other RAM user or role of ${B} | no | – | holds no sts:AssumeRole permission in account ${B} |`,
      `| any RAM user or role of another account (even one holding AliyunSTSAssumeRoleAccess) | no | – | the trust policy does not name its account |`,
      ``,
      `### What it can do`,
      ``,
      `Nothing this tool can see.`,
      ``,
      `### Findings`,
      ``,
      `- **low** \`XA-TRUST-UNSERVED\`: role bare trusts account ${B}, but no user of that account in this output can assume it (no AssumeRoleUserGrant?) (acknowledged: B | vets its users)`,
      ``,
      `## Findings`,
      ``,
      `| severity | id | subject | finding | acknowledged |`,
      `| --- | --- | --- | --- | --- |`,
      `| low | \`XA-TRUST-UNSERVED\`<br>\`93aefb46b8e6\` | acs:ram::<unknown account>:role/bare | role bare trusts account ${B}, but no user of that account in this output can assume it (no AssumeRoleUserGrant?) | B \\| vets its users |`,
      ``,
      `## Diagram`,
      ``,
      `\`\`\`mermaid`,
      `flowchart LR`,
      `  subgraph a1["account ${A} (owner)"]`,
      `    n2["role two"]`,
      `    n3["acs:oss:*:${A}:b/k"]`,
      `  end`,
      `  subgraph a2["account ${B} (b)"]`,
      `    n1["user u"]`,
      `  end`,
      `  subgraph a3["account unknown (nowhere)"]`,
      `    n4["role bare"]`,
      `  end`,
      `  n2 -->|putobject, read| n3`,
      `  n1 -->|can assume| n2`,
      `\`\`\``,
      ``,
    ].join('\n'),
  );
});

test('a newline in a cell of the findings table is a space', () => {
  const markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(output(ack('B vets\nits users')))).toMarkdown();
  expect(markdown).toContain('(no AssumeRoleUserGrant?) | B vets its users |\n');
});

test('an output of a UCloud stack only: no stack analysed, no roles, no findings', () => {
  const dir = writeRawOut({ accessor: { provider: { ucloud: [{ region: 'cn-bj2' }] } } });
  const markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(dir)).toMarkdown();
  expect(markdown).toBe(
    [
      '# Cross-account access report',
      '',
      'Stacks: none. System policies are read from ram-policy-reference §5, 2026-08; Alibaba may have changed them since.',
      '',
      'Note: stack "accessor" is a UCloud (ucloud/ucloud) stack: not analysed, this report covers Alibaba Cloud RAM only.',
      '',
      '**0 role(s), 0 open finding(s), 0 acknowledged.**',
      '',
      '## Findings',
      '',
      'None.',
      '',
      '## Diagram',
      '',
      '```mermaid',
      'flowchart LR',
      '```',
      '',
    ].join('\n'),
  );
});

test('the JSON stacks: name, account (null when unknown) and accounts', () => {
  expect(AccessReport.fromGraph(AccessGraph.fromSynthOutput(output())).toJson().stacks).toEqual([
    { name: 'b', accountId: B, accounts: [B] },
    { name: 'nowhere', accountId: null, accounts: [] },
    { name: 'owner', accountId: A, accounts: [A] },
  ]);
});

test('40 roles still get a section each', () => {
  const roles: { [name: string]: object } = {};
  for (let i = 1; i <= 40; i++)
    roles[`r${i}`] = {
      role_name: `r${i}`,
      assume_role_policy_document: trust({
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { RAM: [`acs:ram::${A}:root`] },
      }),
    };
  const dir = writeRawOut({ owner: { provider: alicloudProvider(A), resource: { alicloud_ram_role: roles } } });
  const markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(dir)).toMarkdown();
  expect(markdown.match(/^## Role `r\d+` /gm)).toHaveLength(40);
  expect(markdown).not.toContain('## Roles');
});
