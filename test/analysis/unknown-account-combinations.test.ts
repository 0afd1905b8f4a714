import { Decision, FindingId } from '../../lib';
import { B, USER } from './support/deny-output';
import {
  ecsTrust,
  evaluator,
  grantPolicy,
  graphOf,
  idsOf,
  mfa,
  OPS,
  owner,
  partner,
  rowOf,
  rowsOf,
  unknown,
  W,
} from './support/unknown-account';

// Combinations of a stack whose account the output does not say with another stack: when all such stacks run with
// one account's credentials, their names are that account's, together with Terraform values (role attachments to
// `${var.r}`, roles named `${var.n}`, logins of `${var.x}`, memberships of `${var.g}` or of `${var.w}`) and with
// another stack of unknown account. Each case was a "no" (or an unreachable yes) where RAM says yes; each is also
// asked of the evaluator with the values that let the principal in. Found by a second review of
// unknown-account-joins.ts.

const UNKNOWN_OPS = 'acs:ram::<unknown account>:role/ops';
const UNKNOWN_U = 'acs:ram::<unknown account>:user/u';
const grpGrant = {
  alicloud_ram_group: { grp: { group_name: 'grp' } },
  alicloud_ram_policy: grantPolicy,
  alicloud_ram_group_policy_attachment: { a: { group_name: 'grp', policy_name: 'g', policy_type: 'Custom' } },
};

