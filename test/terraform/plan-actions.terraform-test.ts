// The stand-in plans as the real provider does: computed attributes are unknown until apply,
// a ForceNew attribute (role_name, cited in terraform/standin/force-new.json) plans a replacement,
// any other change an in-place update; and without credentials the identity read fails clearly.
import { App } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { AccountStack, CrossAccountRole } from '../../lib';
import { init, planActions, REGISTRY, stacksOf, synthInto, tempDir, terraform, terraformOk } from './terraform';

const A = '1000000000000001';
const B = '2000000000000002';
const ROLE = 'alicloud_ram_role.partner_role';
const ATTACHMENT = 'alicloud_ram_role_policy_attachment.partner_system-AliyunECSReadOnlyAccess';

(REGISTRY ? describe.skip : describe)('plan actions of the stand-in', () => {
  const work = tempDir('tf-actions-');
  const outdir = path.join(work, 'cdktf.out');
  const stateFile = path.join(work, 'owner.tfstate');
  const synth = (roleName: string, description: string) =>
    stacksOf(
      synthInto(outdir, (app: App) => {
        const stack = new AccountStack(app, 'owner', { accountId: A, region: 'cn-hangzhou' });
        new CrossAccountRole(stack, 'partner', {
          roleName,
          description,
          ownerAccountId: A,
          trustedAccountIds: [B],
          systemPolicies: ['AliyunECSReadOnlyAccess'],
        });
      }),
    ).owner;
  const dir = synth('partner-access', 'first');
  const plan = (name: string) => {
    const file = path.join(work, `${name}.tfplan`);
    terraformOk(dir, ['plan', `-out=${file}`, '-no-color'], { ALICLOUD_STANDIN_ACCOUNT_ID: A });
    return { actions: planActions(dir, file), json: terraformOk(dir, ['show', '-json', file]).stdout };
  };

  beforeAll(() => init(dir, stateFile));

  test('without ALICLOUD_STANDIN_ACCOUNT_ID the identity read fails with a clear message', () => {
    const run = terraform(dir, ['plan', '-no-color'], { ALICLOUD_STANDIN_ACCOUNT_ID: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ALICLOUD_STANDIN_ACCOUNT_ID is not set');
    expect(fs.existsSync(stateFile)).toBe(false);
  });

  test('on create, the ARN and ids are unknown until apply, then as the provider forms them', () => {
    const { actions, json } = plan('create');
    expect(actions[ROLE]).toEqual(['create']);
    const change = (JSON.parse(json).resource_changes as { address: string; change: { after_unknown: object } }[]).find(
      (c) => c.address === ROLE,
    );
    expect(change?.change.after_unknown).toMatchObject({ arn: true, id: true, role_id: true });
    terraformOk(dir, ['apply', '-auto-approve', '-no-color'], { ALICLOUD_STANDIN_ACCOUNT_ID: A });
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    const attrs = (type: string) =>
      state.resources.find((r: { type: string }) => r.type === type).instances[0].attributes;
    expect(attrs('alicloud_ram_role')).toMatchObject({
      id: 'partner-access',
      arn: `acs:ram::${A}:role/partner-access`,
    });
    expect(attrs('alicloud_ram_role_policy_attachment').id).toBe('role:AliyunECSReadOnlyAccess:System:partner-access');
  });

  test('a description change is an in-place update', () => {
    synth('partner-access', 'second');
    expect(plan('describe').actions[ROLE]).toEqual(['update']);
  });

  test('a role_name change (ForceNew) replaces the role and its attachment', () => {
    synth('partner-access-2', 'first');
    const { actions } = plan('rename');
    expect(actions[ROLE]).toEqual(['delete', 'create']);
    expect(actions[ATTACHMENT]).toEqual(['delete', 'create']);
  });
});
