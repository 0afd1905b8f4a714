import { App, TerraformOutput } from 'cdktf';
import {
  AccountStack,
  AssumeRoleUserGrant,
  CrossAccountRole,
  FindingId,
  Findings,
  LogGrant,
  ScopedLogPolicy,
  alicloud,
} from '../../lib';
import { ownerStack, partnerStack, partnerTrust } from '../shared/account-stacks';
import { CrossAccountEnvironment } from '../shared/environment';
import { LOG_SERVICE_PARTNER } from './names';

// The names live in a module without cdktf, so the analysis tests that read committed fixtures can use them.
export { LOG_SERVICE_PARTNER };

/**
 * Scenario 1 (Log Service across accounts): two stacks, one per account, in one app.
 * - owner (A): the project and logstore, a role trusted by B, and a policy that writes to and
 *   consumes (one consumer group) exactly that logstore;
 * - partner (B): RAM user b1 in a group that may assume exactly that role, and nothing else.
 */
export function buildLogServicePartnerApp(
  app: App,
  env: CrossAccountEnvironment,
): { owner: AccountStack; partner: AccountStack } {
  const names = LOG_SERVICE_PARTNER;
  const owner = ownerStack(app, env);
  const project = new alicloud.logProject.LogProject(owner, 'log-project', {
    projectName: names.project,
    description: 'Application logs shared with partner B',
  });
  new alicloud.logStore.LogStore(owner, 'logstore', {
    projectName: project.projectName,
    logstoreName: names.logstore,
    retentionPeriod: 30,
    shardCount: 2,
  });
  const policy = new ScopedLogPolicy(owner, 'partner-log-policy', {
    policyName: names.policyName,
    projectOwnerAccountId: env.ownerAccountId,
    region: env.region,
    grants: [
      LogGrant.write(names.project, names.logstore),
      LogGrant.consume(names.project, names.logstore, names.consumerGroup),
    ],
  });
  const role = new CrossAccountRole(owner, 'partner-log-writer', {
    roleName: names.roleName,
    ownerAccountId: env.ownerAccountId,
    ...partnerTrust(env),
    description: `Partner ${env.partnerAccountId} writes to and consumes ${names.project}/${names.logstore}`,
    maxSessionDuration: 3600,
    policies: [policy],
  });
  Findings.acknowledge(
    role,
    FindingId.TRUST_NO_CONDITION,
    `account ${env.partnerAccountId} decides which of its users may assume the role; it grants only group ${names.partnerGroup}`,
    { content: `acs:ram::${env.partnerAccountId}:root` },
  );
  new TerraformOutput(owner, 'partner_role_arn', { value: role.roleArn });

  const partner = partnerStack(app, env);
  new AssumeRoleUserGrant(partner, 'log-writer-grant', {
    roleArn: CrossAccountRole.arnOf(env.ownerAccountId, names.roleName),
    users: [{ userName: names.partnerUser, displayName: 'B1 (writes logs to account A)' }],
    groupName: names.partnerGroup,
  });
  return { owner, partner };
}
