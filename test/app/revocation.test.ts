import { Testing } from 'cdktf';
import { AccountStack, CrossAccountRole, LogGrant, ScopedLogPolicy } from '../../lib';
import { OTHER, OWNER, PARTNER } from '../support/synth';
import { differences } from '../support/json-diff';

/** The owner stack of the flagship, trusting the given accounts. */
function ownerStack(trusted: string[]): unknown {
  const stack = new AccountStack(Testing.app(), 'owner', { accountId: OWNER, region: 'cn-hangzhou' });
  const policy = new ScopedLogPolicy(stack, 'partner-log-policy', {
    policyName: 'partner-log-write-consume',
    projectOwnerAccountId: OWNER,
    grants: [LogGrant.write('shared-app-logs', 'app-events'), LogGrant.consume('shared-app-logs', 'app-events', 'cg')],
  });
  new CrossAccountRole(stack, 'partner-log-writer', {
    roleName: 'partner-log-writer',
    ownerAccountId: OWNER,
    trustedAccountIds: trusted,
    policies: [policy],
    systemPolicies: ['AliyunLogReadOnlyAccess'],
  });
  return JSON.parse(Testing.synth(stack));
}

describe('revoking a partner', () => {
  test('removing a trusted account changes only the trust policy document of the role', () => {
    const before = ownerStack([PARTNER, OTHER]);
    const after = ownerStack([PARTNER]);
    expect(differences(before, after)).toEqual([
      'resource.alicloud_ram_role.partner-log-writer_role.assume_role_policy_document',
    ]);
  });
});
