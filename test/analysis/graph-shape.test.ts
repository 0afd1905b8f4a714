import { AccessGraph } from '../../lib/analysis';
import { doc, writeOut } from './support/hand-written';

// What AccessGraph promises of its lists and lookups (access-graph.ts, permissions.ts): roles sorted by ARN,
// trusted accounts read from Allow statements' RAM principals only, policies of unknown content skipped on
// the caller's side too, NotAction permissions in words, long lists sorted. Built in the tests.

const A = '1000000000000001';
const B = '2000000000000002';
const C = '3000000000000003';
const ROLE = `acs:ram::${A}:role/x`;
const allowB = { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${B}:root`] } };

/** Role x of A with this trust (and these policies attached), with more resources of A. */
function ownerGraph(trust: object, more: { [type: string]: { [name: string]: { [k: string]: unknown } } } = {}) {
  return AccessGraph.fromSynthOutput(
    writeOut({
      a: {
        account: A,
        resources: {
          ...more,
          alicloud_ram_role: {
            x: { role_name: 'x', assume_role_policy_document: trust },
            ...(more.alicloud_ram_role ?? {}),
          },
        },
      },
    }),
  );
}

describe('roles', () => {
  test('sorted by ARN, whatever the order of stacks and resources', () => {
    const role = (name: string) => ({ role_name: name, assume_role_policy_document: doc(allowB) });
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: { account: B, resources: { alicloud_ram_role: { z: role('z'), m: role('m') } } },
        b: { account: A, resources: { alicloud_ram_role: { y: role('y'), b: role('b') } } },
      }),
    );
    expect(graph.roles.map((r) => r.arn)).toEqual([
      `acs:ram::${A}:role/b`,
      `acs:ram::${A}:role/y`,
      `acs:ram::${B}:role/m`,
      `acs:ram::${B}:role/z`,
    ]);
  });
});

describe('the accounts a trust policy trusts', () => {
  const accountsIn = (graph: AccessGraph) =>
    graph
      .assumersOf(graph.role(ROLE)!)
      .filter((r) => r.kind === 'account-root')
      .map((r) => r.principal);

  test('an account named only by a Deny is not trusted: no rows for it', () => {
    const graph = ownerGraph(
      doc(allowB, { Action: 'sts:AssumeRole', Effect: 'Deny', Principal: { RAM: [`acs:ram::${C}:root`] } }),
    );
    expect(graph.trustedAccountsOf(graph.role(ROLE)!)).toEqual([B]);
    expect(accountsIn(graph)).toEqual([`acs:ram::${B}:root`]);
    expect(graph.allowTrustOf(graph.role(ROLE)!)).toHaveLength(1);
  });

  test('a service principal names no account', () => {
    const graph = ownerGraph(
      doc({
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: ['ecs.aliyuncs.com'], RAM: [`acs:ram::${C}:user/u`] },
      }),
    );
    expect(graph.trustedAccountsOf(graph.role(ROLE)!)).toEqual([C]);
    expect(accountsIn(graph)).toEqual([`acs:ram::${C}:root`]);
  });
});

describe('the accounts of identity providers', () => {
  test("an account's SAML provider in the trust does not make the account trusted", () => {
    const graph = ownerGraph(
      doc({
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Federated: [`acs:ram::${C}:saml-provider/idp`], RAM: [`acs:ram::${B}:root`] },
        Condition: { StringEquals: { 'saml:recipient': 'https://signin.aliyun.com/saml-role/sso' } },
      }),
    );
    expect(graph.trustedAccountsOf(graph.role(ROLE)!)).toEqual([B]);
  });
});

describe('policies of unknown content', () => {
  test("a user's custom policy not in the output is skipped: its other policy still lets it in", () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: {
          account: A,
          resources: { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: doc(allowB) } } },
        },
        b: {
          account: B,
          resources: {
            alicloud_ram_user: { u: { name: 'u' } },
            alicloud_ram_user_policy_attachment: {
              elsewhere: { user_name: 'u', policy_name: 'elsewhere', policy_type: 'Custom' },
              sts: { user_name: 'u', policy_name: 'AliyunSTSAssumeRoleAccess', policy_type: 'System' },
            },
          },
        },
      }),
    );
    const user = graph.user(`acs:ram::${B}:user/u`)!;
    expect(graph.identityPoliciesOf(user)).toHaveLength(1);
    expect(graph.assumersOf(graph.role(ROLE)!).find((r) => r.principal === user.arn)?.decision).toBe('Allow');
  });
});

describe('permissions in words', () => {
  test('a NotAction statement: everything except its actions', () => {
    const graph = ownerGraph(doc(allowB), {
      alicloud_ram_policy: {
        p: {
          policy_name: 'p',
          policy_document: doc({ NotAction: ['ram:*', 'sts:*'], Effect: 'Allow', Resource: '*' }),
        },
      },
      alicloud_ram_role_policy_attachment: { a: { role_name: 'x', policy_name: 'p', policy_type: 'Custom' } },
    });
    // The excluded action is described as an action is: the words never read "every everything except ram action".
    expect(graph.permissionsOf(graph.role(ROLE)!).map((p) => [p.resource, p.allowed])).toEqual([
      ['*', ['everything except ram:* (every ram action)', 'everything except sts:* (every sts action)']],
    ]);
  });

  test('more than 16 actions from two policies, the later policy first in order: sorted', () => {
    const actions = Array.from({ length: 20 }, (_, i) => `log:Action${String(i).padStart(2, '0')}`);
    const policy = (name: string, list: string[]) => ({
      policy_name: name,
      policy_document: doc({ Action: list, Effect: 'Allow', Resource: '*' }),
    });
    const graph = ownerGraph(doc(allowB), {
      alicloud_ram_policy: { late: policy('late', actions.slice(10)), early: policy('early', actions.slice(0, 10)) },
      alicloud_ram_role_policy_attachment: {
        a: { role_name: 'x', policy_name: 'late', policy_type: 'Custom' },
        b: { role_name: 'x', policy_name: 'early', policy_type: 'Custom' },
      },
    });
    expect(graph.permissionsOf(graph.role(ROLE)!)[0].allowed).toEqual(actions);
  });
});
