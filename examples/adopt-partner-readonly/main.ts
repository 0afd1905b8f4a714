// Written by `cdktf-xaccount adopt recorded` from recorded aliyun CLI outputs. Every object below
// already exists: `adopt: true` (and importFrom) makes the first `terraform plan` import it instead of
// creating it. Review the plan: it must show only imports and in-place updates, never a destroy.
// Before deploying, give each AccountStack its account's `profile` (or `assumeRole`) and the `stateBackend`
// its state goes to (README: "Deploying each account from its own pipeline").
import { App } from 'cdktf';
import { AccountStack, AssumeRoleUserGrant, CrossAccountRole } from '../../lib';

const app = new App();

// Account 1111222233334444 (folder owner).
const stackOwner0 = new AccountStack(app, 'owner', { accountId: '1111222233334444', region: 'cn-hangzhou' });
new CrossAccountRole(stackOwner0, 'role-Partner-ReadOnly-Access', {
  roleName: 'Partner-ReadOnly-Access',
  ownerAccountId: '1111222233334444',
  trustedAccountIds: ['5555666677778888'],
  maxSessionDuration: 3600,
  systemPolicies: ['AliyunECSReadOnlyAccess'],
  adopt: true,
});

// Account 5555666677778888 (folder partner).
const stackPartner1 = new AccountStack(app, 'partner', { accountId: '5555666677778888', region: 'cn-hangzhou' });
new AssumeRoleUserGrant(stackPartner1, 'grant-AssumeRole-1111222233334444-Partner-ReadOnly-Access', {
  roleArn: 'acs:ram::1111222233334444:role/Partner-ReadOnly-Access',
  policyName: 'AssumeRole-1111222233334444-Partner-ReadOnly-Access',
  users: [{ userName: 'Bob', userId: '222233334444000011', displayName: 'Bob' }],
  adopt: true,
});

app.synth();
