// The flagship app: scenario 1 (Log Service across accounts) as two stacks, `owner` (account A)
// and `partner` (account B). Configure it with OWNER_ACCOUNT_ID, PARTNER_ACCOUNT_ID,
// ALICLOUD_REGION, OWNER_PROFILE, PARTNER_PROFILE and STATE_BUCKET (see README.md).
import { buildLogServicePartnerApp } from './examples/log-service-partner/stacks';
import { readEnvironment } from './examples/shared/environment';
import { synthApp } from './examples/shared/synth-app';

synthApp((app) => buildLogServicePartnerApp(app, readEnvironment()));
