import { App, TerraformVariable } from 'cdktf';
import { alicloud, AssumeRoleUserGrant, CrossAccountRole, FindingId, Findings } from '../../lib';
import { ownerStack, partnerStack, partnerTrust } from '../shared/account-stacks';
import { CrossAccountEnvironment } from '../shared/environment';

/** Names shared by both stacks of scenario 3. */
export const ECS_OPS_DELEGATION = {
  roleName: 'ecs-admin',
  systemPolicy: 'AliyunECSFullAccess',
  employee: 'Alice',
  passwordVariable: 'alice_initial_password',
};

/**
 * Scenario 3 (ECS operations delegated to a partner): account A's role `ecs-admin` with
 * `AliyunECSFullAccess`, trusted by account B only with MFA; B's employee Alice signs in to the console
 * (a login profile whose first password comes from a sensitive variable and must be changed at first
 * sign-in, with MFA binding required) and switches to the role.
 */
export function buildEcsOpsDelegationApp(app: App, env: CrossAccountEnvironment): void {
  const names = ECS_OPS_DELEGATION;
  const owner = ownerStack(app, env);
  const role = new CrossAccountRole(owner, 'ecs-admin', {
    roleName: names.roleName,
    ownerAccountId: env.ownerAccountId,
    ...partnerTrust(env),
    description: `Account ${env.partnerAccountId} operates the ECS instances of this account`,
    systemPolicies: [names.systemPolicy],
    requireMfa: true,
    maxSessionDuration: 3600,
  });
  Findings.acknowledge(
    role,
    FindingId.BROAD_SYSTEM_POLICY,
    'the O&M contract delegates all ECS operations to the partner',
    { content: names.systemPolicy },
  );

  const partner = partnerStack(app, env);
  const grant = new AssumeRoleUserGrant(partner, 'ecs-operators', {
    roleArn: CrossAccountRole.arnOf(env.ownerAccountId, names.roleName),
    users: [{ userName: names.employee, displayName: 'Alice (operates company A ECS)' }],
    requireMfa: true,
  });
  // The first password is never in code: it comes from a sensitive variable (TF_VAR_alice_initial_password)
  // and must be changed at the first sign-in. The provider does not mark `password` sensitive, so the
  // variable does; nothing outputs it.
  const password = new TerraformVariable(partner, names.passwordVariable, {
    type: 'string',
    sensitive: true,
    description: `First console password of ${names.employee}; changed at the first sign-in`,
  });
  new alicloud.ramLoginProfile.RamLoginProfile(partner, 'alice-console-login', {
    userName: grant.createdUsers[0].name,
    password: password.stringValue,
    passwordResetRequired: true,
    mfaBindRequired: true,
  });
}
