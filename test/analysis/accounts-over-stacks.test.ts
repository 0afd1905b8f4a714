import { AccessDiff, AccessGraph, AccessReport, Decision, FindingId, PolicyDocument, PolicyEvaluator } from '../../lib';
import { doc, HandStack, writeOut } from './support/hand-written';
import { A, allowB, B, grant, ROLE, USER } from './support/deny-output';

// One account's resources split over several stacks (a platform team's stack of users, another of grants) are
// one account's: RAM names are unique per account, whichever stack writes them. Hand-written outputs, each
// also asked of the evaluator on the documents RAM would apply.

const OPS = `acs:ram::${B}:role/ops`;
const owner = (trust: object = doc(allowB)): HandStack => ({
  account: A,
  resources: { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: trust } } },
});
const grantPolicy = { g: { policy_name: 'g', policy_document: doc(grant) } };
const rowsOf = (graph: AccessGraph, principal: string) =>
  graph.assumersOf(graph.role(ROLE)!).filter((r) => r.principal === principal);
/** What RAM decides for B's principal holding the grant, under the trust policy: the rows must say the same. */
const evaluator = (principal: string, trust: object = doc(allowB), context: { [key: string]: string[] } = {}) =>
  PolicyEvaluator.evaluateAssumeRole(
    [PolicyDocument.fromJson(JSON.stringify(doc(grant)))],
    PolicyDocument.fromJson(JSON.stringify(trust)),
    principal,
    ROLE,
    context,
  );

describe('resources of one account in several stacks are joined by account', () => {
  test('a custom policy of one stack, attached to a user in another: one row, and it admits', () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(),
        b1: { account: B, resources: { alicloud_ram_user: { u: { name: 'u' } }, alicloud_ram_policy: grantPolicy } },
        b2: {
          account: B,
          resources: {
            alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
          },
        },
      }),
    );
    const rows = rowsOf(graph, USER);
    expect(rows.map((r) => r.decision)).toEqual([Decision.ALLOW]);
    expect(evaluator(USER)).toBe(Decision.ALLOW);
    const u = graph.user(USER)!;
    expect(u.stack).toBe('b1'); // the stack that creates it
    expect(u.policies.map((p) => p.origin)).toEqual(['custom policy of stack b1']);
  });

  test('a group and its policy in one stack, the membership in another: the member gets in', () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(),
        b1: {
          account: B,
          resources: {
            alicloud_ram_user: { u: { name: 'u' } },
            alicloud_ram_group: { gr: { group_name: 'gr' } },
            alicloud_ram_policy: grantPolicy,
            alicloud_ram_group_policy_attachment: { a: { group_name: 'gr', policy_name: 'g', policy_type: 'Custom' } },
          },
        },
        b2: {
          account: B,
          resources: { alicloud_ram_group_membership: { m: { group_name: 'gr', user_names: ['u'] } } },
        },
      }),
    );
    expect(rowsOf(graph, USER).map((r) => r.decision)).toEqual([Decision.ALLOW]);
    expect(graph.groups.map((g) => `${g.groupName} ${g.members.join(',')}`)).toEqual(['gr u']);
  });

  test('a role of one stack with its policy attached in another is an assumer of the role it grants', () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(),
        b1: {
          account: B,
          resources: { alicloud_ram_role: { ops: { role_name: 'ops', assume_role_policy_document: doc(allowB) } } },
        },
        b2: {
          account: B,
          resources: {
            alicloud_ram_policy: grantPolicy,
            alicloud_ram_role_policy_attachment: { a: { role_name: 'ops', policy_name: 'g', policy_type: 'Custom' } },
          },
        },
      }),
    );
    expect(rowsOf(graph, OPS).map((r) => r.decision)).toEqual([Decision.ALLOW]);
    expect(evaluator(OPS)).toBe(Decision.ALLOW);
  });

  test("a login profile in another stack makes the user's MFA sign-in reachable: no unreachable finding", () => {
    const mfa = doc({ ...allowB, Condition: { Bool: { 'acs:MFAPresent': 'true' } } });
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(mfa),
        b1: {
          account: B,
          resources: {
            alicloud_ram_user: { u: { name: 'u' } },
            alicloud_ram_policy: grantPolicy,
            alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
          },
        },
        b2: { account: B, resources: { alicloud_ram_login_profile: { l: { user_name: 'u' } } } },
      }),
    );
    const [row] = rowsOf(graph, USER);
    expect([row.decision, row.reachable]).toEqual([Decision.ALLOW, true]);
    expect(evaluator(USER, mfa, { 'acs:MFAPresent': ['true'] })).toBe(Decision.ALLOW);
    const ids = AccessReport.fromGraph(graph).findings.map((f) => f.id);
    expect(ids).not.toContain(FindingId.TRUST_MFA_UNREACHABLE);
    expect(ids).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test('a stack added with the group policy of an existing membership is new access for the gate', () => {
    const membership: HandStack = {
      account: B,
      resources: {
        alicloud_ram_user: { u: { name: 'u' } },
        alicloud_ram_group: { gr: { group_name: 'gr' } },
        alicloud_ram_user_group_attachment: { m: { group_name: 'gr', user_name: 'u' } },
      },
    };
    const grants: HandStack = {
      account: B,
      resources: {
        alicloud_ram_policy: grantPolicy,
        alicloud_ram_group_policy_attachment: { a: { group_name: 'gr', policy_name: 'g', policy_type: 'Custom' } },
      },
    };
    const base = AccessGraph.fromSynthOutput(writeOut({ a: owner(), b1: membership }));
    const head = AccessGraph.fromSynthOutput(writeOut({ a: owner(), b1: membership, b2: grants }));
    expect(AccessDiff.between(base, head).newAccess).toEqual([`${USER} can assume ${ROLE}`]);
  });

  test('two stacks of unknown accounts are kept apart (they may be two accounts)', () => {
    const unknown = (resources: object): HandStack => ({ resources }) as HandStack;
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(),
        b1: unknown({ alicloud_ram_user: { u: { name: 'u' } } }),
        b2: unknown({
          alicloud_ram_policy: grantPolicy,
          alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
        }),
      }),
    );
    const us = graph.users.filter((u) => u.userName === 'u');
    expect(us.map((u) => [u.stack, u.policies.length])).toEqual([
      ['b1', 0],
      ['b2', 1],
    ]);
  });
});

