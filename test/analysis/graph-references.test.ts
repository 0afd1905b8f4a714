import { AccessGraph } from '../../lib/analysis';
import { accountJson, handWrittenOut, Json, policyText, trustStatement } from '../support/hand-written';
import { OWNER, PARTNER } from '../support/ids';

// References between resources of a stack (`${type.name.attribute}`), as cdktf writes them: followed to
// the literal they name, through several hops; a variable, a data source or a local is unknown here.
const trust = policyText(trustStatement([`acs:ram::${PARTNER}:root`]));

function graph(resource: Json): AccessGraph {
  return AccessGraph.fromSynthOutput(handWrittenOut({ a: accountJson(OWNER, resource) }));
}

describe('references in the output', () => {
  test('a role name referencing a user name that references a group name: the literal at the end', () => {
    const g = graph({
      alicloud_ram_group: { g: { group_name: 'ops' } },
      alicloud_ram_user: { u: { name: '${alicloud_ram_group.g.group_name}' } },
      alicloud_ram_role: { r: { role_name: '${alicloud_ram_user.u.name}', assume_role_policy_document: trust } },
    });
    expect(g.roles.map((r) => r.roleName)).toEqual(['ops']);
    expect(g.users.map((u) => u.userName)).toEqual(['ops']);
  });

  test.each([
    '${var.name}',
    '${var.settings.name}',
    '${data.alicloud_account.current.id}',
    '${data.alicloud_account.current}',
    '${local.name}',
    '${local.names.role}',
    'prefix-${var.name}',
    '${upper("x")}',
  ])('a role name %s is unknown here: the role is named by its resource', (roleName) => {
    expect(
      graph({ alicloud_ram_role: { r: { role_name: roleName, assume_role_policy_document: trust } } }).roles.map(
        (r) => r.roleName,
      ),
    ).toEqual(['r']);
  });

  test('user_names: references followed, unknown entries left out', () => {
    const g = graph({
      alicloud_ram_user: { u: { name: 'alice' } },
      alicloud_ram_group_membership: {
        m: { group_name: 'devs', user_names: ['${alicloud_ram_user.u.name}', '${var.other}', 'bob'] },
      },
    });
    expect(g.groups.map((x) => [x.groupName, x.members])).toEqual([['devs', ['alice', 'bob']]]);
  });

  test('a trust policy referencing a policy resource: its document is read', () => {
    const g = graph({
      alicloud_ram_policy: { p: { policy_name: 'p', policy_document: trust } },
      alicloud_ram_role: {
        r: { role_name: 'r', assume_role_policy_document: '${alicloud_ram_policy.p.policy_document}' },
      },
    });
    expect(g.roles[0].trustPolicy.statements[0].principals[0].identifier).toBe(`acs:ram::${PARTNER}:root`);
  });

  test('a chain of references is followed 21 deep; one more is refused as a loop', () => {
    const chain = (length: number): Json => {
      const users: Json = { u0: { name: 'end' } };
      for (let i = 1; i < length; i++) users[`u${i}`] = { name: `\${alicloud_ram_user.u${i - 1}.name}` };
      return {
        alicloud_ram_user: users,
        alicloud_ram_role: {
          r: { role_name: `\${alicloud_ram_user.u${length - 1}.name}`, assume_role_policy_document: trust },
        },
      };
    };
    expect(graph(chain(21)).roles.map((r) => r.roleName)).toEqual(['end']);
    expect(() => graph(chain(22))).toThrow(
      /: reference loop at "\$\{alicloud_ram_user\.u0\.name\}" in alicloud_ram_user\.u1\.name$/,
    );
  });

  test('acknowledgements keep exactly the fields given', () => {
    const acknowledgements = [
      { findingId: 'XA-TRUST-NO-CONDITION', path: 'a/r', reason: 'reviewed by the partner' },
      {
        findingId: 'XA-TRUST-NO-CONDITION',
        path: 'a/r',
        reason: 'reviewed by the partner',
        fingerprint: '0123456789ab',
        content: 'c',
      },
    ];
    const g = AccessGraph.fromSynthOutput(
      handWrittenOut({ a: { ...accountJson(OWNER, {}), '//': { 'cdktf-xaccount': { acknowledgements } } } }),
    );
    expect(g.acknowledgements).toStrictEqual(acknowledgements.map((a) => ({ stack: 'a', ...a })));
  });
});