describe('role attachments by Terraform value or literal name across a stack of unknown account', () => {
  test('B attaches the grant to role ${var.r}; stack c (unknown account) has role ops: a yes for ops', () => {
    const graph = graphOf({
      a: owner(),
      b: partner({
        alicloud_ram_policy: grantPolicy,
        alicloud_ram_role_policy_attachment: { a: { role_name: '${var.r}', policy_name: 'g', policy_type: 'Custom' } },
      }),
      c: unknown({ alicloud_ram_role: { ops: { role_name: 'ops', assume_role_policy_document: ecsTrust } } }),
    });
    // c run with B's credentials, var.r = ops.
    expect(evaluator(OPS)).toBe(Decision.ALLOW);
    expect(rowOf(graph, UNKNOWN_OPS)).toMatchObject({ decision: Decision.ALLOW });
    expect(idsOf(graph)).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test('stack c (unknown account) attaches the grant to role ${var.r}; B has role ops: a yes for B ops', () => {
    const graph = graphOf({
      a: owner(),
      b: partner({ alicloud_ram_role: { ops: { role_name: 'ops', assume_role_policy_document: ecsTrust } } }),
      c: unknown({
        alicloud_ram_policy: grantPolicy,
        alicloud_ram_role_policy_attachment: { a: { role_name: '${var.r}', policy_name: 'g', policy_type: 'Custom' } },
      }),
    });
    expect(evaluator(OPS)).toBe(Decision.ALLOW);
    expect(rowOf(graph, OPS)).toMatchObject({ decision: Decision.ALLOW });
    expect(idsOf(graph)).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test('B attaches the grant to role ops by name; stack c (unknown account) has a role named ${var.n}: a yes for it', () => {
    const graph = graphOf({
      a: owner(),
      b: partner({
        alicloud_ram_policy: grantPolicy,
        alicloud_ram_role_policy_attachment: { a: { role_name: 'ops', policy_name: 'g', policy_type: 'Custom' } },
      }),
      c: unknown({ alicloud_ram_role: { r: { role_name: '${var.n}', assume_role_policy_document: ecsTrust } } }),
    });
    // c run with B's credentials, var.n = ops.
    expect(evaluator(OPS)).toBe(Decision.ALLOW);
    expect(rowOf(graph, 'acs:ram::<unknown account>:role/r')).toMatchObject({ decision: Decision.ALLOW });
    expect(idsOf(graph)).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test('stack c (unknown account) attaches the grant to role ops by name; B has a role named ${var.n}: a yes for it', () => {
    const graph = graphOf({
      a: owner(),
      b: partner({ alicloud_ram_role: { r: { role_name: '${var.n}', assume_role_policy_document: ecsTrust } } }),
      c: unknown({
        alicloud_ram_policy: grantPolicy,
        alicloud_ram_role_policy_attachment: { a: { role_name: 'ops', policy_name: 'g', policy_type: 'Custom' } },
      }),
    });
    expect(evaluator(OPS)).toBe(Decision.ALLOW);
    expect(rowOf(graph, `acs:ram::${B}:role/r`)).toMatchObject({ decision: Decision.ALLOW });
    expect(idsOf(graph)).not.toContain(FindingId.TRUST_UNSERVED);
  });
});

describe('console logins named by a Terraform value in the other stack', () => {
  test('MFA trust; B user u (created here) holds the grant; stack c (unknown account) has a login of ${var.x}: reachable', () => {
    const graph = graphOf({
      a: owner(mfa),
      b: partner({
        alicloud_ram_user: { u: { name: 'u' } },
        alicloud_ram_policy: grantPolicy,
        alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
      }),
      c: unknown({ alicloud_ram_login_profile: { l: { user_name: '${var.x}' } } }),
    });
    // c run with B's credentials, var.x = u: u signs in with MFA.
    expect(evaluator(USER, mfa, { 'acs:MFAPresent': ['true'] })).toBe(Decision.ALLOW);
    expect(rowOf(graph, USER)).toMatchObject({ decision: Decision.ALLOW, reachable: true });
    const ids = idsOf(graph);
    expect(ids).not.toContain(FindingId.TRUST_MFA_UNREACHABLE);
    expect(ids).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test('MFA trust; user u of stack c (unknown account) holds the grant; B has a login of ${var.x}: reachable', () => {
    const graph = graphOf({
      a: owner(mfa),
      b: partner({ alicloud_ram_login_profile: { l: { user_name: '${var.x}' } } }),
      c: unknown({
        alicloud_ram_user: { u: { name: 'u' } },
        alicloud_ram_policy: grantPolicy,
        alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
      }),
    });
    expect(evaluator(USER, mfa, { 'acs:MFAPresent': ['true'] })).toBe(Decision.ALLOW);
    expect(rowOf(graph, UNKNOWN_U)).toMatchObject({ decision: Decision.ALLOW, reachable: true });
    const ids = idsOf(graph);
    expect(ids).not.toContain(FindingId.TRUST_MFA_UNREACHABLE);
    expect(ids).not.toContain(FindingId.TRUST_UNSERVED);
  });
});

describe('memberships of a stack of unknown account in groups that B grants', () => {
  test('B user u, B group grp holds the grant; stack c (unknown account) puts u in grp: a yes for B u', () => {
    const graph = graphOf({
      a: owner(),
      b: partner({ alicloud_ram_user: { u: { name: 'u' } }, ...grpGrant }),
      c: unknown({ alicloud_ram_group_membership: { m: { group_name: 'grp', user_names: ['u'] } } }),
    });
    expect(evaluator(USER)).toBe(Decision.ALLOW);
    // (Stack b's membership and stack c's grant, the other way round, is a yes: unknown-account-names.test.ts.)
    expect(rowOf(graph, USER)).toMatchObject({ decision: Decision.ALLOW });
  });

  test('B user u; stack c (unknown) puts u in grp; stack d (unknown) grants grp: a yes for B u', () => {
    const graph = graphOf({
      a: owner(),
      b: partner({ alicloud_ram_user: { u: { name: 'u' } } }),
      c: unknown({ alicloud_ram_group_membership: { m: { group_name: 'grp', user_names: ['u'] } } }),
      d: unknown({
        alicloud_ram_policy: grantPolicy,
        alicloud_ram_group_policy_attachment: { a: { group_name: 'grp', policy_name: 'g', policy_type: 'Custom' } },
      }),
    });
    // c and d both run with B's credentials.
    expect(evaluator(USER)).toBe(Decision.ALLOW);
    expect(rowOf(graph, USER)).toMatchObject({ decision: Decision.ALLOW });
  });

  test('B user u, B group grp holds the grant; stack c (unknown account) puts u in group ${var.g}: a yes for B u', () => {
    const graph = graphOf({
      a: owner(),
      b: partner({ alicloud_ram_user: { u: { name: 'u' } }, ...grpGrant }),
      c: unknown({ alicloud_ram_user_group_attachment: { m: { group_name: '${var.g}', user_name: 'u' } } }),
    });
    // c run with B's credentials, var.g = grp.
    expect(evaluator(USER)).toBe(Decision.ALLOW);
    expect(rowOf(graph, USER)).toMatchObject({ decision: Decision.ALLOW });
    expect(idsOf(graph)).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test.each([
    ['alicloud_ram_group_membership', { group_name: 'grp', user_names: ['${var.w}'] }],
    ['alicloud_ram_user_group_attachment', { group_name: 'grp', user_name: '${var.w}' }],
  ])('B group grp holds the grant; stack c (unknown account) puts user ${var.w} in grp (%s): a yes', (type, body) => {
    const graph = graphOf({
      a: owner(),
      b: partner({ alicloud_ram_user: { w: { name: 'w' } }, ...grpGrant }),
      c: unknown({ [type]: { m: body } }),
    });
    // c run with B's credentials, var.w = w.
    expect(evaluator(W)).toBe(Decision.ALLOW);
    const rows = rowsOf(graph);
    // B's w, or a row for the unknown member, or "any other RAM user of B": some row says yes.
    expect(
      rows.some(
        (r) =>
          r.decision === Decision.ALLOW &&
          (r.principal === W || r.kind === 'unknown-name' || r.principal === `any other RAM user or role of ${B}`),
      ),
    ).toBe(true);
    expect(rowOf(graph, W)?.decision).not.toBe(Decision.IMPLICIT_DENY);
    expect(idsOf(graph)).not.toContain(FindingId.TRUST_UNSERVED);
  });
});

describe('the words of two stacks of unknown account', () => {
  test('each expression of dependsOn is one expression, not two joined by a comma', () => {
    const graph = graphOf({
      a: owner(),
      c: unknown({ alicloud_ram_role: { ops: { role_name: 'ops', assume_role_policy_document: ecsTrust } } }),
      d: unknown({
        alicloud_ram_policy: grantPolicy,
        alicloud_ram_role_policy_attachment: { a: { role_name: 'ops', policy_name: 'g', policy_type: 'Custom' } },
      }),
    });
    const row = rowOf(graph, UNKNOWN_OPS);
    expect(row).toMatchObject({ decision: Decision.ALLOW });
    // Now: ['the account of stack c', 'the account of stack d, the account of stack c'].
    expect(row!.dependsOn).toEqual(['the account of stack c', 'the account of stack d']);
  });
});
