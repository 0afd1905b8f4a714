/**
 * The names of the flagship app (LOG_SERVICE_PARTNER of examples/log-service-partner/stacks.ts), for the
 * tests that read its committed fixture without loading cdktf. fixtures-current.test.ts checks that
 * this copy is the example's table.
 */
export const FLAGSHIP_NAMES = {
  project: 'shared-app-logs',
  logstore: 'app-events',
  consumerGroup: 'partner-b-consumer',
  roleName: 'partner-log-writer',
  policyName: 'partner-log-write-consume',
  partnerUser: 'b1',
  partnerGroup: 'owner-log-writers',
};
