import { App } from 'cdktf';
import { AssumeRoleUserGrant, CrossAccountRole, FindingId, Findings } from '../../lib';
import { ownerStack, partnerStack, partnerTrust } from '../shared/account-stacks';
import { CrossAccountEnvironment } from '../shared/environment';

/** Names shared by both stacks of scenario 4. */
export const PARTNER_READONLY = {
  roleName: 'Partner-ReadOnly-Access',
  systemPolicy: 'AliyunECSReadOnlyAccess',
  partnerUser: 'Bob',
};

/**
 * Scenario 4 (partner read-only access, and its revocation): account A's role
 * `Partner-ReadOnly-Access` with `AliyunECSReadOnlyAccess`; B's user Bob may assume exactly that role
 * (the least-privilege alternative to `AliyunSTSAssumeRoleAccess`). `PARTNER_ACCESS=revoked` makes the
 * role trust no one (`revoked: true`): an in-place update of that one document.
 */
export function buildPartnerReadonlyApp(app: App, env: CrossAccountEnvironment): void {
  const names = PARTNER_READONLY;
  const owner = ownerStack(app, env);
  const role = new CrossAccountRole(owner, 'partner-readonly', {
    roleName: names.roleName,
    ownerAccountId: env.ownerAccountId,
    ...partnerTrust(env),
    description: `Account ${env.partnerAccountId} reads the ECS inventory of this account`,
    systemPolicies: [names.systemPolicy],
  });
  Findings.acknowledge(
    role,
    FindingId.TRUST_NO_CONDITION,
    'as in the scenario: company B decides which of its users may assume the role',
    { content: `acs:ram::${env.partnerAccountId}:root` },
  );

  const partner = partnerStack(app, env);
  new AssumeRoleUserGrant(partner, 'bob', {
    roleArn: CrossAccountRole.arnOf(env.ownerAccountId, names.roleName),
    users: [{ userName: names.partnerUser }],
  });
}
