import { AccessGraph, AccessReport, FindingId, SystemPolicies } from '../../lib/analysis';
import { handWrittenOut, Json, policyText } from '../support/hand-written';

// The corners of the markdown report and its diagram that the other report tests do not reach: stacks of
// no known account, a trusted account outside the output (its own node and dotted edges), names that Mermaid
// must escape, the verbs of the edges, permissions of several policies, policies of unknown content, a role
// that can do nothing, acknowledged findings and cells holding `|` or a line break. Built in the tests.

const A = '1000000000000001';
const C = '3000000000000003';
const USER = 'a"b<c>'; // RAM refuses such a name, but the reader takes what the output says
const trust = (principals: string[], condition?: object) =>
  policyText({
    Action: 'sts:AssumeRole',
    Effect: 'Allow',
    Principal: { RAM: principals },
    ...(condition ? { Condition: condition } : {}),
  });
const attach = (role: string, policy: string, type = 'Custom') => ({
  role_name: role,
  policy_name: policy,
  policy_type: type,
});

function output(): string {
  const owner: Json = {
    provider: { alicloud: [{ account_id: A, region: 'cn-hangzhou' }] },
    '//': {
      'cdktf-xaccount': {
        acknowledgements: [
          {
            path: 'owner/y',
            findingId: FindingId.TRUST_NO_CONDITION,
            content: `acs:ram::${A}:root, acs:ram::${C}:root`,
            reason: 'reviewed | by ops\nin March',
          },
        ],
      },
    },
    resource: {
      alicloud_ram_role: {
        x: {
          role_name: 'x',
          assume_role_policy_document: trust([`acs:ram::${C}:root`], { StringEquals: { 'sts:ExternalId': 'e' } }),
          '//': { metadata: { path: 'owner/x' } },
        },
        y: {
          role_name: 'y',
          assume_role_policy_document: trust([`acs:ram::${C}:root`, `acs:ram::${A}:root`]),
          '//': { metadata: { path: 'owner/y' } },
        },
      },
      alicloud_ram_user: { u: { name: USER } },
      alicloud_ram_login_profile: { l: { user_name: USER } },
      alicloud_ram_policy: {
        p: {
          policy_name: 'p',
          policy_document: policyText(
            {
              Action: ['log:*', 'log:PostLogStoreLogs', 'ecs:DescribeInstances', 'oss:PutObject'],
              Effect: 'Allow',
              Resource: 'acs:log:*:*:project/p',
            },
            { Action: '*', Effect: 'Allow', Resource: 'acs:oss:*:*:bucket<b>' },
            { Action: 'sts:AssumeRole', Effect: 'Allow', Resource: `acs:ram::${A}:role/y` },
          ),
        },
        q: {
          policy_name: 'q',
          policy_document: policyText(
            { Action: 'log:PostLogStoreLogs', Effect: 'Allow', Resource: 'acs:log:*:*:project/p' },
            { Action: ['log:DeleteProject', 'log:DeleteLogStore'], Effect: 'Deny', Resource: 'acs:log:*:*:project/p' },
          ),
        },
      },
      alicloud_ram_role_policy_attachment: {
        xa: attach('x', 'elsewhere'),
        xb: attach('x', 'AliyunSomethingNew', 'System'),
        yp: attach('y', 'p'),
        yq: attach('y', 'q'),
      },
      alicloud_ram_user_policy_attachment: { up: { user_name: USER, policy_name: 'p', policy_type: 'Custom' } },
    },
  };
  // A stack whose provider says no account: its roles are of account "unknown".
  const nowhere: Json = {
    resource: {
      alicloud_ram_role: { z: { role_name: 'z', assume_role_policy_document: trust([`acs:ram::${C}:root`]) } },
    },
  };
  const accessor: Json = { provider: { ucloud: [{ region: 'cn-bj2' }] }, resource: { ucloud_instance: { i: {} } } };
  return handWrittenOut({ owner, nowhere, accessor });
}

