import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

/** Runs the real `cdktf synth` of the flagship app, as a user or pipeline does. */
function cdktfSynth(env: { [name: string]: string }): string {
  const output = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-out-'));
  execFileSync(path.join(root, 'node_modules', '.bin', 'cdktf'), ['synth', '--output', output], {
    cwd: root,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true', ...env },
    stdio: 'pipe',
    timeout: 110_000,
  });
  return output;
}

function policyOf(output: string, stack: string, type: string, attribute: string): unknown {
  const json = JSON.parse(fs.readFileSync(path.join(output, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  const resources = Object.values(json.resource[type]) as { [attr: string]: string }[];
  expect(resources).toHaveLength(1);
  return JSON.parse(resources[0][attribute]);
}

describe('cdktf synth of the flagship app', () => {
  test('account IDs from the environment reach both stacks', () => {
    const output = cdktfSynth({ OWNER_ACCOUNT_ID: '1111222233334444', PARTNER_ACCOUNT_ID: '5555666677778888' });
    expect(policyOf(output, 'owner', 'alicloud_ram_role', 'assume_role_policy_document')).toEqual({
      Statement: [
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: ['acs:ram::5555666677778888:root'] } },
      ],
      Version: '1',
    });
    expect(policyOf(output, 'partner', 'alicloud_ram_policy', 'policy_document')).toEqual({
      Statement: [
        { Action: 'sts:AssumeRole', Effect: 'Allow', Resource: 'acs:ram::1111222233334444:role/partner-log-writer' },
      ],
      Version: '1',
    });
  });

  test('a malformed variable stops the synth with its name', () => {
    let message = '';
    try {
      cdktfSynth({ OWNER_ACCOUNT_ID: 'not-an-account' });
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer };
      message = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`;
    }
    expect(message).toContain('OWNER_ACCOUNT_ID "not-an-account" is not a 16-digit Alibaba Cloud account ID');
  });
});
