import { App } from 'cdktf';
import { UCloudAccountStack, UCloudStsUserGrant } from '../../lib';
import { UCloudEnvironment } from './environment';

/** Names of scenario 0, shared by the app, its README and its test. */
export const UCLOUD_CROSS_ACCOUNT = {
  roleName: 'cross-account-api',
  subUser: 'api-operator',
};

/**
 * Scenario 0 (UCloud cross-account API access): account B's sub-user `api-operator`, for API use
 * only, with `STSCreateOnlyAccess`, as code; account A's role `cross-account-api` trusting
 * `ucs:iam::<B>:root`, produced as steps (the UCloud provider has no role resource).
 */
export function buildUCloudCrossAccountApp(app: App, env: UCloudEnvironment): void {
  const accessor = new UCloudAccountStack(app, 'accessor', {
    companyId: env.accessorCompanyId,
    region: env.region,
    projectId: env.projectId,
    profile: env.accessorProfile,
  });
  new UCloudStsUserGrant(accessor, 'api-access', {
    grantorCompanyId: env.grantorCompanyId,
    roleName: UCLOUD_CROSS_ACCOUNT.roleName,
    users: [{ userName: UCLOUD_CROSS_ACCOUNT.subUser, displayName: 'API access to account A' }],
  });
}
