// Runs `cdktf-xaccount adopt` on recorded outputs and synthesizes the main.ts it writes, as a user's
// `cdktf synth` would run it (ts-node), with the library of this checkout.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PolicyDocument } from '../../lib';
import { runCli } from '../../lib/cli/main';
import { ROOT } from '../support/cdktf';

/** The recorded outputs of scenario 4, as the example keeps them. */
export const RECORDED = path.join(ROOT, 'examples', 'adopt-partner-readonly', 'recorded');

/** What one CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

/** Runs the CLI in-process. */
export function cli(args: string[]): CliRun {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

/** A copy of the recorded outputs that a test may change. */
export function copyOfRecorded(source = RECORDED): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adopt-in-'));
  fs.cpSync(source, path.join(dir, 'recorded'), { recursive: true });
  return path.join(dir, 'recorded');
}

/** Sets (or, with undefined, deletes) the field at a JSON path of one recorded file, in place. */
export function setField(file: string, jsonPath: (string | number)[], value: unknown): void {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  let node = json;
  for (const key of jsonPath.slice(0, -1)) node = node[key];
  const last = jsonPath[jsonPath.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  fs.writeFileSync(file, JSON.stringify(json, undefined, 2));
}

/** Runs adopt into a fresh folder; returns the folder and the run. */
export function adoptInto(recorded: string): { dir: string; run: CliRun; main: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adopt-out-'));
  const main = path.join(dir, 'main.ts');
  const run = cli(['adopt', recorded, '--out', main, '--library', path.join(ROOT, 'lib')]);
  return { dir, run, main };
}

/** Synthesizes a main.ts with ts-node (transpile only) into a fresh output folder; returns it. */
export function synthMain(main: string): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'adopt-synth-'));
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', main], {
    cwd: path.dirname(main),
    env: {
      ...process.env,
      CDKTF_OUTDIR: outdir,
      NODE_PATH: path.join(ROOT, 'node_modules'),
      TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'),
    },
    stdio: 'pipe',
    timeout: 120_000,
  });
  return outdir;
}

/** One stack's Terraform JSON, with its import blocks. */
export interface AdoptedStack {
  resource: { [type: string]: { [name: string]: { [attr: string]: unknown } } };
  import?: { id: string; to: string }[];
}

/** The synthesized JSON of one stack. */
export function stackJson(outdir: string, stack: string): AdoptedStack {
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}

/** The Terraform address of every resource of a stack. */
export function addressesOf(stack: AdoptedStack): string[] {
  return Object.entries(stack.resource).flatMap(([type, byName]) =>
    Object.keys(byName).map((name) => `${type}.${name}`),
  );
}

/** A recorded document in this library's canonical form (what the constructs synthesize). */
export function canonical(json: string): string {
  return PolicyDocument.fromJson(json).toJsonString();
}
