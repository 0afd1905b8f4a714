// The account guard with real Terraform: each stack applies with its own account's credentials;
// with another account's, plan, plan -target=<each resource>, plan -destroy and destroy are refused
// and the state file is untouched; revoking the partner is an in-place update of the role.
import { App } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { buildLogServicePartnerApp, LOG_SERVICE_PARTNER } from '../../examples/log-service-partner/stacks';
import { buildPartnerReadonlyApp, PARTNER_READONLY } from '../../examples/partner-readonly/stacks';
import { EXAMPLE_DEFAULTS, readEnvironment } from '../../examples/shared/environment';
import {
  planActions,
  REGISTRY,
  stacksOf,
  stateAddresses,
  synthInto,
  tempDir,
  terraform,
  terraformOk,
  init,
} from './terraform';

const A = EXAMPLE_DEFAULTS.OWNER_ACCOUNT_ID;
const B = EXAMPLE_DEFAULTS.PARTNER_ACCOUNT_ID;
const as = (account: string) => ({ ALICLOUD_STANDIN_ACCOUNT_ID: account });

interface Case {
  readonly app: string;
  readonly stack: string;
  readonly account: string;
  readonly wrong: string;
  readonly build: (app: App, env: { [name: string]: string }) => void;
  /** The role whose trust revocation rewrites, for owner stacks. */
  readonly revokedRole?: string;
}

const flagship = (app: App, env: { [name: string]: string }) => buildLogServicePartnerApp(app, readEnvironment(env));
const readonly = (app: App, env: { [name: string]: string }) => buildPartnerReadonlyApp(app, readEnvironment(env));
const cases: Case[] = [
  { app: 'flagship', stack: 'owner', account: A, wrong: B, build: flagship, revokedRole: LOG_SERVICE_PARTNER.roleName },
  { app: 'flagship', stack: 'partner', account: B, wrong: A, build: flagship },
  {
    app: 'partner-readonly',
    stack: 'owner',
    account: A,
    wrong: B,
    build: readonly,
    revokedRole: PARTNER_READONLY.roleName,
  },
];

const describeStandin = REGISTRY ? describe.skip : describe;
if (REGISTRY) {
  console.log(
    'ALICLOUD_PROVIDER=registry: the wrong-account checks need the stand-in, which answers for any account; ' +
      'with the real provider they would need credentials of two real accounts. Only validation runs.',
  );
}

describeStandin.each(cases)('$app stack $stack (account $account)', (c) => {
  const work = tempDir(`tf-${c.app}-`);
  const outdir = path.join(work, 'cdktf.out');
  const stateFile = path.join(work, `${c.stack}.tfstate`);
  const dir = stacksOf(synthInto(outdir, (app) => c.build(app, {})))[c.stack];
  const guardMessage = `The credentials belong to account ${c.wrong}, but stack "${c.stack}" manages account ${c.account}.`;
  const providerMessage = `region "wrong credentials: not account ${c.account}, which stack ${c.stack} manages"`;
  const unchanged = (run: () => void) => {
    const before = fs.readFileSync(stateFile);
    run();
    expect(fs.readFileSync(stateFile).equals(before)).toBe(true);
  };
  const squash = (text: string) => text.replace(/[│╷╵]/g, ' ').replace(/\s+/g, ' ');

  beforeAll(() => init(dir, stateFile));

  test('applies with the right account', () => {
    terraformOk(dir, ['apply', '-auto-approve', '-no-color'], as(c.account));
    expect(stateAddresses(stateFile).length).toBeGreaterThan(0);
    terraformOk(dir, ['plan', '-detailed-exitcode', '-no-color'], as(c.account)); // 0: nothing left to do
  });

  test('plan, plan -refresh=false and apply with another account fail with the guard message; the state is untouched', () => {
    unchanged(() => {
      for (const args of [['plan'], ['plan', '-refresh=false'], ['apply', '-auto-approve']]) {
        const run = terraform(dir, [...args, '-no-color'], as(c.wrong));
        expect({ args, status: run.status, guard: squash(run.stderr).includes(guardMessage) }).toEqual({
          args,
          status: 1,
          guard: true,
        });
      }
    });
  });

  test('plan -target=<each resource> with another account fails with the guard message', () => {
    const addresses = stateAddresses(stateFile);
    unchanged(() => {
      for (const address of addresses) {
        const run = terraform(dir, ['plan', `-target=${address}`, '-no-color'], as(c.wrong));
        expect({ address, status: run.status, guard: squash(run.stderr).includes(guardMessage) }).toEqual({
          address,
          status: 1,
          guard: true,
        });
      }
    });
  });

  test('plan -destroy and destroy with another account fail: the provider cannot be configured', () => {
    unchanged(() => {
      for (const args of [
        ['plan', '-destroy'],
        ['destroy', '-auto-approve'],
      ]) {
        const run = terraform(dir, [...args, '-no-color'], as(c.wrong));
        expect({ args, status: run.status }).toEqual({ args, status: 1 });
        expect(squash(run.stderr)).toContain(providerMessage);
      }
    });
  });

  if (c.revokedRole !== undefined) {
    const role = c.revokedRole;
    test(`PARTNER_ACCESS=revoked updates alicloud_ram_role in place, with nothing destroyed`, () => {
      synthInto(outdir, (app) => c.build(app, { PARTNER_ACCESS: 'revoked' }));
      const plan = path.join(work, 'revoke.tfplan');
      terraformOk(dir, ['plan', `-out=${plan}`, '-no-color'], as(c.account));
      const actions = planActions(dir, plan);
      const roleAddress = Object.keys(actions).find((a) => a.startsWith('alicloud_ram_role.'));
      const changed = Object.entries(actions).filter(([, a]) => a.join() !== 'no-op' && a.join() !== 'read');
      expect(changed).toEqual([[roleAddress, ['update']]]);
      const apply = terraformOk(dir, ['apply', '-no-color', plan], as(c.account));
      expect(apply.stdout).toContain('0 added, 1 changed, 0 destroyed');
      const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
      const stored = state.resources.find((r: { type: string }) => r.type === 'alicloud_ram_role');
      expect(stored.instances[0].attributes.arn).toBe(`acs:ram::${c.account}:role/${role}`);
      // Revoked: the role trusts only its own sessions (CrossAccountRole `revoked: true`), not A's root.
      expect(JSON.parse(stored.instances[0].attributes.assume_role_policy_document).Statement).toEqual([
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${c.account}:role/${role}`] } },
      ]);
    });
  }
});
