import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  Condition,
  ConditionKey,
  CrossAccountRole,
  CustomPolicy,
  PolicyDocument,
  PolicyReference,
  PolicyStatement,
  Principal,
} from '../../lib';
import {
  errorOf,
  newApp,
  onlyResource,
  OTHER,
  OWNER,
  PARTNER,
  parsed,
  pretty,
  resourcesOf,
  synth,
  synthStack,
} from '../support/synth';

const ROLE = 'alicloud_ram_role';
const ATTACH = 'alicloud_ram_role_policy_attachment';

describe('CrossAccountRole trust policy', () => {
  test('trusting an account writes exactly the scenario trust policy', () => {
    const json = synth(
      (scope) => new CrossAccountRole(scope, 'role', { roleName: 'partner-log-writer', trustedAccountIds: [PARTNER] }),
    );
    expect(parsed(onlyResource(json, ROLE).assume_role_policy_document)).toEqual({
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${PARTNER}:root`] } }],
      Version: '1',
    });
  });

  test('MFA, source IPs and external ID become conditions of every trust statement', () => {
    const json = synth(
      (scope) =>
        new CrossAccountRole(scope, 'role', {
          roleName: 'ecs-admin',
          trustedAccountIds: [PARTNER],
          trustedPrincipals: [Principal.ramUser(OTHER, 'alice')],
          requireMfa: true,
          allowedSourceIps: ['203.0.113.0/24'],
          externalId: 'partner-b-7f3a',
        }),
    );
    const doc = onlyResource(json, ROLE).assume_role_policy_document;
    expect(parsed(doc)).toEqual({
      Statement: [
        {
          Action: 'sts:AssumeRole',
          Condition: {
            Bool: { 'acs:MFAPresent': 'true' },
            IpAddress: { 'acs:SourceIp': '203.0.113.0/24' },
            StringEquals: { 'sts:ExternalId': 'partner-b-7f3a' },
          },
          Effect: 'Allow',
          Principal: { RAM: [`acs:ram::${PARTNER}:root`, `acs:ram::${OTHER}:user/alice`].sort() },
        },
      ],
      Version: '1',
    });
    expect(pretty(doc)).toMatchSnapshot();
  });

  test('principals with their own conditions get statements of their own', () => {
    const json = synth(
      (scope) =>
        new CrossAccountRole(scope, 'role', {
          roleName: 'shared',
          trustedAccountIds: [PARTNER],
          trustedPrincipals: [
            Principal.ramUser(OTHER, 'auditor').withConditions(Condition.bool(ConditionKey.MFA_PRESENT, true)),
          ],
        }),
    );
    const doc = parsed(onlyResource(json, ROLE).assume_role_policy_document) as { Statement: unknown[] };
    expect(doc.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'acs:MFAPresent': 'true' } },
        Effect: 'Allow',
        Principal: { RAM: [`acs:ram::${OTHER}:user/auditor`] },
      },
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${PARTNER}:root`] } },
    ]);
  });

  test('the order of trusted accounts and principals does not change the output', () => {
    const build = (accounts: string[], principals: Principal[]) =>
      JSON.stringify(
        onlyResource(
          synth(
            (scope) =>
              new CrossAccountRole(scope, 'role', {
                roleName: 'r',
                trustedAccountIds: accounts,
                trustedPrincipals: principals,
              }),
          ),
          ROLE,
        ),
      );
    const bob = Principal.ramUser(PARTNER, 'bob');
    const ci = Principal.ramRole(OTHER, 'ci');
    expect(build([PARTNER, OTHER], [bob, ci])).toBe(build([OTHER, PARTNER, PARTNER], [ci, bob]));
  });

  test('the role is created with force, so deleting it detaches its policies first', () => {
    const json = synth((scope) => new CrossAccountRole(scope, 'role', { roleName: 'r', trustedAccountIds: [PARTNER] }));
    expect(onlyResource(json, ROLE)).toMatchObject({ role_name: 'r', force: true });
  });

  test('description, session duration and tags reach the role', () => {
    const json = synth(
      (scope) =>
        new CrossAccountRole(scope, 'role', {
          roleName: 'r',
          trustedAccountIds: [PARTNER],
          description: 'Partner B reads ECS',
          maxSessionDuration: 7200,
          tags: { team: 'platform' },
        }),
    );
    expect(onlyResource(json, ROLE)).toMatchObject({
      description: 'Partner B reads ECS',
      max_session_duration: 7200,
      tags: { team: 'platform' },
    });
  });
});

