import { App, TerraformStack } from 'cdktf';
import { AccountStack, alicloud, AssumeRoleUserGrant, CrossAccountRole, LogGrant } from '../../lib';
import { PartnerLogAccess } from './partner-log-access';

/** The owner's Log Service and the three partners with their different scopes. */
export const MULTI_PARTNER = {
  project: 'platform-logs',
  logstores: ['orders', 'audit'],
  partners: [
    {
      name: 'b',
      user: 'b-writer',
      sourceIps: ['203.0.113.0/24'],
      grants: (): LogGrant[] => [LogGrant.write('platform-logs', 'orders')],
    },
    {
      name: 'c',
      user: 'c-consumer',
      sourceIps: ['198.51.100.0/24'],
      grants: (): LogGrant[] => [LogGrant.consume('platform-logs', 'orders', 'c-analytics')],
    },
    {
      name: 'd',
      user: 'd-auditor',
      sourceIps: ['192.0.2.0/24'],
      grants: (): LogGrant[] => [LogGrant.read('platform-logs', 'audit')],
    },
  ],
};

/** Accounts and region of the multi-partner app. */
export interface MultiPartnerEnvironment {
  readonly ownerAccountId: string;
  readonly partnerAccountIds: string[];
  readonly region: string;
}

/**
 * One owner account granting three partner accounts different Log Service scopes: one role per
 * partner, composed into a single owner stack (one owner pipeline), and one stack per partner.
 */
export function buildMultiPartnerApp(
  app: App,
  env: MultiPartnerEnvironment,
): { owner: TerraformStack; partners: TerraformStack[] } {
  const owner = new AccountStack(app, 'owner', { accountId: env.ownerAccountId, region: env.region });
  const project = new alicloud.logProject.LogProject(owner, 'log-project', {
    projectName: MULTI_PARTNER.project,
    description: 'Logs shared with partners',
  });
  for (const logstore of MULTI_PARTNER.logstores) {
    new alicloud.logStore.LogStore(owner, `logstore-${logstore}`, {
      projectName: project.projectName,
      logstoreName: logstore,
      retentionPeriod: 30,
    });
  }
  const partners = MULTI_PARTNER.partners.map((partner, i) => {
    const accountId = env.partnerAccountIds[i];
    new PartnerLogAccess(owner, `partner-${partner.name}`, {
      partnerName: partner.name,
      partnerAccountId: accountId,
      ownerAccountId: env.ownerAccountId,
      region: env.region,
      grants: partner.grants(),
      sourceIps: partner.sourceIps,
    });
    const stack = new AccountStack(app, `partner-${partner.name}`, { accountId, region: env.region });
    new AssumeRoleUserGrant(stack, 'grant', {
      roleArn: CrossAccountRole.arnOf(env.ownerAccountId, `partner-${partner.name}-logs`),
      users: [{ userName: partner.user }],
      allowedSourceIps: partner.sourceIps,
    });
    return stack;
  });
  return { owner, partners };
}
