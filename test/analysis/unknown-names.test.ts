import { AccessDiff, AccessGraph, AccessReport, Decision, FindingId, PolicyDocument, PolicyEvaluator } from '../../lib';
import { doc, HandStack, writeOut } from './support/hand-written';
import { A, allowB, B, grant, ROLE, USER } from './support/deny-output';

// Users and groups named by Terraform values the output does not know (`${var.u}`): the name may be any of the
// account, one the output names literally included, and the resource so named is not the one its resource name
// would name. Hand-written outputs; each yes is also asked of the evaluator with the values that give it.

const W = `acs:ram::${B}:user/w`;
const owner: HandStack = {
  account: A,
  resources: { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: doc(allowB) } } },
};
const grantPolicy = { g: { policy_name: 'g', policy_document: doc(grant) } };
const partner = (resources: object): HandStack => ({ account: B, resources }) as HandStack;
const graphOf = (resources: object) => AccessGraph.fromSynthOutput(writeOut({ a: owner, b: partner(resources) }));
const rowsOf = (graph: AccessGraph) => graph.assumersOf(graph.role(ROLE)!);
/** What RAM decides for `principal` holding the grant (the values that give the yes): the rows must say no less. */
const heldGrant = (principal: string) =>
  PolicyEvaluator.evaluateAssumeRole(
    [PolicyDocument.fromJson(JSON.stringify(doc(grant)))],
    PolicyDocument.fromJson(JSON.stringify(doc(allowB))),
    principal,
    ROLE,
    {},
  );

describe('a user or group resource whose name is a Terraform value', () => {
  const namedUser = {
    alicloud_ram_user: { u: { name: '${var.u}' } },
    alicloud_ram_policy: grantPolicy,
    alicloud_ram_user_policy_attachment: {
      a: { user_name: '${alicloud_ram_user.u.name}', policy_name: 'g', policy_type: 'Custom' },
    },
  };

  test('is not the user its resource name names: no "no" for user/u, a yes for its value, and no unserved finding', () => {
    const graph = graphOf(namedUser);
    const rows = rowsOf(graph);
    // Before, the resource was read as user u holding nothing: "user/u: no", where user u is this user when var.u is u.
    expect(rows.map((r) => r.principal)).not.toContain(USER);
    expect(rows.filter((r) => r.kind === 'unknown-name')).toEqual([
      expect.objectContaining({
        principal: `acs:ram::${B}:user/\${alicloud_ram_user.u.name}`,
        decision: Decision.ALLOW,
        dependsOn: ['${alicloud_ram_user.u.name}'],
      }),
    ]);
    expect(heldGrant(USER)).toBe(Decision.ALLOW);
    const ids = AccessReport.fromGraph(graph).findings.map((f) => f.id);
    expect(ids).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test('a member, by reference, of a group so named holds its policies: a yes (a wrong no before)', () => {
    const rows = rowsOf(
      graphOf({
        alicloud_ram_user: { w: { name: 'w' } },
        alicloud_ram_group: { g: { group_name: '${var.g}' } },
        alicloud_ram_policy: grantPolicy,
        alicloud_ram_group_policy_attachment: {
          a: { group_name: '${alicloud_ram_group.g.group_name}', policy_name: 'g', policy_type: 'Custom' },
        },
        alicloud_ram_user_group_attachment: { m: { group_name: '${alicloud_ram_group.g.group_name}', user_name: 'w' } },
      }),
    );
    expect(rows.find((r) => r.principal === W)).toMatchObject({ decision: Decision.ALLOW });
    expect(heldGrant(W)).toBe(Decision.ALLOW);
  });
});

describe('a name that is a Terraform value may be one the output names literally', () => {
  test('a policy attached to ${var.u} may be attached to w: a yes for some values of ${var.u} (a wrong no before)', () => {
    const rows = rowsOf(
      graphOf({
        alicloud_ram_user: { w: { name: 'w' } },
        alicloud_ram_policy: grantPolicy,
        alicloud_ram_user_policy_attachment: { a: { user_name: '${var.u}', policy_name: 'g', policy_type: 'Custom' } },
      }),
    );
    const row = rows.find((r) => r.principal === W)!;
    expect(row).toMatchObject({ decision: Decision.ALLOW, dependsOn: ['${var.u} (as w)'] });
    expect(row.reason).toMatch(/for some values of \$\{var\.u\} \(as w\), which this output does not know/);
    expect(heldGrant(W)).toBe(Decision.ALLOW);
  });

  test('a policy attached to the group ${var.g} may be on group grp, of which w is a member', () => {
    const rows = rowsOf(
      graphOf({
        alicloud_ram_user: { w: { name: 'w' } },
        alicloud_ram_group: { grp: { group_name: 'grp' } },
        alicloud_ram_group_membership: { m: { group_name: 'grp', user_names: ['w'] } },
        alicloud_ram_policy: grantPolicy,
        alicloud_ram_group_policy_attachment: {
          a: { group_name: '${var.g}', policy_name: 'g', policy_type: 'Custom' },
        },
      }),
    );
    expect(rows.find((r) => r.principal === W)).toMatchObject({
      decision: Decision.ALLOW,
      dependsOn: ['${var.g} (as grp)'],
    });
  });

  test('a membership of ${var.h} may be of the group ${var.g}, which holds the grant', () => {
    const rows = rowsOf(
      graphOf({
        alicloud_ram_user: { w: { name: 'w' } },
        alicloud_ram_user_group_attachment: { m: { group_name: '${var.h}', user_name: 'w' } },
        alicloud_ram_policy: grantPolicy,
        alicloud_ram_group_policy_attachment: {
          a: { group_name: '${var.g}', policy_name: 'g', policy_type: 'Custom' },
        },
      }),
    );
    expect(rows.find((r) => r.principal === W)).toMatchObject({ decision: Decision.ALLOW, dependsOn: ['${var.h}'] });
  });

  test('a literal name that cannot be the value stays as written: a user of another account is not ${var.u}', () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner,
        b: partner({
          alicloud_ram_policy: grantPolicy,
          alicloud_ram_user_policy_attachment: {
            a: { user_name: '${var.u}', policy_name: 'g', policy_type: 'Custom' },
          },
        }),
        c: { account: '3000000000000003', resources: { alicloud_ram_user: { w: { name: 'w' } } } },
      }),
    );
    expect(graph.user('acs:ram::3000000000000003:user/w')).toBeDefined();
    expect(rowsOf(graph).map((r) => r.principal)).not.toContain('acs:ram::3000000000000003:user/w');
  });

  test('the gate counts the new user who may be ${var.u} as new access', () => {
    const attached = {
      alicloud_ram_policy: grantPolicy,
      alicloud_ram_user_policy_attachment: { a: { user_name: '${var.u}', policy_name: 'g', policy_type: 'Custom' } },
    };
    const diff = AccessDiff.between(
      graphOf(attached),
      graphOf({ ...attached, alicloud_ram_user: { w: { name: 'w' } } }),
    );
    expect(diff.broadens).toBe(true);
    expect(diff.newAccess.join('\n')).toContain(W);
  });
});