describe('a role or custom policy defined twice in one account is refused, naming both definitions', () => {
  test.each([
    [
      'role',
      {
        alicloud_ram_role: { x2: { role_name: 'x', assume_role_policy_document: doc(allowB) } },
      },
      /role x of account 1000000000000001 is defined twice: by alicloud_ram_role\.x in stack a and by alicloud_ram_role\.x2 in stack a2 \(RAM names are unique per account; Terraform cannot create both\)/,
    ],
    [
      'custom policy',
      { alicloud_ram_policy: { p2: { policy_name: 'p', policy_document: doc(grant) } } },
      /custom policy p of account 1000000000000001 is defined twice: by alicloud_ram_policy\.p in stack a and by alicloud_ram_policy\.p2 in stack a2/,
    ],
  ])('a %s of another stack of the same account', (_, resources, message) => {
    const first: HandStack = {
      account: A,
      resources: {
        alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: doc(allowB) } },
        alicloud_ram_policy: { p: { policy_name: 'p', policy_document: doc(grant) } },
      },
    };
    expect(() => AccessGraph.fromSynthOutput(writeOut({ a: first, a2: { account: A, resources } }))).toThrow(message);
  });

  test('names that are Terraform values are never taken for each other, nor for a literal name', () => {
    const named = (roleName: string, policyName: string): HandStack => ({
      account: A,
      resources: {
        alicloud_ram_role: { r: { role_name: roleName, assume_role_policy_document: doc(allowB) } },
        alicloud_ram_policy: { p: { policy_name: policyName, policy_document: doc(grant) } },
      },
    });
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: named('${var.name}', '${var.policy}'),
        a2: named('${var.name}', '${var.policy}'),
        a3: named('r', 'p'),
      }),
    );
    expect(graph.roles.map((r) => r.unresolvedRoleName ?? r.roleName)).toEqual(['${var.name}', '${var.name}', 'r']);
  });

  test('twice in one stack', () => {
    const stack: HandStack = {
      account: A,
      resources: {
        alicloud_ram_role: {
          x: { role_name: 'x', assume_role_policy_document: doc(allowB) },
          y: { role_name: 'x', assume_role_policy_document: doc(allowB) },
        },
      },
    };
    expect(() => AccessGraph.fromSynthOutput(writeOut({ a: stack }))).toThrow(
      /role x of account 1000000000000001 is defined twice: by alicloud_ram_role\.x in stack a and by alicloud_ram_role\.y in stack a/,
    );
  });
});
