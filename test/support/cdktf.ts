import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

/** Runs the real `cdktf synth` in a folder of the repository, as a user does, into a fresh output folder. */
export function cdktfSynth(folder: string, env: { [name: string]: string } = {}): string {
  const output = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-out-'));
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'cdktf'), ['synth', '--output', output], {
    cwd: path.join(ROOT, folder),
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true', ...env },
    stdio: 'pipe',
    timeout: 110_000,
  });
  return output;
}

/** The parsed `cdk.tf.json` of one stack of an output folder. */
export function stackOf(
  output: string,
  stack: string,
): { [key: string]: { [type: string]: { [name: string]: { [attr: string]: unknown } } } } {
  return JSON.parse(fs.readFileSync(path.join(output, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}
