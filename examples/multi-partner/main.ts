import { readAccountIds, readEnvironment } from '../shared/environment';
import { synthApp } from '../shared/synth-app';
import { buildMultiPartnerApp } from './stacks';

synthApp((app) => {
  const env = readEnvironment();
  buildMultiPartnerApp(app, {
    ownerAccountId: env.ownerAccountId,
    region: env.region,
    partnerAccountIds: readAccountIds(process.env, 'PARTNER_ACCOUNT_IDS', [
      '2000000000000002',
      '3000000000000003',
      '4000000000000004',
    ]),
  });
});
