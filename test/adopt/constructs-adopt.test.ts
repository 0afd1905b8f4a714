// `adopt: true` on the constructs: every object the construct would create gets a Terraform import
// block (cdktf importFrom) with the provider's documented import id (docs/adopt.md), and nothing else
// of the synthesized resources changes.
import {
  AssumeRoleUserGrant,
  CrossAccountRole,
  CustomPolicy,
  LogGrant,
  PolicyDocument,
  PolicyStatement,
  ScopedLogPolicy,
} from '../../lib';
import { errorOf, OWNER, PARTNER, synth, StackJson } from '../support/synth';

interface ImportBlock {
  id: string;
  to: string;
  provider?: string;
}

/**
 * The import ids by resource type, sorted; fails unless each block imports into a resource of the
 * stack and no resource is imported twice.
 */
function importsOf(json: StackJson): { [type: string]: string[] } {
  const blocks = ((json as { import?: ImportBlock[] }).import ?? []) as ImportBlock[];
  const byType: { [type: string]: string[] } = {};
  for (const block of blocks) {
    const [type, name] = block.to.split('.');
    if (json.resource?.[type]?.[name] === undefined) throw new Error(`import into ${block.to}, which is no resource`);
    (byType[type] ??= []).push(block.id);
  }
  expect(new Set(blocks.map((b) => b.to)).size).toBe(blocks.length);
  for (const ids of Object.values(byType)) ids.sort();
  return byType;
}

const ROLE_ARN = `acs:ram::${OWNER}:role/Partner-ReadOnly-Access`;

function readEcs(): PolicyDocument {
  return new PolicyDocument([new PolicyStatement({ actions: ['ecs:DescribeInstances'], resources: ['*'] })]);
}

describe('CrossAccountRole adopt', () => {
  const role = (adopt: boolean | undefined) =>
    synth((scope) => {
      const policy = new CustomPolicy(scope, 'read', { policyName: 'read-ecs', document: readEcs(), adopt });
      const r = new CrossAccountRole(scope, 'partner', {
        roleName: 'Partner-ReadOnly-Access',
        ownerAccountId: OWNER,
        trustedAccountIds: [PARTNER],
        systemPolicies: ['AliyunECSReadOnlyAccess'],
        policies: [policy],
        adopt,
      });
      r.attachSystemPolicy('AliyunOSSReadOnlyAccess');
    });

  test('imports the role (its name) and each attachment given in the props (role:<policy>:<type>:<role>)', () => {
    expect(importsOf(role(true))).toEqual({
      alicloud_ram_role: ['Partner-ReadOnly-Access'],
      alicloud_ram_policy: ['read-ecs'],
      alicloud_ram_role_policy_attachment: [
        'role:AliyunECSReadOnlyAccess:System:Partner-ReadOnly-Access',
        'role:read-ecs:Custom:Partner-ReadOnly-Access',
      ],
    });
  });

  test('an attachment added later with attachPolicy is created, not imported', () => {
    const json = role(true);
    expect(Object.keys(json.resource?.alicloud_ram_role_policy_attachment ?? {})).toHaveLength(3);
    expect(importsOf(json).alicloud_ram_role_policy_attachment).toHaveLength(2);
  });

  test('without adopt there is no import block, and adopt changes no resource', () => {
    const created = role(undefined);
    const adopted = role(true);
    expect(importsOf(created)).toEqual({});
    expect(adopted.resource).toEqual(created.resource);
  });
});

describe('ScopedLogPolicy adopt', () => {
  test('imports the custom policy by name', () => {
    const json = synth(
      (scope) =>
        new ScopedLogPolicy(scope, 'logs', {
          policyName: 'partner-logs',
          projectOwnerAccountId: OWNER,
          grants: [LogGrant.read('app-logs', 'access')],
          adopt: true,
        }),
    );
    expect(importsOf(json)).toEqual({ alicloud_ram_policy: ['partner-logs'] });
  });
});

describe('AssumeRoleUserGrant adopt', () => {
  test('with a group: policy, users (by user id), group, memberships and the group attachment', () => {
    const json = synth(
      (scope) =>
        new AssumeRoleUserGrant(scope, 'bob', {
          roleArn: ROLE_ARN,
          users: [{ userName: 'Bob', userId: '2301234567890123' }, { userName: 'carol' }],
          userNames: ['dave'],
          groupName: 'partner-ops',
          roleManagedElsewhere: true,
          adopt: true,
        }),
    );
    const policy = `AssumeRole-${OWNER}-Partner-ReadOnly-Access`;
    expect(importsOf(json)).toEqual({
      alicloud_ram_policy: [policy],
      alicloud_ram_user: ['2301234567890123', 'carol'],
      alicloud_ram_group: ['partner-ops'],
      alicloud_ram_user_group_attachment: ['partner-ops:Bob', 'partner-ops:carol', 'partner-ops:dave'],
      alicloud_ram_group_policy_attachment: [`group:${policy}:Custom:partner-ops`],
    });
  });

  test('without a group: one user attachment each (user:<policy>:Custom:<user>)', () => {
    const json = synth(
      (scope) =>
        new AssumeRoleUserGrant(scope, 'bob', {
          roleArn: ROLE_ARN,
          policyName: 'bob-assume',
          users: [{ userName: 'Bob', userId: '2301234567890123' }],
          roleManagedElsewhere: true,
          adopt: true,
        }),
    );
    expect(importsOf(json)).toEqual({
      alicloud_ram_policy: ['bob-assume'],
      alicloud_ram_user: ['2301234567890123'],
      alicloud_ram_user_policy_attachment: ['user:bob-assume:Custom:Bob'],
    });
  });

  const grantError = (userId: string, adopt?: boolean) =>
    errorOf(() =>
      synth(
        (scope) =>
          new AssumeRoleUserGrant(scope, 'bob', {
            roleArn: ROLE_ARN,
            users: [{ userName: 'Bob', userId }],
            roleManagedElsewhere: true,
            adopt,
          }),
      ),
    );

  test('a userId without adopt is refused, with the rule', () => {
    expect(grantError('2301234567890123')).toBe(
      'stack/bob: userId "2301234567890123" of user "Bob" is given but adopt is not true (the id is the import id of ' +
        'an existing user; a user that is created gets its id from RAM)',
    );
  });

  test('a userId that is not digits is refused', () => {
    expect(grantError('Bob', true)).toBe(
      'stack/bob: userId "Bob" of user "Bob" is not a RAM user id (digits, as GetUser\'s UserId)',
    );
  });
});
