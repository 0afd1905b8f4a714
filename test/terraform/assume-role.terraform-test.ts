// Where Terraform itself cannot refuse, and the layer that holds anyway. `destroy -refresh=false`
// configures the provider from the identity recorded in state, so without assume_role it runs with
// another account's credentials; with the stack's assumeRole every call runs in the stack's account.
import { App } from 'cdktf';
import * as path from 'path';
import { AccountStack, AccountStackAssumeRole, CrossAccountRole } from '../../lib';
import { callsIn, init, REGISTRY, stacksOf, stateAddresses, synthInto, tempDir, terraformOk } from './terraform';

const A = '1000000000000001';
const B = '2000000000000002';

function ownerStack(assumeRole?: AccountStackAssumeRole): { dir: string; stateFile: string; log: string } {
  const work = tempDir('tf-assume-');
  const build = (app: App) => {
    const stack = new AccountStack(app, 'owner', { accountId: A, region: 'cn-hangzhou', assumeRole });
    new CrossAccountRole(stack, 'partner', { roleName: 'partner-access', ownerAccountId: A, trustedAccountIds: [B] });
  };
  const dir = stacksOf(synthInto(path.join(work, 'cdktf.out'), build)).owner;
  const stateFile = path.join(work, 'owner.tfstate');
  init(dir, stateFile);
  return { dir, stateFile, log: path.join(work, 'calls.jsonl') };
}

const env = (account: string, log: string) => ({
  ALICLOUD_STANDIN_ACCOUNT_ID: account,
  ALICLOUD_STANDIN_CALL_LOG: log,
});
const accountsOf = (log: string, op: string) => [
  ...new Set(
    callsIn(log)
      .filter((c) => c.op === op)
      .map((c) => c.account),
  ),
];

(REGISTRY ? describe.skip : describe)('the limit of the guard, and assumeRole', () => {
  test('without assumeRole, destroy -refresh=false with another account is not refused (a Terraform limit)', () => {
    const { dir, stateFile, log } = ownerStack();
    terraformOk(dir, ['apply', '-auto-approve', '-no-color'], env(A, log));
    expect(stateAddresses(stateFile)).toEqual(['alicloud_ram_role.partner_role']);
    terraformOk(dir, ['destroy', '-refresh=false', '-auto-approve', '-no-color'], env(B, log));
    expect(stateAddresses(stateFile)).toEqual([]);
    expect(accountsOf(log, 'delete')).toEqual([B]); // the deletes ran with B's credentials
  });

  test('with assumeRole, every call runs in the stack account, whatever the credentials', () => {
    const { dir, stateFile, log } = ownerStack({ roleArn: `acs:ram::${A}:role/terraform-deployer` });
    terraformOk(dir, ['apply', '-auto-approve', '-no-color'], env(B, log));
    expect(accountsOf(log, 'create')).toEqual([A]);
    terraformOk(dir, ['destroy', '-refresh=false', '-auto-approve', '-no-color'], env(B, log));
    expect(stateAddresses(stateFile)).toEqual([]);
    expect(accountsOf(log, 'delete')).toEqual([A]);
    expect(accountsOf(log, 'read-data')).toEqual([A]);
  });
});
