// Runs real Terraform on synthesized stacks, with the stand-in provider built by
// `npm run terraform:standin`, or with the registry's aliyun/alicloud when ALICLOUD_PROVIDER=registry.
import { App } from 'cdktf';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../support/cdktf';

/** Whether the checks run against the registry's provider instead of the stand-in. */
export const REGISTRY = process.env.ALICLOUD_PROVIDER === 'registry';

const cliConfigs = new Map<boolean, string>();

/** The Terraform CLI configuration to use: the stand-in mirror's, or an empty one for the registry. */
export function terraformCliConfig(registry = REGISTRY): string {
  const known = cliConfigs.get(registry);
  if (known !== undefined) return known;
  let config: string;
  if (registry) {
    config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-registry-')), 'terraform.rc');
    fs.writeFileSync(config, 'disable_checkpoint = true\n');
  } else {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'terraform-standin.js')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    config = out.trim().split('\n').pop() as string;
  }
  cliConfigs.set(registry, config);
  return config;
}

/** What one Terraform command did. */
export interface TerraformRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `terraform <args>` in a folder with extra environment (e.g. the stand-in's account). */
export function terraform(
  dir: string,
  args: string[],
  env: { [name: string]: string } = {},
  registry = REGISTRY,
): TerraformRun {
  const result = spawnSync('terraform', args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      TF_CLI_CONFIG_FILE: terraformCliConfig(registry),
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      NO_COLOR: '1',
      ...env,
    },
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a Terraform command that must succeed; fails the test with Terraform's output otherwise. */
export function terraformOk(dir: string, args: string[], env: { [name: string]: string } = {}): TerraformRun {
  const run = terraform(dir, args, env);
  if (run.status !== 0) {
    throw new Error(`terraform ${args.join(' ')} failed (${run.status}) in ${dir}:\n${run.stderr}\n${run.stdout}`);
  }
  return run;
}

/** `terraform init` of a stack folder, with its state in `stateFile` (outside the synthesized output). */
export function init(dir: string, stateFile?: string, registry = REGISTRY): void {
  const backend = stateFile ? [`-backend-config=path=${stateFile}`, '-reconfigure'] : ['-backend=false'];
  const run = terraform(dir, ['init', '-no-color', ...backend], {}, registry);
  if (run.status !== 0 && registry) {
    throw new Error(
      'ALICLOUD_PROVIDER=registry: terraform init could not install aliyun/alicloud from the Terraform registry ' +
        '(this machine cannot reach it). Run without ALICLOUD_PROVIDER to use the stand-in provider.\n' +
        run.stderr,
    );
  }
  if (run.status !== 0) throw new Error(`terraform init failed in ${dir}:\n${run.stderr}`);
}

/** The stacks of a synthesized output folder, by name. */
export function stacksOf(output: string): { [name: string]: string } {
  const stacks = path.join(output, 'stacks');
  return Object.fromEntries(fs.readdirSync(stacks).map((name) => [name, path.join(stacks, name)]));
}

/** Synthesizes an app into the given folder (again and again, as `cdktf synth` does). */
export function synthInto(outdir: string, build: (app: App) => void): string {
  const app = new App({ outdir });
  build(app);
  app.synth();
  return outdir;
}

/** The actions a saved plan takes per resource address, from `terraform show -json`. */
export function planActions(dir: string, planFile: string): { [address: string]: string[] } {
  const plan = JSON.parse(terraformOk(dir, ['show', '-json', planFile]).stdout) as {
    resource_changes?: { address: string; change: { actions: string[] } }[];
  };
  return Object.fromEntries((plan.resource_changes ?? []).map((c) => [c.address, c.change.actions]));
}

/** The managed resources recorded in a state file, as Terraform addresses. */
export function stateAddresses(stateFile: string): string[] {
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as {
    resources: { mode: string; type: string; name: string }[];
  };
  return state.resources.filter((r) => r.mode === 'managed').map((r) => `${r.type}.${r.name}`);
}

/** The account of each call the stand-in logged (ALICLOUD_STANDIN_CALL_LOG), by operation. */
export function callsIn(logFile: string): { op: string; type: string; account: string }[] {
  if (!fs.existsSync(logFile)) return [];
  return fs
    .readFileSync(logFile, 'utf8')
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