describe('the markdown report', () => {
  let markdown: string;
  let lines: string[];
  beforeEach(() => {
    markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(output())).toMarkdown();
    lines = markdown.split('\n');
  });

  test('the header: stacks with their accounts (unknown when none is known), the note of a UCloud stack, the counts', () => {
    expect(lines.slice(0, 7)).toEqual([
      '# Cross-account access report',
      '',
      `Stacks: \`nowhere\` (account unknown), \`owner\` (account ${A}). System policies are read from ` +
        `${SystemPolicies.SNAPSHOT}; Alibaba may have changed them since.`,
      '',
      'Note: stack "accessor" is a UCloud (ucloud/ucloud) stack: not analysed, this report covers Alibaba Cloud RAM only.',
      '',
      '**3 role(s), 2 open finding(s) (1 high, 1 medium, 0 low), 1 acknowledged.**',
    ]);
  });

  test('permissions of two policies on one resource, two denied actions, and the policies of unknown content', () => {
    expect(lines).toContain(
      '| project p (account any, region any)<br>`acs:log:*:*:project/p` | ecs:DescribeInstances<br>log:* (every log action)<br>' +
        'log:PostLogStoreLogs (write logs)<br>oss:PutObject | log:DeleteLogStore<br>log:DeleteProject | – | p, q |',
    );
    expect(lines).toContain(
      'Not analysed (content unknown): `elsewhere` (custom policy not defined in this output), ' +
        '`AliyunSomethingNew` (system policy whose content this tool does not know).',
    );
  });

  test('a role with no permission says so', () => {
    const z = lines.indexOf('## Role `z` (account unknown, stack `nowhere`)');
    expect(z).toBeGreaterThan(0);
    const section = lines.slice(z, lines.indexOf('## Findings'));
    expect(section.slice(section.indexOf('### What it can do'), section.indexOf('### What it can do') + 4)).toEqual([
      '### What it can do',
      '',
      'Nothing this tool can see.',
      '',
    ]);
  });

  test('an acknowledged finding: its reason in the role section (one list item), and escaped in one cell of the findings table', () => {
    expect(lines).toContain(
      `- **medium** \`XA-TRUST-NO-CONDITION\`: role y trusts every RAM user and role of account ${A}, ${C} with no ` +
        'condition on who may assume it; add requireMfa, allowedSourceIps or externalId, or trust named users ' +
        '(acknowledged: reviewed | by ops in March)',
    );
    const row = lines.find((l) => l.startsWith('| medium | `XA-TRUST-NO-CONDITION`') && l.includes('role/y |'));
    expect(row?.endsWith(' | reviewed \\| by ops in March |')).toBe(true);
  });

  test('the diagram: accounts as subgraphs, the account outside the output as its own node, escaped names, verbs', () => {
    const diagram = markdown.slice(markdown.indexOf('```mermaid\n') + 11, markdown.lastIndexOf('\n```'));
    expect(diagram.split('\n')).toEqual([
      'flowchart LR',
      `  n3["account ${C}: RAM users it grants (not in this output)"]`,
      `  subgraph a1["account ${A} (owner)"]`,
      '    n1["user a#quot;b#lt;c#gt;"]',
      '    n2["role x"]',
      '    n4["role y"]',
      '    n5["project p"]',
      '    n6["acs:oss:*:*:bucket#lt;b#gt;"]',
      `    n7["acs:ram::${A}:role/y"]`,
      '  end',
      '  subgraph a2["account unknown (nowhere)"]',
      '    n8["role z"]',
      '  end',
      '  n3 -.->|trusted| n2',
      '  n4 -->|all actions, putobject, read, write| n5',
      '  n4 -->|all actions| n6',
      '  n4 -->|assumerole| n7',
      // Role x holds policies whose content the output does not hold: any content may let it into y.
      '  n2 -->|can assume, for some values| n4',
      '  n4 -->|can assume| n4',
      '  n1 -->|can assume| n4',
      '  n3 -.->|trusted| n4',
      '  n3 -.->|trusted| n8',
    ]);
  });
});

describe('an output of UCloud stacks only', () => {
  test('no stack analysed: "none", a note for each, no role and no finding', () => {
    const dir = handWrittenOut({
      byProvider: { provider: { ucloud: [{ region: 'cn-bj2' }] } },
      byData: { data: { ucloud_images: { d: {} } } },
      // The reader would refuse this resource section (not an object): the stack is never read.
      byRequired: { terraform: { required_providers: { ucloud: { source: 'ucloud/ucloud' } } }, resource: [] },
    });
    const graph = AccessGraph.fromSynthOutput(dir);
    const note = (s: string) =>
      `stack "${s}" is a UCloud (ucloud/ucloud) stack: not analysed, this report covers Alibaba Cloud RAM only`;
    expect(graph.notes).toEqual([note('byData'), note('byProvider'), note('byRequired')]);
    const markdown = AccessReport.fromGraph(graph).toMarkdown();
    expect(markdown).toContain('\nStacks: none. System policies are read from ');
    expect(markdown).toContain(
      '\n**0 role(s), 0 open finding(s), 0 acknowledged.**\n\n## Findings\n\nNone.\n\n## Diagram\n',
    );
  });

  test('a stack with UCloud and Alibaba Cloud resources is analysed, with a note', () => {
    const dir = handWrittenOut({
      mixed: {
        resource: {
          ucloud_instance: { i: {} },
          alicloud_ram_role: { r: { role_name: 'r', assume_role_policy_document: trust([`acs:ram::${C}:root`]) } },
        },
      },
      plain: { provider: { alicloud: [{ region: 'cn-hangzhou' }] } },
    });
    const graph = AccessGraph.fromSynthOutput(dir);
    expect(graph.notes).toEqual([
      'stack "mixed": its UCloud (ucloud/ucloud) resources are not analysed; its Alibaba Cloud ones are',
    ]);
    expect(graph.stacks.map((s) => s.name)).toEqual(['mixed', 'plain']);
    expect(graph.roles.map((r) => r.arn)).toEqual(['acs:ram::<unknown account>:role/r']);
  });
});

