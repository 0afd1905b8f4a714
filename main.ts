// The flagship app: scenario 1 (Log Service across accounts) as two stacks, `owner` (account A)
// and `partner` (account B). Configure it with OWNER_ACCOUNT_ID, PARTNER_ACCOUNT_ID,
// ALICLOUD_REGION, OWNER_PROFILE, PARTNER_PROFILE and STATE_BUCKET (see README.md).
import { App } from 'cdktf';
import { buildLogServicePartnerApp } from './examples/log-service-partner/stacks';
import { readEnvironment } from './examples/shared/environment';

const app = new App();
buildLogServicePartnerApp(app, readEnvironment());
app.synth();
