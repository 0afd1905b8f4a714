import { AccessGraph, Decision } from '../../lib/analysis';
import { alicloudProvider, docJson, writeRawOut } from './support/raw-output';

// What AccessGraph answers besides the report (access-graph.ts): roles and users sorted by ARN whatever the
// order of the output, the accounts a trust policy trusts (Allow statements and RAM principals only), and
// callers holding a policy this tool cannot read next to the grant that lets them in.
const A = '1000000000000001';
const B = '2000000000000002';
const C = '3000000000000003';
const role = (name: string) => `acs:ram::${A}:role/${name}`;
const grant = (...roles: string[]) => docJson({ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: roles });

/**
 * Owner A's roles zeta, beta and mid (in that order in the output). zeta trusts B's root, a SAML provider of
 * C and a service, and denies C's user c; beta trusts A, and A's role mid (granted beta, and holding a system
 * policy this tool does not know) assumes it. B's users z and a (in that order), granted zeta; a also holds
 * a custom policy the output does not define.
 */
function output(): string {
  return writeRawOut({
    owner: {
      provider: alicloudProvider(A),
      resource: {
        alicloud_ram_role: {
          zeta: {
            role_name: 'zeta',
            assume_role_policy_document: docJson(
              {
                Action: 'sts:AssumeRole',
                Effect: 'Allow',
                Principal: { RAM: [`acs:ram::${B}:root`], Service: ['ecs.aliyuncs.com'] },
              },
              {
                Action: 'sts:AssumeRole',
                Effect: 'Allow',
                Principal: { Federated: [`acs:ram::${C}:saml-provider/idp`] },
              },
              { Action: 'sts:AssumeRole', Effect: 'Deny', Principal: { RAM: [`acs:ram::${C}:user/c`] } },
            ),
          },
          beta: {
            role_name: 'beta',
            assume_role_policy_document: docJson({
              Action: 'sts:AssumeRole',
              Effect: 'Allow',
              Principal: { RAM: [`acs:ram::${A}:root`] },
            }),
          },
          mid: {
            role_name: 'mid',
            assume_role_policy_document: docJson({
              Action: 'sts:AssumeRole',
              Effect: 'Allow',
              Principal: { RAM: [`acs:ram::${A}:root`] },
            }),
          },
        },
        alicloud_ram_policy: { g: { policy_name: 'g', policy_document: grant(role('beta')) } },
        alicloud_ram_role_policy_attachment: {
          g: { role_name: 'mid', policy_name: 'g', policy_type: 'Custom' },
          m: { role_name: 'mid', policy_name: 'SomeMystery', policy_type: 'System' },
        },
      },
    },
    b: {
      provider: alicloudProvider(B),
      resource: {
        alicloud_ram_user: { z: { name: 'z' }, a: { name: 'a' } },
        alicloud_ram_policy: { g: { policy_name: 'g', policy_document: grant(role('zeta')) } },
        alicloud_ram_user_policy_attachment: {
          z: { user_name: 'z', policy_name: 'g', policy_type: 'Custom' },
          a: { user_name: 'a', policy_name: 'g', policy_type: 'Custom' },
          m: { user_name: 'a', policy_name: 'NotInThisOutput', policy_type: 'Custom' },
        },
      },
    },
  });
}

// Built in each test (never at load or in beforeAll): Stryker counts code run outside a test as covered by none.
test('roles and users are sorted by ARN', () => {
  const graph = AccessGraph.fromSynthOutput(output());
  expect(graph.roles.map((r) => r.roleName)).toEqual(['beta', 'mid', 'zeta']);
  expect(graph.users.map((u) => u.userName)).toEqual(['a', 'z']);
});

test('the trusted accounts: those of RAM principals of Allow statements, not of a SAML provider, a service or a Deny', () => {
  const graph = AccessGraph.fromSynthOutput(output());
  expect(graph.trustedAccountsOf(graph.role(role('zeta'))!)).toEqual([B]);
  expect(graph.allowTrustOf(graph.role(role('zeta'))!).map((s) => s.effect)).toEqual(['Allow', 'Allow']);
});

test('a caller holding a policy this tool cannot read still gets in through its grant', () => {
  const graph = AccessGraph.fromSynthOutput(output());
  const allowed = (name: string) =>
    graph
      .assumersOf(graph.role(role(name))!)
      .filter((r) => r.decision === Decision.ALLOW)
      .map((r) => r.principal);
  expect(allowed('zeta')).toEqual([`acs:ram::${B}:user/a`, `acs:ram::${B}:user/z`]);
  expect(allowed('beta')).toEqual([role('mid')]);
  expect(graph.identityPoliciesOf(graph.user(`acs:ram::${B}:user/a`)!)).toHaveLength(1);
  expect(graph.policyDocumentsOf(graph.role(role('mid'))!)).toHaveLength(1);
});
