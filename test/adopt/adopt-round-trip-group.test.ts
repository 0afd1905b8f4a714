// adopt round trip of a scenario 3 variant: an MFA trust, a custom policy on the role, a group grant with
// MFA and a source range, and a group no grant expresses. Also holds main.ts to the app adopt builds in
// process for its report: the same resources and import blocks.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildAdoptedApp } from '../../lib/adopt/adopted-app';
import { planAccount } from '../../lib/adopt/adoption-plan';
import { readRecordedAccount } from '../../lib/adopt/recorded-account';
import { addressesOf, adoptInto, AdoptedStack, canonical, stackJson, synthMain } from './support';

const RECORDED = path.join(__dirname, 'recorded', 'ecs-ops-delegation');
const GRANT = 'AssumeRole-1111222233334444-ecs-admin';
const recorded = (file: string) => JSON.parse(fs.readFileSync(path.join(RECORDED, file), 'utf8'));
const importIds = (stack: AdoptedStack) => (stack.import ?? []).map((b) => b.id).sort();
const only = (stack: AdoptedStack, type: string) => {
  const all = Object.values(stack.resource[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0];
};

describe('adopt round trip of scenario 3 (group grant, MFA)', () => {
  const { run, main, dir } = adoptInto(RECORDED);
  const outdir = synthMain(main);
  const owner = stackJson(outdir, 'owner');
  const partner = stackJson(outdir, 'partner');

  test('the trust policy, with its MFA condition, is the recorded one canonicalized', () => {
    expect(run.code).toBe(0);
    const trust = recorded('owner/GetRole-ecs-admin.json').Role.AssumeRolePolicyDocument;
    const role = only(owner, 'alicloud_ram_role');
    expect(role.assume_role_policy_document).toBe(canonical(trust));
    expect(role.max_session_duration).toBe(7200);
    expect(role.description).toBe('Account 5555666677778888 operates the ECS instances of this account');
  });

  test("the role's custom policy and the group's AssumeRole policy are the recorded ones canonicalized", () => {
    expect(only(owner, 'alicloud_ram_policy').policy_document).toBe(
      canonical(recorded('owner/GetPolicy-ecs-snapshot-read.json').DefaultPolicyVersion.PolicyDocument),
    );
    expect(only(partner, 'alicloud_ram_policy').policy_document).toBe(
      canonical(recorded(`partner/GetPolicy-${GRANT}.json`).DefaultPolicyVersion.PolicyDocument),
    );
  });

  test('every object is imported with the documented id: group, memberships, group attachments, user ids', () => {
    for (const stack of [owner, partner]) {
      expect((stack.import ?? []).map((b) => b.to).sort()).toEqual(addressesOf(stack).sort());
    }
    expect(importIds(owner)).toEqual([
      'ecs-admin',
      'ecs-snapshot-read',
      'role:AliyunECSFullAccess:System:ecs-admin',
      'role:ecs-snapshot-read:Custom:ecs-admin',
    ]);
    expect(importIds(partner)).toEqual([
      '222233334444000021',
      '222233334444000022',
      GRANT,
      'auditors:dave',
      'ecs-operators',
      'ecs-operators:Alice',
      'ecs-operators:dave',
      'group:AliyunRAMReadOnlyAccess:System:auditors',
      `group:${GRANT}:Custom:ecs-operators`,
    ]);
  });

  test('the report warns that console logins are not adopted, where MFA-only access looks unreachable', () => {
    const report = fs.readFileSync(path.join(dir, 'access-report.md'), 'utf8');
    expect(report).toContain(
      '| acs:ram::5555666677778888:user/Alice | **yes, only with an MFA sign-in, and no console login in this output** |',
    );
    expect(report).toContain('## Found but not adopted');
    expect(report).toContain('CAN assume the role if it signs in to the console with MFA');
  });

  test('main.ts synthesizes the same resources and import blocks as the app adopt reports on', () => {
    const inProcess = fs.mkdtempSync(path.join(os.tmpdir(), 'adopt-in-process-'));
    const app = new App({ outdir: inProcess });
    const plans = ['owner', 'partner'].map((f) => planAccount(readRecordedAccount(path.join(RECORDED, f))));
    buildAdoptedApp(app, plans, 'cn-hangzhou');
    app.synth();
    for (const stack of ['owner', 'partner']) {
      const built = stackJson(inProcess, stack);
      const written = stackJson(outdir, stack);
      expect(written.resource).toEqual(built.resource);
      expect(written.import).toEqual(built.import);
    }
  });
});