describe('the diagram of shared nodes, and cells of one special character', () => {
  const D = '4000000000000004';
  function shared(): string {
    const t = (principals: string[]) => trust(principals);
    const log = policyText({ Action: 'log:GetLogStore', Effect: 'Allow', Resource: 'acs:log:*:*:project/p' });
    const toR1 = policyText({ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: `acs:ram::${A}:role/r1` });
    const provider = { alicloud: [{ account_id: A, region: 'cn-hangzhou' }] };
    const s1: Json = {
      provider,
      '//': {
        'cdktf-xaccount': {
          acknowledgements: [
            { path: 's1/r1', findingId: FindingId.TRUST_NO_CONDITION, content: `acs:ram::${A}:root`, reason: 'a | b' },
            {
              path: 's1/r2',
              findingId: FindingId.TRUST_NO_CONDITION,
              content: `acs:ram::${C}:root, acs:ram::${D}:root`,
              reason: 'c\nd',
            },
          ],
        },
      },
      resource: {
        alicloud_ram_role: {
          r1: { role_name: 'r1', assume_role_policy_document: t([`acs:ram::${A}:root`]) },
          r2: { role_name: 'r2', assume_role_policy_document: t([`acs:ram::${C}:root`, `acs:ram::${D}:root`]) },
        },
        alicloud_ram_policy: {
          log: { policy_name: 'log', policy_document: log },
          to: { policy_name: 'to', policy_document: toR1 },
        },
        alicloud_ram_role_policy_attachment: { a1: attach('r1', 'log'), a2: attach('r2', 'log') },
        alicloud_ram_group: { g: { group_name: 'g' } },
        alicloud_ram_user: { u1: { name: 'u1' }, u2: { name: 'u2' } },
        alicloud_ram_group_membership: { m: { group_name: 'g', user_names: ['u1', 'u2'] } },
        alicloud_ram_group_policy_attachment: { gp: { group_name: 'g', policy_name: 'to', policy_type: 'Custom' } },
      },
    };
    const s2: Json = { provider, resource: {} };
    return handWrittenOut({ s1, s2 });
  }

  test('one node for a resource of two roles, one edge for two members of a group, one node per outside account', () => {
    const markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(shared())).toMarkdown();
    const diagram = markdown.slice(markdown.indexOf('```mermaid\n') + 11, markdown.lastIndexOf('\n```'));
    expect(diagram.split('\n')).toEqual([
      'flowchart LR',
      `  n7["account ${C}: RAM users it grants (not in this output)"]`,
      `  n8["account ${D}: RAM users it grants (not in this output)"]`,
      `  subgraph a1["account ${A} (s1, s2)"]`,
      '    n1["user u1"]',
      '    n2["user u2"]',
      '    n3["group g"]',
      '    n4["role r1"]',
      '    n5["project p"]',
      '    n6["role r2"]',
      '  end',
      '  n4 -->|read| n5',
      '  n3 -->|can assume| n4',
      '  n6 -->|read| n5',
      '  n7 -.->|trusted| n6',
      '  n8 -.->|trusted| n6',
      '  n1 -->|member of| n3',
      '  n2 -->|member of| n3',
    ]);
  });

  test('a reason with a pipe only, and one with a line break only: each made one safe cell', () => {
    const lines = AccessReport.fromGraph(AccessGraph.fromSynthOutput(shared())).toMarkdown().split('\n');
    const reasonOf = (role: string) =>
      lines
        .find((l) => l.startsWith('| medium | `XA-TRUST-NO-CONDITION`') && l.includes(`role/${role} |`))
        ?.split(' | ')[4];
    expect(reasonOf('r1')).toBe('a \\| b |');
    expect(reasonOf('r2')).toBe('c d |');
  });

  test('the JSON report: a stack of no known account says null', () => {
    const json = AccessReport.fromGraph(AccessGraph.fromSynthOutput(output())).toJson();
    expect(json.stacks).toEqual([
      { name: 'nowhere', accountId: null, accounts: [] },
      { name: 'owner', accountId: A, accounts: [A] },
    ]);
  });
});
