import { App } from 'cdktf';
import { readAccountIds, readEnvironment } from '../shared/environment';
import { buildMultiPartnerApp } from './stacks';

const env = readEnvironment();
const app = new App();
buildMultiPartnerApp(app, {
  ownerAccountId: env.ownerAccountId,
  region: env.region,
  partnerAccountIds: readAccountIds(process.env, 'PARTNER_ACCOUNT_IDS', [
    '2000000000000002',
    '3000000000000003',
    '4000000000000004',
  ]),
});
app.synth();
