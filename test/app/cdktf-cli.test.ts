import * as fs from 'fs';
import * as path from 'path';
import { cdktfSynth } from '../support/cdktf';

function cdktfSynthRoot(env: { [name: string]: string }): string {
  return cdktfSynth('.', env);
}

function policyOf(output: string, stack: string, type: string, attribute: string): unknown {
  const json = JSON.parse(fs.readFileSync(path.join(output, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  const resources = Object.values(json.resource[type]) as { [attr: string]: string }[];
  expect(resources).toHaveLength(1);
  return JSON.parse(resources[0][attribute]);
}

describe('cdktf synth of the flagship app', () => {
  test('account IDs from the environment reach both stacks', () => {
    const output = cdktfSynthRoot({ OWNER_ACCOUNT_ID: '1111222233334444', PARTNER_ACCOUNT_ID: '5555666677778888' });
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
      cdktfSynthRoot({ OWNER_ACCOUNT_ID: 'not-an-account' });
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer };
      message = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`;
    }
    expect(message).toContain('OWNER_ACCOUNT_ID "not-an-account" is not a 16-digit Alibaba Cloud account ID');
  });
});