describe('CrossAccountRole ARN and policies', () => {
  test('roleArn is a literal when the owner account is known, else a reference', () => {
    const stack = new TerraformStack(newApp(), 's');
    const known = new CrossAccountRole(stack, 'known', {
      roleName: 'r1',
      trustedAccountIds: [PARTNER],
      ownerAccountId: OWNER,
    });
    const unknown = new CrossAccountRole(stack, 'unknown', { roleName: 'r2', trustedAccountIds: [PARTNER] });
    expect(known.roleArn).toBe(`acs:ram::${OWNER}:role/r1`);
    expect(CrossAccountRole.arnOf(OWNER, 'r1')).toBe(known.roleArn);
    expect(unknown.roleArn).toMatch(/^\$\{TfToken\[/);
  });

  test('system and custom policies are attached with stable ids; attaching twice is a no-op', () => {
    const stack = new TerraformStack(newApp(), 's');
    const custom = new CustomPolicy(stack, 'custom', {
      policyName: 'read-one-bucket',
      document: new PolicyDocument([
        new PolicyStatement({ actions: ['oss:GetObject'], resources: ['acs:oss:*:*:bucket/*'] }),
      ]),
    });
    const role = new CrossAccountRole(stack, 'role', {
      roleName: 'r',
      trustedAccountIds: [PARTNER],
      systemPolicies: ['AliyunECSReadOnlyAccess'],
      policies: [custom, PolicyReference.custom('existing-policy')],
    });
    role.attachSystemPolicy('AliyunECSReadOnlyAccess');
    role.attachPolicy(custom);
    const attachments = resourcesOf(synthStack(stack), ATTACH);
    expect(Object.keys(attachments).sort()).toEqual(
      ['role_custom-existing-policy', 'role_custom-read-one-bucket', 'role_system-AliyunECSReadOnlyAccess'].map((k) =>
        expect.stringContaining(k),
      ),
    );
    const byName = Object.values(attachments).map((a) => [a.policy_name, a.policy_type]);
    expect(byName).toEqual(
      expect.arrayContaining([
        ['AliyunECSReadOnlyAccess', 'System'],
        ['read-one-bucket', 'Custom'],
        ['existing-policy', 'Custom'],
      ]),
    );
    const customAttachment = Object.values(attachments).find((a) => a.policy_name === 'read-one-bucket')!;
    expect(customAttachment.depends_on).toEqual([expect.stringMatching(/^alicloud_ram_policy\./)]);
    expect(customAttachment.role_name).toMatch(/^\$\{alicloud_ram_role\..*\.role_name\}$/);
  });

  test('a custom policy of another stack (account) cannot be attached', () => {
    const app = newApp();
    const other = new TerraformStack(app, 'partner');
    const policy = new CustomPolicy(other, 'p', {
      policyName: 'p',
      document: new PolicyDocument([new PolicyStatement({ actions: ['ecs:DescribeInstances'], resources: ['*'] })]),
    });
    const role = new CrossAccountRole(new TerraformStack(app, 'owner'), 'role', {
      roleName: 'r',
      trustedAccountIds: [PARTNER],
    });
    expect(errorOf(() => role.attachPolicy(policy))).toBe(
      'owner/role: policy "p" is created in stack "partner", not in this role\'s stack "owner" (a custom policy can only be attached in its own account)',
    );
  });

  test('more than 20 system policies is refused (RAM limit per role)', () => {
    const names = Array.from({ length: 21 }, (_, i) => `AliyunPolicy${i}`);
    expect(
      errorOf(() =>
        synth(
          (scope) =>
            new CrossAccountRole(scope, 'role', { roleName: 'r', trustedAccountIds: [PARTNER], systemPolicies: names }),
        ),
      ),
    ).toBe(
      'stack/role: policy "AliyunPolicy20" would be system policy number 21 of the role (RAM allows 20 system policies per role)',
    );
  });

  test('more than 10 custom policies is refused (RAM limit per role)', () => {
    const policies = Array.from({ length: 11 }, (_, i) => PolicyReference.custom(`custom-${i}`));
    expect(
      errorOf(() =>
        synth(
          (scope) => new CrossAccountRole(scope, 'role', { roleName: 'r', trustedAccountIds: [PARTNER], policies }),
        ),
      ),
    ).toContain('would be custom policy number 11 of the role (RAM allows 10 custom policies per role)');
  });

  test('a trust statement added after construction is rendered, and checked at synth', () => {
    const stack = new TerraformStack(newApp(), 's');
    const role = new CrossAccountRole(stack, 'role', { roleName: 'r', trustedAccountIds: [PARTNER] });
    role.trustPolicy.addStatements(
      new PolicyStatement({ actions: ['sts:AssumeRole'], principals: [Principal.account(OTHER)] }),
    );
    const doc = parsed(onlyResource(synthStack(stack), ROLE).assume_role_policy_document) as {
      Statement: { Principal: unknown }[];
    };
    expect(doc.Statement[0].Principal).toEqual({ RAM: [`acs:ram::${PARTNER}:root`, `acs:ram::${OTHER}:root`].sort() });
    role.trustPolicy.addStatements(new PolicyStatement({ actions: ['sts:AssumeRole'], resources: ['*'] }));
    expect(errorOf(() => Testing.synth(stack, true))).toContain(
      '[s/role] statement 3 of 3: statement has no principals',
    );
  });

  test('a token for the session duration is left to Terraform', () => {
    const stack = new TerraformStack(newApp(), 's');
    const duration = new TerraformVariable(stack, 'duration', { type: 'number' });
    new CrossAccountRole(stack, 'role', {
      roleName: 'r',
      trustedAccountIds: [PARTNER],
      maxSessionDuration: duration.numberValue,
    });
    expect(onlyResource(synthStack(stack), ROLE).max_session_duration).toBe('${var.duration}');
  });
});
