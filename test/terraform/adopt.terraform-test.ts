// `cdktf-xaccount adopt` end to end: the main.ts written from the recorded outputs of scenario 4 (and
// of the scenario 3 variant in test/adopt/recorded), synthesized, then `terraform plan` with the
// stand-in: every object is imported (with the id the stand-in parses as the provider documents it)
// and nothing is destroyed or replaced.
import * as path from 'path';
import { adoptInto, RECORDED, stackJson, synthMain } from '../adopt/support';
import { AccountStack, alicloud, CrossAccountRole } from '../../lib';
import { init, planActions, REGISTRY, stacksOf, synthInto, tempDir, terraform, terraformOk } from './terraform';

const ACCOUNTS: { [stack: string]: string } = { owner: '1111222233334444', partner: '5555666677778888' };

interface PlannedChange {
  address: string;
  change: { actions: string[]; importing?: { id: string } };
}

const SCENARIOS: { [name: string]: string } = {
  'scenario 4': RECORDED,
  'scenario 3 variant': path.join(__dirname, '..', 'adopt', 'recorded', 'ecs-ops-delegation'),
};
const RUNS = Object.keys(SCENARIOS).flatMap((scenario) => Object.keys(ACCOUNTS).map((stack) => [scenario, stack]));

(REGISTRY ? describe.skip : describe)('adopted scenarios with the stand-in', () => {
  const outdirs = new Map<string, string>();
  const outdirOf = (scenario: string) => {
    if (!outdirs.has(scenario)) outdirs.set(scenario, synthMain(adoptInto(SCENARIOS[scenario]).main));
    return outdirs.get(scenario)!;
  };
  const work = tempDir('tf-adopt-');

  test.each(RUNS)(
    '%s, stack %s: plan imports every object and destroys nothing; after apply, no changes',
    (scenario, stack) => {
      const outdir = outdirOf(scenario);
      const dir = stacksOf(outdir)[stack];
      init(dir, path.join(work, `${scenario}-${stack}.tfstate`));
      const planFile = path.join(work, `${scenario}-${stack}.tfplan`);
      const plan = terraformOk(dir, ['plan', `-out=${planFile}`, '-no-color'], {
        ALICLOUD_STANDIN_ACCOUNT_ID: ACCOUNTS[stack],
      });
      const show = JSON.parse(terraformOk(dir, ['show', '-json', planFile]).stdout) as {
        resource_changes: PlannedChange[];
      };
      const imports = Object.fromEntries((stackJson(outdir, stack).import ?? []).map((b) => [b.to, b.id]));
      const importing = Object.fromEntries(
        show.resource_changes.filter((c) => c.change.importing).map((c) => [c.address, c.change.importing!.id]),
      );
      expect(Object.keys(importing).length).toBeGreaterThan(0);
      expect(importing).toEqual(imports);
      const actions = Object.values(planActions(dir, planFile)).flat();
      expect(actions).not.toContain('delete');
      expect(actions).not.toContain('create');
      expect(plan.stdout).toMatch(
        new RegExp(`Plan: ${Object.keys(imports).length} to import, 0 to add, \\d+ to change, 0 to destroy`),
      );
    },
  );

  test('an import id not in the documented form is refused, naming the form', () => {
    const out = synthInto(path.join(work, 'bad.out'), (app) => {
      const stack = new AccountStack(app, 'owner', { accountId: ACCOUNTS.owner, region: 'cn-hangzhou' });
      new alicloud.ramRolePolicyAttachment.RamRolePolicyAttachment(stack, 'attachment', {
        roleName: 'Partner-ReadOnly-Access',
        policyName: 'AliyunECSReadOnlyAccess',
        policyType: 'System',
      }).importFrom('Partner-ReadOnly-Access:AliyunECSReadOnlyAccess');
    });
    const dir = stacksOf(out).owner;
    init(dir, path.join(work, 'bad.tfstate'));
    const run = terraform(dir, ['plan', '-no-color'], { ALICLOUD_STANDIN_ACCOUNT_ID: ACCOUNTS.owner });
    expect(run.status).toBe(1);
    expect(run.stderr.replace(/\s+/g, ' ')).toContain(
      'import id "Partner-ReadOnly-Access:AliyunECSReadOnlyAccess" is not role:<policy_name>:<System|Custom>:<role_name>',
    );
  });

  test('a renamed construct id with moveFromId moves the role; its attachments are replaced (README guidance)', () => {
    const stateFile = path.join(work, 'move.tfstate');
    const outdir = path.join(work, 'move.out');
    const synth = (id: string, movedFrom?: string) =>
      stacksOf(
        synthInto(outdir, (app) => {
          const stack = new AccountStack(app, 'owner', { accountId: ACCOUNTS.owner, region: 'cn-hangzhou' });
          const role = new CrossAccountRole(stack, id, {
            roleName: 'Partner-ReadOnly-Access',
            ownerAccountId: ACCOUNTS.owner,
            trustedAccountIds: [ACCOUNTS.partner],
            systemPolicies: ['AliyunECSReadOnlyAccess'],
          });
          if (movedFrom) role.resource.moveFromId(movedFrom);
        }),
      ).owner;
    const env = { ALICLOUD_STANDIN_ACCOUNT_ID: ACCOUNTS.owner };
    const first = synth('partner');
    init(first, stateFile);
    terraformOk(first, ['apply', '-auto-approve', '-no-color'], env);
    const dir = synth('partner-v2', 'alicloud_ram_role.partner_role');
    const planFile = path.join(work, 'move.tfplan');
    terraformOk(dir, ['plan', `-out=${planFile}`, '-no-color'], env);
    const show = JSON.parse(terraformOk(dir, ['show', '-json', planFile]).stdout) as {
      resource_changes: (PlannedChange & { previous_address?: string })[];
    };
    const role = show.resource_changes.find((c) => c.address === 'alicloud_ram_role.partner-v2_role');
    expect(role?.previous_address).toBe('alicloud_ram_role.partner_role');
    expect(role?.change.actions).toEqual(['no-op']);
    expect(planActions(dir, planFile)).toMatchObject({
      'alicloud_ram_role_policy_attachment.partner_system-AliyunECSReadOnlyAccess': ['delete'],
      'alicloud_ram_role_policy_attachment.partner-v2_system-AliyunECSReadOnlyAccess': ['create'],
    });
  });
});
