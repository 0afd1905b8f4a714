import { AccessGraph } from '../../lib/analysis';
import { mermaidDiagram } from '../../lib/analysis/private/mermaid';
import { alicloudProvider, docJson, writeRawOut } from './support/raw-output';

// The Mermaid diagram of the report (mermaid.ts), whole, for outputs that reach each of its cases: the verbs
// of an edge, labels that must be escaped, a role, a group, a user and an account outside the output as
// the one that gets in, accounts no stack names, and the accounts-only summary above 40 roles.
const A = '9000000000000009'; // the owner: sorts after the partners, so unsorted orders show
const B = '2000000000000002';
const C = '3000000000000003';
const D = '4000000000000004'; // trusted, but not in the output
const E = '5000000000000005'; // the same

const trust = (...principals: string[]) =>
  docJson({ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: principals } });
const grant = (...roles: string[]) => docJson({ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: roles });
const role = (account: string, name: string) => `acs:ram::${account}:role/${name}`;
const root = (account: string) => `acs:ram::${account}:root`;

/**
 * Owner A (in a stack whose name needs escaping): role x, trusted by B, by A's role ops and by D (outside the
 * output), with actions of every verb on a bucket, all actions on an instance, and a read under a condition
 * on that instance too; role ops, trusted by A and D, granted x. B's users u and w get in through group grp,
 * v directly, and a user named by a Terraform variable through grp too (a node of its own), which y of b2 (and z of nowhere) may be; b2 is another stack of B;
 * the stack nowhere has no account.
 */
function detailed(): string {
  const bucket = `acs:oss:*:${A}:bucket/b<"q">`;
  const instance = `acs:ecs:*:${A}:instance/i`;
  return writeRawOut({
    'own"<er>': {
      provider: alicloudProvider(A),
      resource: {
        alicloud_ram_role: {
          x: { role_name: 'x', assume_role_policy_document: trust(root(B), role(A, 'ops'), root(D)) },
          ops: { role_name: 'ops', assume_role_policy_document: trust(root(A), root(D), root(E)) },
        },
        alicloud_ram_policy: {
          verbs: {
            policy_name: 'verbs',
            policy_document: docJson({
              Action: [
                'log:PostLogStoreLogs',
                'ecs:StartInstance',
                'ecs:DescribeInstances',
                'log:ListProject',
                'log:GetCursorOrData',
                'oss:*',
              ],
              Effect: 'Allow',
              Resource: bucket,
            }),
          },
          all: {
            policy_name: 'all',
            policy_document: docJson(
              { Action: '*', Effect: 'Allow', Resource: instance },
              {
                Action: 'ecs:GetInstance',
                Effect: 'Allow',
                Resource: instance,
                Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } },
              },
            ),
          },
          g: { policy_name: 'g', policy_document: grant(role(A, 'x')) },
        },
        alicloud_ram_role_policy_attachment: {
          a: { role_name: 'x', policy_name: 'verbs', policy_type: 'Custom' },
          b: { role_name: 'x', policy_name: 'all', policy_type: 'Custom' },
          c: { role_name: 'ops', policy_name: 'g', policy_type: 'Custom' },
        },
      },
    },
    b: {
      provider: alicloudProvider(B),
      resource: {
        alicloud_ram_user: { u: { name: 'u' }, w: { name: 'w' }, v: { name: 'v' } },
        alicloud_ram_group: { grp: { name: 'grp' } },
        alicloud_ram_policy: { g: { policy_name: 'g', policy_document: grant(role(A, 'x')) } },
        alicloud_ram_group_membership: { m: { group_name: 'grp', user_names: ['u', 'w'] } },
        alicloud_ram_group_policy_attachment: { a: { group_name: 'grp', policy_name: 'g', policy_type: 'Custom' } },
        alicloud_ram_user_policy_attachment: { a: { user_name: 'v', policy_name: 'g', policy_type: 'Custom' } },
        // a member of grp named by a Terraform variable: gets in, for some values
        alicloud_ram_user_group_attachment: { t: { group_name: 'grp', user_name: '${var.partner_user}' } },
      },
    },
    b2: { provider: alicloudProvider(B), resource: { alicloud_ram_user: { y: { name: 'y' } } } },
    nowhere: { provider: alicloudProvider(), resource: { alicloud_ram_user: { z: { name: 'z' } } } },
  });
}

