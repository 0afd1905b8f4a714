import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { AccountStack } from '../../lib';
import { OWNER } from '../support/synth';

/** The backend block an AccountStack with local state synthesizes. */
function backendOf(id: string): { local: { path: string } } {
  const stack = new AccountStack(Testing.app(), id, { accountId: OWNER, region: 'cn-hangzhou' });
  return JSON.parse(Testing.synth(stack)).terraform.backend;
}

/** Every file below a folder. */
function filesBelow(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('local state of an AccountStack', () => {
  test('the path is relative and resolves next to the synth output, outside it', () => {
    const backend = backendOf('owner');
    expect(path.isAbsolute(backend.local.path)).toBe(false);
    const app = path.join(path.sep, 'home', 'user', 'app');
    const stackDir = path.join(app, 'cdktf.out', 'stacks', 'owner'); // where cdktf runs terraform
    const state = path.resolve(stackDir, backend.local.path);
    expect(state).toBe(path.join(app, 'terraform.owner.tfstate'));
    expect(path.relative(path.join(app, 'cdktf.out'), state).startsWith('..')).toBe(true);
  });

  test('Terraform writes the state there, and deleting cdktf.out keeps it', () => {
    // The real Terraform with the synthesized backend block and a built-in resource (no provider to download).
    const app = fs.mkdtempSync(path.join(os.tmpdir(), 'local-state-'));
    try {
      const stackDir = path.join(app, 'cdktf.out', 'stacks', 'owner');
      fs.mkdirSync(stackDir, { recursive: true });
      const config = {
        terraform: { backend: backendOf('owner') },
        resource: { terraform_data: { marker: { input: 'deployed' } } },
      };
      fs.writeFileSync(path.join(stackDir, 'cdk.tf.json'), JSON.stringify(config));
      const env: NodeJS.ProcessEnv = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
      delete env.TF_CLI_CONFIG_FILE;
      for (const args of [
        ['init', '-input=false'],
        ['apply', '-input=false', '-auto-approve'],
      ]) {
        execFileSync('terraform', args, { cwd: stackDir, env, stdio: 'pipe', timeout: 60_000 });
      }
      const state = path.join(app, 'terraform.owner.tfstate');
      // (.terraform/terraform.tfstate is Terraform's record of the backend settings, not state.)
      const inOutput = filesBelow(path.join(app, 'cdktf.out')).filter(
        (f) => !f.includes(`${path.sep}.terraform${path.sep}`),
      );
      expect(inOutput.filter((f) => f.includes('.tfstate'))).toEqual([]);

      fs.rmSync(path.join(app, 'cdktf.out'), { recursive: true });
      expect(JSON.parse(fs.readFileSync(state, 'utf8')).resources).toEqual([
        expect.objectContaining({ type: 'terraform_data', name: 'marker' }),
      ]);
    } finally {
      fs.rmSync(app, { recursive: true, force: true });
    }
  });
});
