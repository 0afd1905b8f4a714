// The README quickstart, kept identical by test/app/readme.test.ts (only the import path differs).
import { App } from 'cdktf';
import { AccountStack, AssumeRoleUserGrant, CrossAccountRole, LogGrant, ScopedLogPolicy } from '../../lib';

const OWNER = '1111222233334444'; // account A: owns the Log Service project
const PARTNER = '5555666677778888'; // account B: writes and consumes logs
const app = new App();

// Account A: a role trusted by B, allowed to write to and consume exactly one logstore.
const owner = new AccountStack(app, 'owner', { accountId: OWNER, region: 'cn-hangzhou', profile: 'owner' });
const logs = new ScopedLogPolicy(owner, 'partner-log-policy', {
  policyName: 'partner-log-write-consume',
  projectOwnerAccountId: OWNER,
  grants: [
    LogGrant.write('shared-app-logs', 'app-events'),
    LogGrant.consume('shared-app-logs', 'app-events', 'partner-b'),
  ],
});
new CrossAccountRole(owner, 'partner-log-writer', {
  roleName: 'partner-log-writer',
  ownerAccountId: OWNER,
  trustedAccountIds: [PARTNER],
  policies: [logs],
});

// Account B: user b1, in a group that may assume exactly that role and nothing else.
const partner = new AccountStack(app, 'partner', { accountId: PARTNER, region: 'cn-hangzhou', profile: 'partner' });
new AssumeRoleUserGrant(partner, 'log-writer-grant', {
  roleArn: CrossAccountRole.arnOf(OWNER, 'partner-log-writer'),
  users: [{ userName: 'b1' }],
  groupName: 'owner-log-writers',
});

app.synth();
