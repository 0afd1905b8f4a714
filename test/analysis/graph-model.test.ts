import { AccessGraph, GraphPolicy } from '../../lib/analysis';
import { doc, writeOut } from './support/hand-written';
import { handWrittenOut } from '../support/hand-written';

// What AccessGraph reads from each resource type of the output (graph-builder.ts), field by field:
// names (given, referenced, or the resource's own), paths, accounts, memberships in both forms,
// attachments of defined, undefined, known and unknown policies, and console logins.
const A = '1000000000000001';
const B = '2000000000000002';
const trust = doc({ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${B}:root`] } });
const logs = doc({ Action: 'log:GetLogStore', Effect: 'Allow', Resource: '*' });

// Built in beforeEach, for each test: Stryker counts code run at load or in beforeAll as covered by no test
// (it would run none of these tests for its mutants), and Jest loads every test file for each mutant.
let graph: AccessGraph;
beforeEach(() => {
  graph = AccessGraph.fromSynthOutput(
    writeOut({
      owner: {
        account: A,
        resources: {
          alicloud_ram_role: {
            ops: {
              role_name: 'ops',
              assume_role_policy_document: trust,
              '//': { metadata: { path: 'owner/ops-role' } },
            },
            unnamed: { assume_role_policy_document: trust },
          },
          alicloud_ram_policy: { p: { policy_name: 'logs', policy_document: logs }, q: { policy_document: logs } },
          alicloud_ram_role_policy_attachment: {
            custom: { role_name: '${alicloud_ram_role.ops.role_name}', policy_name: 'logs', policy_type: 'Custom' },
            untyped: { role_name: 'ops', policy_name: 'q' },
            missing: { role_name: 'ops', policy_name: 'elsewhere', policy_type: 'Custom' },
            known: { role_name: 'ops', policy_name: 'AliyunLogReadOnlyAccess', policy_type: 'System' },
            unknown: { role_name: 'ops', policy_name: 'AliyunSomethingNew', policy_type: 'System' },
            nameless: { role_name: 'unnamed' },
            nobody: { role_name: 'no-such-role', policy_name: 'logs', policy_type: 'Custom' },
          },
        },
      },
      partner: {
        account: B,
        resources: {
          alicloud_ram_user: { u1: { name: 'alice' }, u2: {} },
          alicloud_ram_group: { g: { group_name: 'devs' }, h: {} },
          alicloud_ram_group_membership: {
            m: { group_name: 'devs', user_names: ['${alicloud_ram_user.u1.name}', 'bob'] },
          },
          alicloud_ram_user_group_attachment: {
            a: { group_name: 'h', user_name: 'alice' },
            again: { group_name: 'devs', user_name: 'alice' },
            half: { group_name: 'devs' },
          },
          alicloud_ram_user_policy_attachment: {
            a: { user_name: 'carol', policy_name: 'AliyunSTSAssumeRoleAccess', policy_type: 'System' },
            none: { policy_name: 'AliyunSTSAssumeRoleAccess', policy_type: 'System' },
          },
          alicloud_ram_group_policy_attachment: {
            a: { group_name: 'ops-team', policy_name: 'AliyunLogFullAccess', policy_type: 'System' },
            none: { policy_name: 'AliyunLogFullAccess', policy_type: 'System' },
          },
          alicloud_ram_login_profile: { l: { user_name: 'alice', password: 'x' }, none: { password: 'x' } },
        },
      },
    }),
  );
});
const policies = (list: GraphPolicy[]) =>
  list.map((p) => [p.policyName, p.policyType, p.origin, p.document !== undefined]);

describe('AccessGraph from each resource type', () => {
  test('stacks, with the account of their provider', () => {
    expect(
      graph.stacks.map((s) => [s.name, s.accountId, s.accounts, s.file.endsWith(`stacks/${s.name}/cdk.tf.json`)]),
    ).toEqual([
      ['owner', A, [A], true],
      ['partner', B, [B], true],
    ]);
  });

  test('roles: name or resource name, ARN, address, path from the metadata or the stack and resource name', () => {
    expect(graph.roles.map((r) => [r.stack, r.accountId, r.roleName, r.arn, r.address, r.path])).toEqual([
      ['owner', A, 'ops', `acs:ram::${A}:role/ops`, 'alicloud_ram_role.ops', 'owner/ops-role'],
      ['owner', A, 'unnamed', `acs:ram::${A}:role/unnamed`, 'alicloud_ram_role.unnamed', 'owner/unnamed'],
    ]);
    expect(graph.roles[0].trustPolicy.statements[0].principals[0].identifier).toBe(`acs:ram::${B}:root`);
  });

  test('role attachments: a custom policy of the output (by name or resource name), one not in it, system ones', () => {
    expect(policies(graph.roles[0].policies)).toEqual([
      ['logs', 'Custom', 'custom policy of stack owner', true],
      ['q', 'Custom', 'custom policy of stack owner', true],
      ['elsewhere', 'Custom', 'custom policy not defined in this output', false],
      ['AliyunLogReadOnlyAccess', 'System', expect.stringMatching(/^system policy, /), true],
      ['AliyunSomethingNew', 'System', 'system policy whose content this tool does not know', false],
    ]);
    expect(policies(graph.roles[1].policies)).toEqual([
      ['alicloud_ram_role_policy_attachment.nameless', 'Custom', 'custom policy not defined in this output', false],
    ]);
  });

  test('users (by ARN): created here or only named, with their groups, policies and console login', () => {
    expect(
      graph.users.map((u) => [
        u.stack,
        u.accountId,
        u.userName,
        u.arn,
        u.createdHere,
        u.path,
        u.groups,
        u.consoleLogin,
      ]),
    ).toEqual([
      ['partner', B, 'alice', `acs:ram::${B}:user/alice`, true, 'partner/u1', ['h', 'devs'], true],
      ['partner', B, 'bob', `acs:ram::${B}:user/bob`, false, 'partner/m', ['devs'], undefined],
      ['partner', B, 'carol', `acs:ram::${B}:user/carol`, false, 'partner/a', [], undefined],
      ['partner', B, 'u2', `acs:ram::${B}:user/u2`, true, 'partner/u2', [], undefined],
    ]);
    expect(policies(graph.users[2].policies)).toEqual([
      ['AliyunSTSAssumeRoleAccess', 'System', expect.stringMatching(/^system policy, /), true],
    ]);
    expect(graph.user(`acs:ram::${B}:user/carol`)).toBe(graph.users[2]);
    expect(graph.user(`acs:ram::${B}:user/dave`)).toBeUndefined();
  });

  test('groups: members from both forms, once each; policies, also of a group only named by an attachment', () => {
    expect(
      graph.groups.map((g) => [g.stack, g.accountId, g.groupName, g.members, g.path, policies(g.policies)]),
    ).toEqual([
      ['partner', B, 'devs', ['alice', 'bob'], 'partner/g', []],
      ['partner', B, 'h', ['alice'], 'partner/h', []],
      [
        'partner',
        B,
        'ops-team',
        [],
        'partner/a',
        [['AliyunLogFullAccess', 'System', expect.stringMatching(/^system policy, /), true]],
      ],
    ]);
  });

  test('a user only named, by a membership and an attachment, is one user, not created here, at the first path', () => {
    const g = AccessGraph.fromSynthOutput(
      writeOut({
        partner: {
          account: B,
          resources: {
            alicloud_ram_group_membership: { m: { group_name: 'devs', user_names: ['zed'] } },
            alicloud_ram_user_policy_attachment: {
              a: { user_name: 'zed', policy_name: 'AliyunSTSAssumeRoleAccess', policy_type: 'System' },
            },
          },
        },
      }),
    );
    expect(g.users.map((u) => [u.userName, u.createdHere, u.path])).toEqual([['zed', false, 'partner/m']]);
  });
});

describe('names are unique per account, not per stack', () => {
  test('one stack, two providers of two accounts, a user "u" in each: two users, each with its own policy', () => {
    const g = AccessGraph.fromSynthOutput(
      handWrittenOut({
        a: {
          provider: {
            alicloud: [
              { account_id: A, region: 'cn-hangzhou' },
              { alias: 'b', account_id: B, region: 'cn-hangzhou' },
            ],
          },
          resource: {
            alicloud_ram_user: { ua: { name: 'u' }, ub: { provider: 'alicloud.b', name: 'u' } },
            alicloud_ram_user_policy_attachment: {
              pb: {
                provider: 'alicloud.b',
                user_name: 'u',
                policy_name: 'AliyunSTSAssumeRoleAccess',
                policy_type: 'System',
              },
            },
          },
        },
      }),
    );
    expect(g.users.map((u) => [u.arn, u.createdHere, u.policies.map((p) => p.policyName)])).toEqual([
      [`acs:ram::${A}:user/u`, true, []],
      [`acs:ram::${B}:user/u`, true, ['AliyunSTSAssumeRoleAccess']],
    ]);
  });
});

describe('users and groups only named by other resources', () => {
  test('a console login of a user the output does not create: a user with a login, not created here', () => {
    const g = AccessGraph.fromSynthOutput(
      writeOut({ partner: { account: B, resources: { alicloud_ram_login_profile: { l: { user_name: 'zed' } } } } }),
    );
    expect(g.users.map((u) => [u.userName, u.createdHere, u.consoleLogin, u.path])).toEqual([
      ['zed', false, true, 'partner/l'],
    ]);
  });

  test('a membership without user_names: nobody joins, so no user and no group', () => {
    const g = AccessGraph.fromSynthOutput(
      writeOut({
        partner: { account: B, resources: { alicloud_ram_group_membership: { m: { group_name: 'devs' } } } },
      }),
    );
    expect(g.users).toEqual([]);
    expect(g.groups.map((x) => [x.groupName, x.members])).toEqual([]);
  });
});
