import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildLogServicePartnerApp, LOG_SERVICE_PARTNER } from '../../examples/log-service-partner/stacks';
import { readEnvironment } from '../../examples/shared/environment';
import { OWNER, PARTNER, parsed, pretty, resourcesOf, StackJson } from '../support/synth';

/** Synthesizes the flagship app in-process into a fresh folder and returns that folder. */
function synthFlagship(
  env: { [name: string]: string } = { OWNER_ACCOUNT_ID: OWNER, PARTNER_ACCOUNT_ID: PARTNER },
): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagship-'));
  const app = new App({ outdir });
  buildLogServicePartnerApp(app, readEnvironment(env));
  app.synth();
  return outdir;
}

function stackJson(outdir: string, stack: string): StackJson {
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as StackJson;
}

function filesOf(dir: string): { [file: string]: string } {
  const result: { [file: string]: string } = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      result[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  }
  return result;
}

describe('flagship app (scenario 1, two accounts)', () => {
  const outdir = synthFlagship();
  const owner = stackJson(outdir, 'owner');
  const partner = stackJson(outdir, 'partner');

  test('the owner role trusts exactly account B', () => {
    const roles = Object.values(resourcesOf(owner, 'alicloud_ram_role'));
    expect(roles).toHaveLength(1);
    expect(roles[0].role_name).toBe(LOG_SERVICE_PARTNER.roleName);
    expect(parsed(roles[0].assume_role_policy_document)).toEqual({
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${PARTNER}:root`] } }],
      Version: '1',
    });
  });

  test('the owner policy writes to and consumes exactly the configured logstore and consumer group', () => {
    const policy = Object.values(resourcesOf(owner, 'alicloud_ram_policy'))[0];
    const store = `acs:log:cn-hangzhou:${OWNER}:project/${LOG_SERVICE_PARTNER.project}/logstore/${LOG_SERVICE_PARTNER.logstore}`;
    const doc = parsed(policy.policy_document) as { Statement: { Resource: string }[] };
    expect(doc.Statement.map((s) => s.Resource).sort()).toEqual(
      [store, `${store}/consumergroup/*`, `${store}/consumergroup/${LOG_SERVICE_PARTNER.consumerGroup}`].sort(),
    );
    expect(pretty(policy.policy_document)).toMatchSnapshot();
    const attachment = Object.values(resourcesOf(owner, 'alicloud_ram_role_policy_attachment'))[0];
    expect(attachment).toMatchObject({ policy_name: LOG_SERVICE_PARTNER.policyName, policy_type: 'Custom' });
    expect(Object.keys(resourcesOf(owner, 'alicloud_log_project'))).toHaveLength(1);
    expect(Object.keys(resourcesOf(owner, 'alicloud_log_store'))).toHaveLength(1);
  });

  test('the partner stack holds user b1, the group, the membership and an AssumeRole policy on exactly that role', () => {
    expect(Object.values(resourcesOf(partner, 'alicloud_ram_user')).map((u) => u.name)).toEqual(['b1']);
    expect(Object.values(resourcesOf(partner, 'alicloud_ram_group')).map((g) => g.group_name)).toEqual([
      LOG_SERVICE_PARTNER.partnerGroup,
    ]);
    expect(Object.keys(resourcesOf(partner, 'alicloud_ram_user_group_attachment'))).toHaveLength(1);
    expect(Object.keys(resourcesOf(partner, 'alicloud_ram_group_policy_attachment'))).toHaveLength(1);
    const policy = Object.values(resourcesOf(partner, 'alicloud_ram_policy'))[0];
    expect(parsed(policy.policy_document)).toEqual({
      Statement: [
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Resource: `acs:ram::${OWNER}:role/${LOG_SERVICE_PARTNER.roleName}`,
        },
      ],
      Version: '1',
    });
  });

  test('each stack guards its own account and keeps its own state', () => {
    for (const [json, account, name] of [
      [owner, OWNER, 'owner'],
      [partner, PARTNER, 'partner'],
    ] as const) {
      const guard = Object.values(json.data?.alicloud_caller_identity ?? {})[0];
      expect(JSON.stringify(guard.lifecycle)).toContain(`self.account_id == \\"${account}\\"`);
      expect(json.terraform?.backend).toEqual({ local: { path: `../../../terraform.${name}.tfstate` } });
    }
  });

  test('nothing secret is synthesized and no AccessKey is created', () => {
    const text = JSON.stringify([owner, partner]);
    expect(text).not.toMatch(/access_key|secret_key|password|security_token/i);
    expect(
      Object.keys({ ...owner.resource, ...partner.resource }).filter((t) => /access_key|login_profile/.test(t)),
    ).toEqual([]);
  });

  test('synthesizing twice gives identical files', () => {
    expect(filesOf(synthFlagship())).toEqual(filesOf(synthFlagship()));
  });

  test('the example defaults synthesize with no environment at all', () => {
    const defaults = stackJson(synthFlagship({}), 'partner');
    expect(JSON.stringify(defaults)).toContain('acs:ram::1000000000000001:role/partner-log-writer');
  });
});
