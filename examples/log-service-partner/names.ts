/** Names of the Log Service resources of account A and of the grant, shared by both stacks. */
export const LOG_SERVICE_PARTNER = {
  project: 'shared-app-logs',
  logstore: 'app-events',
  consumerGroup: 'partner-b-consumer',
  roleName: 'partner-log-writer',
  policyName: 'partner-log-write-consume',
  partnerUser: 'b1',
  partnerGroup: 'owner-log-writers',
};
