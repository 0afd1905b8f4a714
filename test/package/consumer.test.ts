// The package as a user meets it: `npm pack` of this checkout (prepack builds from scratch), installed
// into a fresh TypeScript cdktf app made only of what the README's Install and Quickstart sections show,
// type-checked and synthesized with the real cdktf-cli. It needs the npm registry, so CI runs it as its
// own step (`npm run test:package`) rather than inside `npm test`.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readmeApp } from './readme-app';

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = 'cdktf-alicloud-cross-account';
/** npm's cache, kept between runs (gitignored) so a repeated run downloads nothing. */
const NPM_CACHE = path.join(ROOT, '.cache', 'npm');

/** The environment of a user's shell: none of the npm_* variables of the `npm run` that started jest. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name)) env[name] = value;
  return { ...env, CHECKPOINT_DISABLE: '1', CI: 'true', npm_config_cache: NPM_CACHE };
}

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, env: userEnv(), stdio: 'pipe', timeout: 420_000 }).toString();
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${err.stdout ?? ''}${err.stderr ?? err.message}`);
  }
}

describe('the packed library in a fresh app', () => {
  const app = readmeApp(ROOT);
  let work = '';
  let tarball = '';
  let consumer = '';
  let out = '';

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-'));
    run('npm', ['pack', '--pack-destination', work], ROOT);
    tarball = path.join(
      work,
      fs.readdirSync(work).find((f) => f.endsWith('.tgz'))!,
    );
    consumer = path.join(work, 'app');
    fs.mkdirSync(consumer);
    run('npm', ['init', '-y'], consumer);
    fs.writeFileSync(path.join(consumer, 'cdktf.json'), app.cdktfJson);
    fs.writeFileSync(path.join(consumer, 'tsconfig.json'), app.tsconfigJson);
    fs.writeFileSync(path.join(consumer, 'main.ts'), app.mainTs);
    const args = app.installArgs.map((a) => (a === PACKAGE ? tarball : a));
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...args], consumer);
  }, 600_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('the README installs the package with its peers and the pinned tools', () => {
    expect(app.installArgs[0]).toBe(PACKAGE);
    expect(app.installArgs).toEqual(
      expect.arrayContaining([
        'cdktf@~0.21.0',
        'constructs@^10.4.2',
        'cdktf-cli@~0.21.0',
        'typescript@~5.9.3',
        'ts-node@^10.9.2',
      ]),
    );
  });

  test('the tarball holds the compiled library, its declarations, .jsii, the bindings and the CLI, and no sources', () => {
    const files = run('tar', ['-tzf', tarball], work).split('\n').filter(Boolean);
    expect(files).toEqual(
      expect.arrayContaining([
        'package/dist/lib/index.js',
        'package/dist/lib/index.d.ts',
        'package/dist/lib/cli/main.js',
        'package/dist/lib/.gen/providers/alicloud/ram-role/index.js',
        'package/.jsii',
        'package/bin/cdktf-xaccount.js',
      ]),
    );
    const unwanted = files.filter((f) => /^package\/(lib|test|scripts|examples|bench|schema)\/|\.ts$/.test(f));
    expect(unwanted.filter((f) => !f.endsWith('.d.ts'))).toEqual([]);
  });

  test('installing it runs nothing: no install scripts, and prepare is a no-op outside a checkout', () => {
    const installed = JSON.parse(
      fs.readFileSync(path.join(consumer, 'node_modules', PACKAGE, 'package.json'), 'utf8'),
    ) as { scripts?: { [name: string]: string } };
    expect(Object.keys(installed.scripts ?? {}).filter((s) => /^(pre|post)?install$/.test(s))).toEqual([]);
    // npm runs `prepare` only in a checkout (npm ci, git dependencies); without scripts/ it is a no-op, not a failure.
    const installedDir = path.join(consumer, 'node_modules', PACKAGE);
    run('npm', ['run', 'prepare'], installedDir);
    expect(fs.existsSync(path.join(installedDir, 'lib'))).toBe(false);
  });

  test('the quickstart type-checks against the installed declarations', () => {
    expect(() => run(path.join(consumer, 'node_modules', '.bin', 'tsc'), ['--noEmit'], consumer)).not.toThrow();
  });

  test('cdktf synth writes both stacks with the policies the README shows', () => {
    run(path.join(consumer, 'node_modules', '.bin', 'cdktf'), ['synth'], consumer);
    out = path.join(consumer, 'cdktf.out');
    const stack = (name: string) =>
      JSON.parse(fs.readFileSync(path.join(out, 'stacks', name, 'cdk.tf.json'), 'utf8')) as {
        resource: { [type: string]: { [name: string]: { [attr: string]: unknown } } };
      };
    const trust = Object.values(stack('owner').resource.alicloud_ram_role).map((r) => r.assume_role_policy_document);
    const grant = Object.values(stack('partner').resource.alicloud_ram_policy).map((r) => r.policy_document);
    expect(app.shownPolicies).toHaveLength(2);
    expect(trust).toEqual([app.shownPolicies[0]]);
    expect(grant).toEqual([app.shownPolicies[1]]);
  });

  test('the installed cdktf-xaccount checks the synthesized output', () => {
    expect(out).not.toBe('');
    const text = run(
      path.join(consumer, 'node_modules', '.bin', 'cdktf-xaccount'),
      ['check', 'cdktf.out', '--fail-on', 'high'],
      consumer,
    );
    expect(text).toContain('0 open finding(s) at or above high');
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(run(path.join(consumer, 'node_modules', '.bin', 'cdktf-xaccount'), ['--version'], consumer)).toBe(
      `cdktf-xaccount ${version}\n`,
    );
  });
});