// Built in each test (never at load or in beforeAll): Stryker counts code run outside a test as covered by none.
test('the detailed diagram: escaped labels, the verbs of each edge, every kind of entrant, accounts without a stack account', () => {
  const graph = AccessGraph.fromSynthOutput(detailed());
  const x = graph.role(role(A, 'x'))!;
  expect(
    graph
      .assumersOf(x)
      .filter((r) => r.kind === 'unknown-name')
      .map((r) => [r.principal, r.decision]),
  ).toEqual([[`acs:ram::${B}:user/\${var.partner_user}`, 'Allow']]);
  const diagram = mermaidDiagram(graph);
  expect(diagram).toBe(
    [
      'flowchart LR',
      `  n9["account ${D}: RAM users it grants (not in this output)"]`,
      `  n10["account ${E}: RAM users it grants (not in this output)"]`,
      `  subgraph a1["account ${B} (b, b2)"]`,
      '    n1["user u"]',
      '    n2["user v"]',
      '    n3["user w"]',
      '    n4["user y"]',
      '    n6["group grp"]',
      '    n14["user ${var.partner_user}"]',
      '  end',
      `  subgraph a2["account ${A} (own#quot;#lt;er#gt;)"]`,
      '    n7["role ops"]',
      `    n8["acs:ram::${A}:role/x"]`,
      '    n11["role x"]',
      `    n12["acs:ecs:*:${A}:instance/i"]`,
      `    n13["acs:oss:*:${A}:bucket/b#lt;#quot;q#quot;#gt;"]`,
      '  end',
      '  subgraph a3["account unknown (nowhere)"]',
      '    n5["user z"]',
      '  end',
      // ops may assume x: a verb of no known kind is the action's name
      '  n7 -->|assumerole| n8',
      // D and E are trusted by ops: a node each, drawn once although D is trusted by x too
      '  n9 -.->|trusted| n7',
      '  n10 -.->|trusted| n7',
      // one node for the instance, an edge per permission summary (the read is under a condition)
      '  n11 -->|all actions| n12',
      '  n11 -->|read| n12',
      // the verbs of the actions on the bucket, sorted
      '  n11 -->|all actions, consume, read, startinstance, write| n13',
      // u and w get in through grp: one edge from the group; v directly; the role ops; the user named by a
      // variable, for some values of it; account D
      '  n6 -->|can assume| n11',
      '  n2 -->|can assume| n11',
      // y (b2, account B) may be the user ${var.partner_user} names, a member of grp
      '  n4 -->|can assume, for some values| n11',
      '  n7 -->|can assume| n11',
      // z (stack nowhere, of no account) may be B's user too, and so the one ${var.partner_user} names
      '  n5 -->|can assume, for some values| n11',
      '  n14 -.->|can assume, for some values| n11',
      '  n9 -.->|trusted| n11',
      '  n1 -->|member of| n6',
      '  n3 -->|member of| n6',
    ].join('\n'),
  );
});

/**
 * Owner A with `count` roles r1..r<count>: r1 trusted by C, r2 and r3 by B, r4 by D (outside the output), r5
 * by A with A's role r6 granted it; B's user u granted r2, r3 and role q; C's user c granted r1. The stack
 * nowhere (no account) has users z1 and z2 and role q, trusted by B.
 */
function many(count: number): string {
  const roles: { [name: string]: { [attribute: string]: unknown } } = {};
  const trusted: { [i: number]: string } = { 1: root(C), 2: root(B), 3: root(B), 4: root(D), 5: root(A) };
  for (let i = 1; i <= count; i++)
    roles[`r${i}`] = { role_name: `r${i}`, assume_role_policy_document: trust(trusted[i] ?? root(A)) };
  const attach = (user: string, policy: string) => ({ user_name: user, policy_name: policy, policy_type: 'Custom' });
  return writeRawOut({
    owner: {
      provider: alicloudProvider(A),
      resource: {
        alicloud_ram_role: roles,
        alicloud_ram_policy: { g: { policy_name: 'g', policy_document: grant(role(A, 'r5')) } },
        alicloud_ram_role_policy_attachment: { a: { role_name: 'r6', policy_name: 'g', policy_type: 'Custom' } },
      },
    },
    b: {
      provider: alicloudProvider(B),
      resource: {
        alicloud_ram_user: { u: { name: 'u' } },
        alicloud_ram_policy: {
          g: { policy_name: 'g', policy_document: grant(role(A, 'r2'), role(A, 'r3'), 'acs:ram::*:role/q') },
        },
        alicloud_ram_user_policy_attachment: { a: attach('u', 'g') },
      },
    },
    c: {
      provider: alicloudProvider(C),
      resource: {
        alicloud_ram_user: { c: { name: 'c' } },
        alicloud_ram_policy: { g: { policy_name: 'g', policy_document: grant(role(A, 'r1')) } },
        alicloud_ram_user_policy_attachment: { a: attach('c', 'g') },
      },
    },
    nowhere: {
      provider: alicloudProvider(),
      resource: {
        alicloud_ram_user: { z1: { name: 'z1' }, z2: { name: 'z2' } },
        alicloud_ram_role: { q: { role_name: 'q', assume_role_policy_document: trust(root(B)) } },
      },
    },
  });
}

test('above 40 roles, accounts only: the roles and users of each, and how many roles the users of one can assume in another', () => {
  // 40 roles of A and q: 41 in all
  const diagram = mermaidDiagram(AccessGraph.fromSynthOutput(many(40)));
  expect(diagram).toBe(
    [
      'flowchart LR',
      // accounts sorted, the unknown one (of the stack nowhere) last; roles and users counted per account
      `  a1["account ${B}: 0 role(s), 1 user(s)"]`,
      `  a2["account ${C}: 0 role(s), 1 user(s)"]`,
      `  a3["account ${A}: 40 role(s), 0 user(s)"]`,
      '  a4["account unknown: 1 role(s), 2 user(s)"]',
      // every account outside the output is one node: here D, trusted by r4
      '  a5["1 account(s) not in this output: their users and roles they grant"]',
      '  a5 -.->|can assume 1 role(s)| a3',
      `  a1 -->|can assume 2 role(s)| a3`,
      `  a1 -->|can assume 1 role(s)| a4`,
      `  a2 -->|can assume 1 role(s)| a3`,
      // roles count as users do: A's role r6 may assume r5
      `  a3 -->|can assume 1 role(s)| a3`,
    ].join('\n'),
  );
});

test('40 roles are still drawn one by one', () => {
  const diagram = mermaidDiagram(AccessGraph.fromSynthOutput(many(39)));
  expect(diagram).not.toContain('role(s)');
  expect(diagram).toContain('["role r39"]');
  expect(diagram).toContain('subgraph a4["account unknown (nowhere)"]');
});
