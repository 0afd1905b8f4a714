import { AccessGraph, AccessReport, FindingId } from '../../lib/analysis';
import { alicloudProvider, docJson, writeRawOut } from './support/raw-output';

// The one-row-per-role table of a report of more than 40 roles (access-report.ts compactRoles), and the
// permission summaries of a role (permissions.ts) as the JSON report gives them: several callers and
// resources in one cell, a caller that gets in only with MFA, a deny-only resource (not listed), a NotAction
// statement, summaries sorted by resource, and an acknowledged finding.
const A = '1000000000000001';
const B = '2000000000000002';
const ROLES = 41;
const role = (name: string) => `acs:ram::${A}:role/${name}`;
const trust = (condition?: object) =>
  docJson({
    Action: 'sts:AssumeRole',
    Effect: 'Allow',
    Principal: { RAM: [`acs:ram::${B}:root`] },
    ...(condition ? { Condition: condition } : {}),
  });

/**
 * Owner A's roles r1..r41, trusted by B (r2 only with MFA); r1 may do anything but delete a bucket on z/k
 * (pz), get objects of a/k (pa), and is denied deleting objects of d/k (pd). B's users u1 and u2 are granted
 * r1, u1 r2 too (it has no console login). `acknowledgements` go to the owner's stack.
 */
function output(acknowledgements: object[] = []): string {
  const roles: { [name: string]: object } = {};
  for (let i = 1; i <= ROLES; i++)
    roles[`r${i}`] = {
      role_name: `r${i}`,
      assume_role_policy_document: trust(i === 2 ? { Bool: { 'acs:MFAPresent': 'true' } } : undefined),
    };
  const attach = (name: string, policy: string) => ({ role_name: name, policy_name: policy, policy_type: 'Custom' });
  const grant = (user: string, policy: string) => ({ user_name: user, policy_name: policy, policy_type: 'Custom' });
  return writeRawOut({
    owner: {
      provider: alicloudProvider(A),
      '//': { 'cdktf-xaccount': { acknowledgements } },
      resource: {
        alicloud_ram_role: roles,
        alicloud_ram_policy: {
          pz: {
            policy_name: 'pz',
            policy_document: docJson({
              NotAction: 'oss:DeleteBucket',
              Effect: 'Allow',
              Resource: `acs:oss:*:${A}:z/k`,
            }),
          },
          pa: {
            policy_name: 'pa',
            policy_document: docJson({ Action: 'oss:GetObject', Effect: 'Allow', Resource: `acs:oss:*:${A}:a/k` }),
          },
          pd: {
            policy_name: 'pd',
            policy_document: docJson({ Action: 'oss:DeleteObject', Effect: 'Deny', Resource: `acs:oss:*:${A}:d/k` }),
          },
        },
        alicloud_ram_role_policy_attachment: { z: attach('r1', 'pz'), a: attach('r1', 'pa'), d: attach('r1', 'pd') },
      },
    },
    b: {
      provider: alicloudProvider(B),
      resource: {
        alicloud_ram_user: { u1: { name: 'u1' }, u2: { name: 'u2' } },
        alicloud_ram_policy: {
          g1: {
            policy_name: 'g1',
            policy_document: docJson({ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: [role('r1'), role('r2')] }),
          },
          g2: {
            policy_name: 'g2',
            policy_document: docJson({ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: role('r1') }),
          },
        },
        alicloud_ram_user_policy_attachment: { a: grant('u1', 'g1'), b: grant('u2', 'g2') },
      },
    },
  });
}

// Built in each test (never at load or in beforeAll): Stryker counts code run outside a test as covered by none.
const UNSERVED = {
  findingId: FindingId.TRUST_UNSERVED,
  path: 'owner/r3',
  reason: 'r3 waits',
  fingerprint: '2cf3157a5dd0',
};

test('a row per role: every caller that gets in (and how), every resource with an allowed action, every finding', () => {
  const lines = AccessReport.fromGraph(AccessGraph.fromSynthOutput(output([UNSERVED])))
    .toMarkdown()
    .split('\n');
  const u = (n: number) => `acs:ram::${B}:user/u${n}`;
  const on = (bucket: string) => `1 action(s) on \`acs:oss:*:${A}:${bucket}/k\``;
  expect(lines.filter((l) => /^\| `acs:ram::\d+:role\/r[123]` \|/.test(l))).toEqual([
    `| \`${role('r1')}\` | ${u(1)}<br>${u(2)} | ${on('a')}<br>${on('z')} | high \`XA-WILDCARD-ACTION\`<br>medium \`XA-TRUST-NO-CONDITION\` |`,
    `| \`${role('r2')}\` | ${u(1)} (when signed in with MFA) (only with an MFA sign-in, and no console login in this output) | – | ` +
      'medium `XA-TRUST-MFA-UNREACHABLE`<br>low `XA-TRUST-UNSERVED` |',
    `| \`${role('r3')}\` | – | – | medium \`XA-TRUST-NO-CONDITION\`<br>low \`XA-TRUST-UNSERVED\` (acknowledged) |`,
  ]);
  // the table ends with the row of the last role and a blank line
  const end = lines.indexOf('## Findings');
  expect(lines.slice(end - 2, end)).toEqual([
    `| \`${role('r9')}\` | – | – | medium \`XA-TRUST-NO-CONDITION\`<br>low \`XA-TRUST-UNSERVED\` |`,
    '',
  ]);
});

test("a role's permissions, sorted by resource: a NotAction is everything except it, a deny-only resource has no allowed action", () => {
  const graph = AccessGraph.fromSynthOutput(output());
  const permissions = AccessReport.fromGraph(graph).toJson().roles as { arn: string; permissions: unknown }[];
  const summary = (bucket: string, allowed: string[], denied: string[], policy: string) => ({
    resource: `acs:oss:*:${A}:${bucket}/k`,
    resourceWords: `acs:oss:*:${A}:${bucket}/k`,
    allowed,
    denied,
    conditions: '',
    policies: [policy],
  });
  expect(permissions.find((r) => r.arn === role('r1'))!.permissions).toEqual([
    summary('a', ['oss:GetObject'], [], 'pa'),
    summary('d', [], ['oss:DeleteObject'], 'pd'),
    summary('z', ['everything except oss:DeleteBucket'], [], 'pz'),
  ]);
});
