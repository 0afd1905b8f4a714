import { App } from 'cdktf';
import { AssumeRoleUserGrant, CrossAccountRole } from '../../lib';
import { ownerStack, partnerStack, partnerTrust } from '../shared/account-stacks';
import { CrossAccountEnvironment } from '../shared/environment';

/** Names shared by both stacks of scenario 2. */
export const FUNCTION_COMPUTE_READONLY = {
  roleName: 'fc-admin',
  systemPolicy: 'AliyunFCReadOnlyAccess',
  partnerUsers: ['fc-viewer-1', 'fc-viewer-2'],
  partnerGroup: 'company-a-fc-viewers',
};

/**
 * Scenario 2 (Function Compute across accounts): account A's role `fc-admin` with
 * `AliyunFCReadOnlyAccess`, trusted by account B; B's RAM users, in one group, may assume exactly it.
 */
export function buildFunctionComputeReadonlyApp(app: App, env: CrossAccountEnvironment): void {
  const names = FUNCTION_COMPUTE_READONLY;
  const owner = ownerStack(app, env);
  new CrossAccountRole(owner, 'fc-admin', {
    roleName: names.roleName,
    ownerAccountId: env.ownerAccountId,
    ...partnerTrust(env),
    description: `Account ${env.partnerAccountId} views Function Compute resources of this account`,
    systemPolicies: [names.systemPolicy],
  });

  const partner = partnerStack(app, env);
  new AssumeRoleUserGrant(partner, 'fc-viewers', {
    roleArn: CrossAccountRole.arnOf(env.ownerAccountId, names.roleName),
    users: names.partnerUsers.map((userName) => ({ userName, comments: 'Views Function Compute of company A' })),
    groupName: names.partnerGroup,
  });
}
