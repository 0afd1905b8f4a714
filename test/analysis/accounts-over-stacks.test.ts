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

// A stack whose account the output does not say (no guard, no literal account) may run with any account's credentials:
// its users and roles may be the principals of an account the trust names, even one another stack of the output has.
describe('principals of a stack whose account the output does not say', () => {
  const unknown = (resources: object): HandStack => ({ resources }) as HandStack;
  const UNKNOWN_USER = 'acs:ram::<unknown account>:user/u';
  const withGrant = (extra: object = {}) =>
    unknown({
      alicloud_ram_user: { u: { name: 'u' } },
      alicloud_ram_policy: grantPolicy,
      alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
      ...extra,
    });

  test("may be the trusted account's, beside another stack of that account: a yes for some values, never a no", () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(),
        b: { account: B, resources: { alicloud_ram_user: { w: { name: 'w' } } } },
        c: withGrant(),
      }),
    );
    const [row] = rowsOf(graph, UNKNOWN_USER);
    expect(row).toMatchObject({ decision: Decision.ALLOW, reachable: true, dependsOn: ['the account of stack c'] });
    expect(row.reason).toMatch(/for some values of the account of stack c, which this output does not know/);
    expect(evaluator(USER)).toBe(Decision.ALLOW);
  });

  test('so the trust of B is not said to be unserved (XA-TRUST-UNSERVED) while such a user may serve it', () => {
    const out = (c?: HandStack) =>
      writeOut({
        a: owner(),
        b: { account: B, resources: { alicloud_ram_user: { w: { name: 'w' } } } },
        ...(c ? { c } : {}),
      });
    const ids = (dir: string) => AccessReport.fromGraph(AccessGraph.fromSynthOutput(dir)).findings.map((f) => f.id);
    expect(ids(out())).toContain(FindingId.TRUST_UNSERVED);
    expect(ids(out(withGrant()))).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test('a user of it named by a Terraform value holding the grant may be a user of B: a yes for some values of both', () => {
    const named = unknown({
      alicloud_ram_policy: grantPolicy,
      alicloud_ram_user_policy_attachment: { a: { user_name: '${var.u}', policy_name: 'g', policy_type: 'Custom' } },
    });
    const b = { account: B, resources: { alicloud_ram_user: { w: { name: 'w' } } } };
    const graph = AccessGraph.fromSynthOutput(writeOut({ a: owner(), b, c: named }));
    expect(graph.assumersOf(graph.role(ROLE)!).filter((r) => r.kind === 'unknown-name')).toEqual([
      expect.objectContaining({
        principal: `acs:ram::${B}:user/\${var.u}`,
        decision: Decision.ALLOW,
        dependsOn: ['${var.u}', 'the account of stack c'],
        reason: expect.stringMatching(
          /^user \$\{var\.u\} of stack c, which may be of account 2000000000000002, named by/,
        ),
      }),
    ]);
    // B's user w may be the one `${var.u}` names, when stack c runs with B's credentials.
    expect(rowsOf(graph, `acs:ram::${B}:user/w`)).toEqual([
      expect.objectContaining({ decision: Decision.ALLOW, dependsOn: ['${var.u} (as w, of the account of stack c)'] }),
    ]);
  });

  test('its role holding the grant, too', () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(),
        c: unknown({
          alicloud_ram_role: {
            ci: {
              role_name: 'ci',
              assume_role_policy_document: doc({ ...allowB, Principal: { Service: ['ecs.aliyuncs.com'] } }),
            },
          },
          alicloud_ram_policy: grantPolicy,
          alicloud_ram_role_policy_attachment: { a: { role_name: 'ci', policy_name: 'g', policy_type: 'Custom' } },
        }),
      }),
    );
    expect(rowsOf(graph, 'acs:ram::<unknown account>:role/ci')).toEqual([
      expect.objectContaining({ decision: Decision.ALLOW, dependsOn: ['the account of stack c'] }),
    ]);
  });

  test("its role named by a Terraform value may be the trusted account's role/ops: a yes for some values of both", () => {
    const trustsOps = doc({ ...allowB, Principal: { RAM: [OPS] } });
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(trustsOps),
        c: unknown({
          alicloud_ram_role: {
            ci: {
              role_name: '${var.x}',
              assume_role_policy_document: doc({ ...allowB, Principal: { Service: ['ecs.aliyuncs.com'] } }),
            },
          },
          alicloud_ram_policy: grantPolicy,
          alicloud_ram_role_policy_attachment: {
            a: { role_name: '${alicloud_ram_role.ci.role_name}', policy_name: 'g', policy_type: 'Custom' },
          },
        }),
      }),
    );
    const rows = graph.assumersOf(graph.role(ROLE)!).filter((r) => r.kind === 'role');
    expect(rows).toEqual([
      expect.objectContaining({ decision: Decision.ALLOW, dependsOn: ['${var.x}', 'the account of stack c'] }),
    ]);
    expect(evaluator(OPS, trustsOps)).toBe(Decision.ALLOW);
  });

  test('a trust requiring MFA: the user without a console login gets in only with one (unreachable), with one reachable', () => {
    const mfa = doc({ ...allowB, Condition: { Bool: { 'acs:MFAPresent': 'true' } } });
    const without = rowsOf(AccessGraph.fromSynthOutput(writeOut({ a: owner(mfa), c: withGrant() })), UNKNOWN_USER);
    expect(without.map((r) => [r.decision, r.reachable])).toEqual([[Decision.ALLOW, false]]);
    const login = { alicloud_ram_login_profile: { l: { user_name: 'u' } } };
    const withLogin = rowsOf(
      AccessGraph.fromSynthOutput(writeOut({ a: owner(mfa), c: withGrant(login) })),
      UNKNOWN_USER,
    );
    expect(withLogin.map((r) => [r.decision, r.reachable])).toEqual([[Decision.ALLOW, true]]);
  });

  test('one that no trusted account would let in has no row of its own: the class rows speak for it', () => {
    const bare = unknown({
      alicloud_ram_role: { bare: { role_name: 'bare', assume_role_policy_document: doc(allowB) } },
    });
    const graph = AccessGraph.fromSynthOutput(writeOut({ a: owner(), c: bare }));
    const principals = graph.assumersOf(graph.role(ROLE)!).map((r) => r.principal);
    expect(principals).not.toContain('acs:ram::<unknown account>:role/bare');
    expect(principals).toContain(
      `any RAM user or role of another account (even one holding AliyunSTSAssumeRoleAccess)`,
    );
  });

  test('one whose grant names the role but whom no trusted account admits: a no that holds whichever account it is', () => {
    const onlyV = doc({ ...allowB, Principal: { RAM: [`acs:ram::${B}:user/v`] } });
    const [row] = rowsOf(AccessGraph.fromSynthOutput(writeOut({ a: owner(onlyV), c: withGrant() })), UNKNOWN_USER);
    expect(row.decision).toBe(Decision.IMPLICIT_DENY);
    expect(row.reason).toBe(
      `whichever account is the account of stack c (which this output does not know): as a principal of ${B} the ` +
        'trust policy and its own policies do not let it in, and the trust policy names no other account',
    );
    expect(evaluator(USER, onlyV)).toBe(Decision.IMPLICIT_DENY);
  });

  test('the gate counts such a stack as new access', () => {
    const base = writeOut({ a: owner() });
    const head = writeOut({ a: owner(), c: withGrant() });
    const diff = AccessDiff.between(AccessGraph.fromSynthOutput(base), AccessGraph.fromSynthOutput(head));
    expect(diff.broadens).toBe(true);
    expect(diff.newAccess.join('\n')).toContain(UNKNOWN_USER);
  });
});

