import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { buildEcsOpsDelegationApp } from '../../examples/ecs-ops-delegation/stacks';
import { readEnvironment } from '../../examples/shared/environment';
import { AccountStack } from '../../lib';
import { ROOT } from '../support/cdktf';

const README = fs.readFileSync(path.join(ROOT, 'examples', 'ecs-ops-delegation', 'README.md'), 'utf8');

/** The synthesized partner stack of the example, with the given environment. */
function partnerStackOf(env: { [name: string]: string }) {
  const app = Testing.app();
  buildEcsOpsDelegationApp(app, readEnvironment(env));
  return JSON.parse(Testing.synth(app.node.findChild('partner') as AccountStack));
}

describe("examples/ecs-ops-delegation: Alice's password in state", () => {
  test('the provider does not mark the password sensitive, as the README warns', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'alicloud-provider-schema.json'), 'utf8'));
    const attributes =
      schema.provider_schemas['registry.terraform.io/aliyun/alicloud'].resource_schemas.alicloud_ram_login_profile.block
        .attributes;
    expect(attributes.password).toMatchObject({ required: true });
    expect(attributes.password.sensitive).toBeUndefined();
    expect(README).toContain("**Alice's first\npassword is stored in the `partner` stack's state in plain text**");
  });

  test('by default the login profile needs a password reset at first sign-in and MFA binding', () => {
    const profile = Object.values(partnerStackOf({}).resource.alicloud_ram_login_profile)[0];
    expect(profile).toMatchObject({ password_reset_required: true, mfa_bind_required: true });
    expect(README).toContain('`password_reset_required = true`');
    expect(README).toContain('`mfa_bind_required = true`');
  });

  test('with the OSS settings the README recommends, the state is encrypted and locked', () => {
    const partner = partnerStackOf({
      STATE_BUCKET: 'b-tf-state',
      STATE_LOCK_ENDPOINT: 'https://tf-lock.cn-hangzhou.ots.aliyuncs.com',
      STATE_LOCK_TABLE: 'locks',
    });
    expect(partner.terraform.backend).toEqual({
      oss: expect.objectContaining({
        bucket: 'b-tf-state',
        encrypt: true,
        tablestore_endpoint: 'https://tf-lock.cn-hangzhou.ots.aliyuncs.com',
        tablestore_table: 'locks',
      }),
    });
    for (const variable of ['STATE_BUCKET=', 'STATE_LOCK_ENDPOINT=', 'STATE_LOCK_TABLE='])
      expect(README).toContain(variable);
  });
});
