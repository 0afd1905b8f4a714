// adopt -> main.ts -> synthesize (ts-node, as cdktf synth runs it): the synthesized trust and
// permission documents equal the recorded ones after canonicalization, every synthesized object is
// imported, with the provider's documented import id (docs/adopt.md).
import * as fs from 'fs';
import * as path from 'path';
import { addressesOf, adoptInto, AdoptedStack, canonical, RECORDED, stackJson, synthMain } from './support';

const recorded = (file: string) => JSON.parse(fs.readFileSync(path.join(RECORDED, file), 'utf8'));
const importsOf = (stack: AdoptedStack) =>
  Object.fromEntries((stack.import ?? []).map((block) => [block.to, block.id]));

describe('adopt round trip of scenario 4 (partner-readonly)', () => {
  const { run, main, dir } = adoptInto(RECORDED);
  const outdir = synthMain(main);
  const owner = stackJson(outdir, 'owner');
  const partner = stackJson(outdir, 'partner');

  test('adopt exits 0 and writes main.ts and access-report.md', () => {
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out.join('\n')).toContain('1 role(s), 1 grant(s)');
    expect(fs.readdirSync(dir).sort()).toEqual(['access-report.md', 'main.ts']);
  });

  test('the trust policy is the recorded one, canonicalized', () => {
    const role = Object.values(owner.resource.alicloud_ram_role)[0];
    const trust = recorded('owner/GetRole-Partner-ReadOnly-Access.json').Role.AssumeRolePolicyDocument;
    expect(role.assume_role_policy_document).toBe(canonical(trust));
    expect(role.role_name).toBe('Partner-ReadOnly-Access');
  });

  test('the permission policy is the recorded one, canonicalized', () => {
    const policy = Object.values(partner.resource.alicloud_ram_policy)[0];
    const file = 'partner/GetPolicy-AssumeRole-1111222233334444-Partner-ReadOnly-Access.json';
    expect(policy.policy_document).toBe(canonical(recorded(file).DefaultPolicyVersion.PolicyDocument));
  });

  test('every object is imported, with the documented import ids', () => {
    for (const stack of [owner, partner]) {
      expect(Object.keys(importsOf(stack)).sort()).toEqual(addressesOf(stack).sort());
    }
    expect(Object.values(importsOf(owner)).sort()).toEqual([
      'Partner-ReadOnly-Access', // alicloud_ram_role: <role_name>
      'role:AliyunECSReadOnlyAccess:System:Partner-ReadOnly-Access', // role:<policy_name>:<policy_type>:<role_name>
    ]);
    expect(Object.values(importsOf(partner)).sort()).toEqual([
      '222233334444000011', // alicloud_ram_user: the UserId from ListUsers
      'AssumeRole-1111222233334444-Partner-ReadOnly-Access', // alicloud_ram_policy: <policy_name>
      'user:AssumeRole-1111222233334444-Partner-ReadOnly-Access:Custom:Bob', // user:<policy>:<type>:<user>
    ]);
  });

  test('the access report says what was found: Bob can assume the role, and nobody else', () => {
    const report = fs.readFileSync(path.join(dir, 'access-report.md'), 'utf8');
    expect(report).toContain('| acs:ram::5555666677778888:user/Bob | **yes** | always |');
    expect(report).not.toContain('Found but not adopted');
  });
});
