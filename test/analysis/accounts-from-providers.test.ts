import { AccessGraph, AccessReport, Decision, GraphRole } from '../../lib/analysis';
import { guardRead, handWrittenOut, Json, policyText, trustStatement } from '../support/hand-written';
import { OTHER, OWNER, PARTNER } from '../support/ids';
import { fixtureOut } from './support/fixtures';

// Accounts belong to providers, not stacks (issue 10, class 9; /work/briefs/guard-contract.md):
// a resource's account is that of the provider its `provider` attribute names.

const MFA = { Bool: { 'acs:MFAPresent': 'true' } };
const THIRD = '3333444455556666';

/** A grant of sts:AssumeRole on the owner's role `r` to user `name`, through provider `provider`. */
function grantResources(name: string, provider: string): { [type: string]: Json } {
  const grant = { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `acs:ram:*:${OWNER}:role/r`, Condition: MFA };
  return {
    alicloud_ram_user: { [name]: { provider, name } },
    alicloud_ram_policy: {
      [`${name}-grant`]: { provider, policy_name: 'assume-r', policy_document: policyText(grant) },
    },
    alicloud_ram_user_policy_attachment: {
      [`${name}-attach`]: { provider, user_name: name, policy_name: 'assume-r', policy_type: 'Custom' },
    },
  };
}

/** Merges resource maps type by type. */
function merge(...maps: { [type: string]: Json }[]): { [type: string]: Json } {
  const out: { [type: string]: Json } = {};
  for (const map of maps) for (const [type, byName] of Object.entries(map)) out[type] = { ...out[type], ...byName };
  return out;
}

/**
 * One stack, as a platform team writes it: the owner's default provider with a guard, partner B through
 * an aliased provider whose assume_role ARN fixes the account, partner C through an aliased provider with
 * its own guard, a third account through the "provider configuration" guard layer (guard-contract §2).
 */
function composed(extra: Json = {}): Json {
  return {
    provider: {
      alicloud: [
        { region: 'cn-hangzhou' },
        { alias: 'b', region: 'cn-hangzhou', assume_role: [{ role_arn: `acs:ram::${PARTNER}:role/terraform` }] },
        { alias: 'c', region: 'cn-hangzhou' },
        { alias: 'third_read', region: 'cn-hangzhou', profile: 'third' },
        {
          alias: 'third',
          profile: 'third',
          region: '${data.alicloud_caller_identity.third.account_id == "" ? "cn-hangzhou" : "cn-hangzhou"}',
        },
      ],
    },
    data: {
      alicloud_caller_identity: {
        owner: guardRead(OWNER),
        c: guardRead(OTHER, 'alicloud.c'),
        third: guardRead(THIRD, 'alicloud.third_read'),
      },
    },
    resource: merge(
      {
        alicloud_ram_role: {
          r: {
            role_name: 'r',
            assume_role_policy_document: policyText(
              trustStatement([`acs:ram::${PARTNER}:root`, `acs:ram::${OTHER}:root`, `acs:ram::${THIRD}:root`], MFA),
            ),
          },
        },
      },
      grantResources('b1', 'alicloud.b'),
      grantResources('c1', 'alicloud.c'),
      grantResources('t1', 'alicloud.third'),
    ),
    ...extra,
  };
}

