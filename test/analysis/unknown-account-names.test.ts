import { AccessGraph, Decision, FindingId } from '../../lib';
import { doc, writeOut } from './support/hand-written';
import { allowB, grant, USER } from './support/deny-output';
import { evaluator, grantPolicy, idsOf, OPS, owner, partner, rowsOf, unknown, W } from './support/unknown-account';

// The names of a stack whose account the output does not say may be those of a trusted account's stack (when
// Terraform runs that stack with that account's credentials): RAM names are unique per account. Each case was a
// "no" (or an unreachable yes) where RAM says yes; each is also asked of the evaluator. Found by a review.
// (unknown-account-joins.ts; the login cases: widenedRow in assumers.ts.)

describe('the literal names of a stack of unknown account are joined to those of a trusted account', () => {
  test('B user w in group grp; stack c (unknown account) attaches the grant to group grp: a yes for w, no unserved finding', () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(),
        b: partner({
          alicloud_ram_user: { w: { name: 'w' } },
          alicloud_ram_group_membership: { m: { group_name: 'grp', user_names: ['w'] } },
        }),
        c: unknown({
          alicloud_ram_group: { grp: { group_name: 'grp' } },
          alicloud_ram_policy: grantPolicy,
          alicloud_ram_group_policy_attachment: { a: { group_name: 'grp', policy_name: 'g', policy_type: 'Custom' } },
        }),
      }),
    );
    expect(evaluator(W)).toBe(Decision.ALLOW);
    expect(rowsOf(graph).find((r) => r.principal === W)).toMatchObject({
      decision: Decision.ALLOW,
      dependsOn: ['the account of stack c'],
    });
    expect(idsOf(graph)).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test('B user w; stack c (unknown account) attaches the grant to user w by its literal name: a yes for w', () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(),
        b: partner({ alicloud_ram_user: { w: { name: 'w' } } }),
        c: unknown({
          alicloud_ram_policy: grantPolicy,
          alicloud_ram_user_policy_attachment: { a: { user_name: 'w', policy_name: 'g', policy_type: 'Custom' } },
        }),
      }),
    );
    expect(evaluator(W)).toBe(Decision.ALLOW);
    // (`${var.u}` instead of `w` in stack c gives B's w a yes for some values: the literal name does too.)
    expect(rowsOf(graph).find((r) => r.principal === W)).toMatchObject({
      decision: Decision.ALLOW,
      dependsOn: ['the account of stack c'],
    });
  });

  test('user w of stack c (unknown account) in group ${var.g}; B has group grp holding the grant: a yes for w', () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(),
        b: partner({
          alicloud_ram_group: { grp: { group_name: 'grp' } },
          alicloud_ram_policy: grantPolicy,
          alicloud_ram_group_policy_attachment: { a: { group_name: 'grp', policy_name: 'g', policy_type: 'Custom' } },
        }),
        c: unknown({
          alicloud_ram_user: { w: { name: 'w' } },
          alicloud_ram_user_group_attachment: { m: { group_name: '${var.g}', user_name: 'w' } },
        }),
      }),
    );
    expect(evaluator(W)).toBe(Decision.ALLOW);
    expect(rowsOf(graph).find((r) => r.principal === 'acs:ram::<unknown account>:user/w')).toMatchObject({
      decision: Decision.ALLOW,
    });
    expect(idsOf(graph)).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test('role ops of stack c (unknown account); B attaches the grant to role ops: a yes for the role', () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(),
        b: partner({
          alicloud_ram_policy: grantPolicy,
          alicloud_ram_role_policy_attachment: { a: { role_name: 'ops', policy_name: 'g', policy_type: 'Custom' } },
        }),
        c: unknown({
          alicloud_ram_role: {
            ops: {
              role_name: 'ops',
              assume_role_policy_document: doc({ ...allowB, Principal: { Service: ['ecs.aliyuncs.com'] } }),
            },
          },
        }),
      }),
    );
    expect(evaluator(OPS)).toBe(Decision.ALLOW);
    expect(rowsOf(graph).find((r) => r.principal === 'acs:ram::<unknown account>:role/ops')).toMatchObject({
      decision: Decision.ALLOW,
    });
    expect(idsOf(graph)).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test('MFA trust; B user u holds the grant; stack c (unknown account) gives u a console login: reachable', () => {
    const mfa = doc({ ...allowB, Condition: { Bool: { 'acs:MFAPresent': 'true' } } });
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(mfa),
        b: partner({
          alicloud_ram_user: { u: { name: 'u' } },
          alicloud_ram_policy: grantPolicy,
          alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
        }),
        c: unknown({ alicloud_ram_login_profile: { l: { user_name: 'u' } } }),
      }),
    );
    expect(evaluator(USER, mfa, { 'acs:MFAPresent': ['true'] })).toBe(Decision.ALLOW);
    expect(rowsOf(graph).find((r) => r.principal === USER)).toMatchObject({
      decision: Decision.ALLOW,
      reachable: true,
    });
    const ids = idsOf(graph);
    expect(ids).not.toContain(FindingId.TRUST_UNSERVED);
    expect(ids).not.toContain(FindingId.TRUST_MFA_UNREACHABLE);
  });

  test('MFA trust; user u of stack c (unknown account) holds the grant, a login profile of ${var.x} there: reachable', () => {
    const mfa = doc({ ...allowB, Condition: { Bool: { 'acs:MFAPresent': 'true' } } });
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(mfa),
        b: partner({ alicloud_ram_user: { w: { name: 'w' } } }),
        c: unknown({
          alicloud_ram_user: { u: { name: 'u' } },
          alicloud_ram_policy: grantPolicy,
          alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
          alicloud_ram_login_profile: { l: { user_name: '${var.x}' } },
        }),
      }),
    );
    expect(evaluator(USER, mfa, { 'acs:MFAPresent': ['true'] })).toBe(Decision.ALLOW);
    // With account B written on stack c, the same user is a yes for some values of ${var.x}, reachable.
    expect(rowsOf(graph).find((r) => r.principal === 'acs:ram::<unknown account>:user/u')).toMatchObject({
      decision: Decision.ALLOW,
      reachable: true,
    });
    const ids = idsOf(graph);
    expect(ids).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test("user w of stack c (unknown account); B attaches the grant to ${var.u}: a yes for w, as for B's own w", () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(),
        b: partner({
          alicloud_ram_policy: grantPolicy,
          alicloud_ram_user_policy_attachment: {
            a: { user_name: '${var.u}', policy_name: 'g', policy_type: 'Custom' },
          },
        }),
        c: unknown({ alicloud_ram_user: { w: { name: 'w' } } }),
      }),
    );
    expect(evaluator(W)).toBe(Decision.ALLOW);
    expect(rowsOf(graph).find((r) => r.principal === 'acs:ram::<unknown account>:user/w')).toMatchObject({
      decision: Decision.ALLOW,
    });
  });

  test('MFA trust; B user u with a grant on ${var.role} and a login of ${var.x}: reachable for some values of both', () => {
    const mfa = doc({ ...allowB, Condition: { Bool: { 'acs:MFAPresent': 'true' } } });
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: owner(mfa),
        b: partner({
          alicloud_ram_user: { u: { name: 'u' } },
          alicloud_ram_policy: { g: { policy_name: 'g', policy_document: doc({ ...grant, Resource: '${var.role}' }) } },
          alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
          alicloud_ram_login_profile: { l: { user_name: '${var.x}' } },
        }),
      }),
    );
    // var.role = ROLE, var.x = u: u signs in with MFA.
    expect(evaluator(USER, mfa, { 'acs:MFAPresent': ['true'] })).toBe(Decision.ALLOW);
    expect(rowsOf(graph).find((r) => r.principal === USER)).toMatchObject({
      decision: Decision.ALLOW,
      reachable: true,
    });
    expect(idsOf(graph)).not.toContain(FindingId.TRUST_UNSERVED);
  });
});
