import { TerraformStack, TerraformVariable } from 'cdktf';
import { AssumeRoleUserGrant, AssumeRoleUserGrantProps } from '../../lib';
import { errorOf, newApp, onlyResource, OWNER, parsed, pretty, resourcesOf, synth, synthStack } from '../support/synth';

const ROLE_ARN = `acs:ram::${OWNER}:role/partner-log-writer`;

function grant(props: Partial<AssumeRoleUserGrantProps>) {
  return synth((scope) => new AssumeRoleUserGrant(scope, 'grant', { roleArn: ROLE_ARN, ...props }));
}

describe('AssumeRoleUserGrant', () => {
  test('the policy allows sts:AssumeRole on exactly the role and nothing else', () => {
    const json = grant({ userNames: ['b1'] });
    const policy = onlyResource(json, 'alicloud_ram_policy');
    expect(policy.policy_name).toBe(`AssumeRole-${OWNER}-partner-log-writer`);
    expect(parsed(policy.policy_document)).toEqual({
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: ROLE_ARN }],
      Version: '1',
    });
    expect(pretty(policy.policy_document)).toMatchSnapshot();
  });

  test('existing users get the policy attached one by one', () => {
    const json = grant({ userNames: ['alice', 'bob'] });
    const attachments = Object.values(resourcesOf(json, 'alicloud_ram_user_policy_attachment'));
    expect(attachments.map((a) => a.user_name).sort()).toEqual(['alice', 'bob']);
    expect(attachments.every((a) => a.policy_type === 'Custom')).toBe(true);
    expect(resourcesOf(json, 'alicloud_ram_user')).toEqual({});
  });

  test('created users join the created group, which holds the grant', () => {
    const json = grant({
      users: [{ userName: 'b1', displayName: 'B1' }],
      userNames: ['existing'],
      groupName: 'owner-log-writers',
    });
    expect(onlyResource(json, 'alicloud_ram_user')).toMatchObject({ name: 'b1', display_name: 'B1' });
    expect(onlyResource(json, 'alicloud_ram_group')).toMatchObject({ group_name: 'owner-log-writers', force: true });
    const members = Object.values(resourcesOf(json, 'alicloud_ram_user_group_attachment')).map((m) => m.user_name);
    expect(members).toEqual(
      expect.arrayContaining(['existing', expect.stringMatching(/^\$\{alicloud_ram_user\..*\.name\}$/)]),
    );
    expect(members).toHaveLength(2);
    expect(onlyResource(json, 'alicloud_ram_group_policy_attachment')).toMatchObject({ policy_type: 'Custom' });
    expect(resourcesOf(json, 'alicloud_ram_user_policy_attachment')).toEqual({});
    expect(resourcesOf(json, 'alicloud_ram_group_membership')).toEqual({});
  });

  test('no password, login profile or AccessKey is ever created', () => {
    const json = grant({ users: [{ userName: 'b1' }, { userName: 'b2' }], groupName: 'g' });
    const types = Object.keys(json.resource ?? {});
    expect(types.filter((t) => /login_profile|access_key/.test(t))).toEqual([]);
    expect(JSON.stringify(json)).not.toMatch(/password|secret/i);
  });

  test('MFA and source IP conditions guard the AssumeRole statement', () => {
    const json = grant({ userNames: ['b1'], requireMfa: true, allowedSourceIps: ['198.51.100.7'] });
    expect(parsed(onlyResource(json, 'alicloud_ram_policy').policy_document)).toEqual({
      Statement: [
        {
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'acs:MFAPresent': 'true' }, IpAddress: { 'acs:SourceIp': '198.51.100.7' } },
          Effect: 'Allow',
          Resource: ROLE_ARN,
        },
      ],
      Version: '1',
    });
  });

  test('a "." in the role name becomes "-" in the default policy name', () => {
    const json = synth(
      (scope) => new AssumeRoleUserGrant(scope, 'g', { roleArn: `acs:ram::${OWNER}:role/ops.admin`, userNames: ['a'] }),
    );
    expect(onlyResource(json, 'alicloud_ram_policy').policy_name).toBe(`AssumeRole-${OWNER}-ops-admin`);
  });

  test('a role ARN from a Terraform variable works with an explicit policy name', () => {
    const stack = new TerraformStack(newApp(), 's');
    const arn = new TerraformVariable(stack, 'role_arn', { type: 'string' });
    new AssumeRoleUserGrant(stack, 'g', {
      roleArn: arn.stringValue,
      userNames: ['a'],
      policyName: 'assume-partner-role',
    });
    const policy = onlyResource(synthStack(stack), 'alicloud_ram_policy');
    expect(policy.policy_document).toContain('${var.role_arn}');
  });

  test('exposes the users and the group it reaches', () => {
    const stack = new TerraformStack(newApp(), 's');
    const g = new AssumeRoleUserGrant(stack, 'g', {
      roleArn: ROLE_ARN,
      userNames: ['a'],
      users: [{ userName: 'b' }],
      groupName: 'grp',
    });
    expect(g.userNames).toEqual(['a', 'b']);
    expect(g.groupName).toBe('grp');
    expect(g.createdUsers).toHaveLength(1);
    expect(g.policy.policyName).toBe(`AssumeRole-${OWNER}-partner-log-writer`);
  });
});

describe('AssumeRoleUserGrant rejects bad input', () => {
  const problem = (props: Partial<AssumeRoleUserGrantProps>) => errorOf(() => grant(props));

  test('role ARN form', () => {
    expect(problem({ roleArn: 'acs:ram::12:role/x', userNames: ['a'] })).toBe(
      'stack/grant: roleArn "acs:ram::12:role/x" is not a RAM role ARN (acs:ram::<16-digit account id>:role/<name>)',
    );
    expect(problem({ roleArn: `acs:ram::${OWNER}:role/*`, userNames: ['a'] })).toContain('is not a RAM role ARN');
    expect(problem({ roleArn: '*', userNames: ['a'] })).toContain('roleArn "*" is not a RAM role ARN');
  });

  test('someone to grant', () => {
    expect(problem({})).toBe('stack/grant: no one to grant (give userNames, users or groupName)');
  });

  test('user names, duplicates and comments', () => {
    expect(problem({ userNames: ['b 1'] })).toBe(
      'stack/grant: user name #1 "b 1" is not a valid RAM user name (1-64 characters: letters, digits, ".", "_" and "-")',
    );
    expect(problem({ userNames: ['b1'], users: [{ userName: 'b1' }] })).toBe(
      'stack/grant: user "b1" is given more than once',
    );
    expect(problem({ users: [{ userName: 'b1', comments: 'c'.repeat(129) }] })).toContain(
      'comments of user "b1" "cccc',
    );
  });

  test('group and policy names', () => {
    expect(problem({ groupName: 'log_writers' })).toBe(
      'stack/grant: groupName "log_writers" is not a valid RAM group name (1-64 characters: letters, digits and "-")',
    );
    expect(problem({ userNames: ['a'], policyName: 'assume.role' })).toBe(
      'stack/grant: policyName "assume.role" is not a valid RAM policy name (1-128 characters: letters, digits and "-")',
    );
  });

  test('a Terraform-expression role ARN needs a policy name', () => {
    expect(problem({ roleArn: '${var.role_arn}', userNames: ['a'] })).toBe(
      'stack/grant: policyName is required when roleArn is a Terraform expression (the default name is derived from the ARN)',
    );
  });

  test('source IPs', () => {
    expect(problem({ userNames: ['a'], allowedSourceIps: ['office'] })).toBe(
      'stack/grant: allowedSourceIps[0] "office" is not an IP address or CIDR block',
    );
  });
});