describe('accounts from providers in one hand-written stack', () => {
  // In beforeEach, so that Stryker counts it as each test's coverage (see report-and-diff.test.ts).
  let graph: AccessGraph;
  let role: GraphRole;
  beforeEach(() => {
    graph = AccessGraph.fromSynthOutput(handWrittenOut({ platform: composed() }));
    role = graph.roles[0];
  });

  test('the stack manages every provider account; the default provider is the owner', () => {
    expect(graph.stacks).toEqual([
      expect.objectContaining({ name: 'platform', accountId: OWNER, accounts: [THIRD, OWNER, PARTNER, OTHER].sort() }),
    ]);
  });

  test('roles and users are attributed to their provider accounts, none unknown', () => {
    expect(graph.roles.map((r) => r.arn)).toEqual([`acs:ram::${OWNER}:role/r`]);
    expect(graph.users.map((u) => u.arn).sort()).toEqual(
      [`acs:ram::${PARTNER}:user/b1`, `acs:ram::${OTHER}:user/c1`, `acs:ram::${THIRD}:user/t1`].sort(),
    );
  });

  test('users the output creates are answered from their grants, never as "account not in this output"', () => {
    const rows = graph.assumersOf(role);
    expect(rows.filter((r) => r.kind === 'external-account')).toEqual([]);
    expect(rows.filter((r) => r.kind === 'user').map((r) => [r.principal, r.decision])).toEqual(
      expect.arrayContaining([
        [`acs:ram::${PARTNER}:user/b1`, Decision.ALLOW],
        [`acs:ram::${OTHER}:user/c1`, Decision.ALLOW],
        [`acs:ram::${THIRD}:user/t1`, Decision.ALLOW],
      ]),
    );
    expect(rows.filter((r) => r.kind === 'ungranted-user')).toHaveLength(3);
  });

  test('the hand-written form: one provider object instead of a list', () => {
    const single = AccessGraph.fromSynthOutput(
      handWrittenOut({
        a: {
          provider: { alicloud: { region: 'cn-hangzhou', account_id: OWNER } },
          resource: { alicloud_ram_user: { u: { name: 'u' } } },
        },
      }),
    );
    expect(single.users.map((u) => u.arn)).toEqual([`acs:ram::${OWNER}:user/u`]);
  });

  test('a postcondition that is not exactly the guard form does not vouch for an account', () => {
    const loose = {
      lifecycle: { postcondition: [{ condition: `\${self.account_id == "${OWNER}" || true}`, error_message: 'x' }] },
    };
    const out = AccessGraph.fromSynthOutput(
      handWrittenOut({
        a: { data: { alicloud_caller_identity: { g: loose } }, resource: { alicloud_ram_user: { u: { name: 'u' } } } },
      }),
    );
    expect(out.stacks[0].accounts).toEqual([]);
    expect(out.users[0].arn).toBe('acs:ram::<unknown account>:user/u');
  });

  test('sources that disagree on a provider account are an error, not a silent pick', () => {
    const stack = composed();
    (stack.data as { alicloud_caller_identity: Json }).alicloud_caller_identity.b = guardRead(OTHER, 'alicloud.b');
    const dir = handWrittenOut({ platform: stack });
    expect(() => AccessGraph.fromSynthOutput(dir)).toThrow(
      `${dir}/stacks/platform/cdk.tf.json: provider.alicloud (alias b): ` +
        `assume_role role_arn "acs:ram::${PARTNER}:role/terraform" says account ${PARTNER}, ` +
        `account guard data.alicloud_caller_identity.b says account ${OTHER}; they must agree`,
    );
  });
});

describe('a composed stack synthesized with our constructs', () => {
  // Two providers (owner, partner) with an AccountGuard each, a CrossAccountRole, an AssumeRoleUserGrant and a
  // CustomPolicy attached to an existing user, in one TerraformStack: fixture composed-stack
  // (support/fixture-apps.ts).
  let graph: AccessGraph;
  beforeEach(() => {
    graph = AccessGraph.fromSynthOutput(fixtureOut('composed-stack'));
  });

  test('each resource has its provider account', () => {
    expect(graph.stacks.map((s) => s.accounts)).toEqual([[OWNER, PARTNER]]);
    expect(graph.roles.map((r) => r.arn)).toEqual([`acs:ram::${OWNER}:role/r`]);
    expect(graph.users.map((u) => [u.arn, u.createdHere])).toEqual([
      [`acs:ram::${PARTNER}:user/b1`, true],
      [`acs:ram::${PARTNER}:user/b2`, false],
    ]);
  });

  test('both partner users are judged by their own grants in the partner account', () => {
    const rows = graph.assumersOf(graph.roles[0]).filter((r) => r.kind === 'user');
    expect(rows.map((r) => [r.principal, r.decision])).toEqual([
      [`acs:ram::${PARTNER}:user/b1`, Decision.ALLOW],
      [`acs:ram::${PARTNER}:user/b2`, Decision.ALLOW],
    ]);
    expect(graph.assumersOf(graph.roles[0]).some((r) => r.kind === 'external-account')).toBe(false);
  });

  test('the report names both accounts of the stack, and the diagram puts the stack in both', () => {
    const markdown = AccessReport.fromGraph(graph).toMarkdown();
    expect(markdown).toContain(`Stacks: \`platform\` (account ${OWNER}, ${PARTNER}).`);
    expect(markdown).toContain(`account ${OWNER} (platform)`);
    expect(markdown).toContain(`account ${PARTNER} (platform)`);
  });
});