// A role of such a stack may be in any account: a grant naming the role of one account may name it.
describe('roles of a stack whose account the output does not say', () => {
  const UNKNOWN_ROLE = 'acs:ram::<unknown account>:role/x';
  const resources: object = { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: doc(allowB) } } };
  const unknownOwner = { resources } as HandStack;
  const partner = (resource: string): HandStack => ({
    account: B,
    resources: {
      alicloud_ram_user: { u: { name: 'u' } },
      alicloud_ram_policy: { g: { policy_name: 'g', policy_document: doc({ ...grant, Resource: resource }) } },
      alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
    },
  });
  const rowOf = (graph: AccessGraph) => graph.assumersOf(graph.role(UNKNOWN_ROLE)!).filter((r) => r.principal === USER);

  test.each([ROLE, 'acs:ram::1*:role/?'])(
    'a grant on %s may be on it: a yes for some values of the account of stack a (a wrong no before)',
    (resource) => {
      const [row] = rowOf(AccessGraph.fromSynthOutput(writeOut({ a: unknownOwner, b: partner(resource) })));
      expect(row).toMatchObject({ decision: Decision.ALLOW, dependsOn: ['the account of stack a'] });
      expect(row.reason).toMatch(/for some values of the account of stack a, which this output does not know/);
      // What RAM decides when stack a runs with account A's credentials.
      const trusted = PolicyDocument.fromJson(JSON.stringify(doc(allowB)));
      const held = [PolicyDocument.fromJson(JSON.stringify(doc({ ...grant, Resource: resource })))];
      expect(PolicyEvaluator.evaluateAssumeRole(held, trusted, USER, ROLE, {})).toBe(Decision.ALLOW);
    },
  );

  test('a grant on role x of every account is on it whichever account it is in: a plain yes', () => {
    const [row] = rowOf(AccessGraph.fromSynthOutput(writeOut({ a: unknownOwner, b: partner('acs:ram::*:role/x') })));
    expect(row.decision).toBe(Decision.ALLOW);
    expect(row.dependsOn).toBeUndefined();
  });

  test('a grant on a role of another name is not on it, whichever account it is in', () => {
    const [row] = rowOf(AccessGraph.fromSynthOutput(writeOut({ a: unknownOwner, b: partner(`acs:ram::${A}:role/y`) })));
    expect(row.decision).toBe(Decision.IMPLICIT_DENY);
    expect(row.dependsOn).toBeUndefined();
  });

  test('the gate counts it as new access', () => {
    const base = writeOut({ a: unknownOwner, b: partner(`acs:ram::${A}:role/y`) });
    const head = writeOut({ a: unknownOwner, b: partner(ROLE) });
    const diff = AccessDiff.between(AccessGraph.fromSynthOutput(base), AccessGraph.fromSynthOutput(head));
    expect(diff.broadens).toBe(true);
    expect(diff.newAccess.join('\n')).toContain(UNKNOWN_ROLE);
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
