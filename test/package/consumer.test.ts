// The package as a user meets it, in both flavours: `npm run package` of this checkout (the cdktf
// tarball by `npm pack`, whose prepack builds from scratch; the cdktn one built in .build/cdktn),
// each installed into a fresh TypeScript app made only of what the README's Install and Quickstart
// sections show, type-checked and synthesized with the real CLI of its framework: cdktf-cli on this
// machine's Node, cdktn-cli on Node 22 (scripts/node22.js; it does not start on Node 20), with
// constructs 10.7 as the README installs it and 10.6, the lowest its peer range allows. It needs the
// npm registry, so CI runs it as its own step (`npm run test:package`) rather than inside `npm test`.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importersOfCdktf } from '../support/cdktf-imports';
import { readmeApp } from './readme-app';

const ROOT = path.resolve(__dirname, '..', '..');
/** npm's cache, kept between runs (gitignored) so a repeated run downloads nothing. */
const NPM_CACHE = path.join(ROOT, '.cache', 'npm');

/** The environment of a user's shell: none of the npm_* variables of the `npm run` that started jest. */
function userEnv(binDir?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name)) env[name] = value;
  const PATH = binDir ? `${binDir}${path.delimiter}${env.PATH ?? ''}` : env.PATH;
  return { ...env, PATH, CHECKPOINT_DISABLE: '1', CI: 'true', npm_config_cache: NPM_CACHE };
}

function run(command: string, args: string[], cwd: string, binDir?: string): string {
  try {
    return execFileSync(command, args, { cwd, env: userEnv(binDir), stdio: 'pipe', timeout: 420_000 }).toString();
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${err.stdout ?? ''}${err.stderr ?? err.message}`);
  }
}

const app = readmeApp(ROOT);
const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** One way a user installs the library: its package, the app's code and the framework's CLI. */
interface Flavour {
  readonly title: string;
  readonly pkg: string;
  readonly installArgs: string[];
  readonly expectedArgs: string[];
  /** The constructs minor version the app gets. */
  readonly constructs: RegExp;
  readonly mainTs: string;
  readonly cli: string;
  /** Whether the CLI runs on Node 22 from .cache/node22 (cdktn-cli) rather than on this machine's Node. */
  readonly node22: boolean;
}

const CDKTN_ARGS = app.cdktnInstallArgs;
const FLAVOURS: Flavour[] = [
  {
    title: 'cdktf 0.21',
    pkg: 'cdktf-alicloud-cross-account',
    installArgs: app.installArgs,
    expectedArgs: ['cdktf@~0.21.0', 'constructs@^10.4.2', 'cdktf-cli@~0.21.0', 'typescript@~5.9.3', 'ts-node@^10.9.2'],
    constructs: /^10\.\d+\./,
    mainTs: app.mainTs,
    cli: 'cdktf',
    node22: false,
  },
  {
    title: 'cdktn 0.24, constructs 10.7',
    pkg: 'cdktn-alicloud-cross-account',
    installArgs: CDKTN_ARGS,
    expectedArgs: ['cdktn@~0.24.0', 'constructs@~10.7.0', 'cdktn-cli@~0.24.0', 'typescript@~5.9.3', 'ts-node@^10.9.2'],
    constructs: /^10\.7\./,
    mainTs: app.cdktnMainTs,
    cli: 'cdktn',
    node22: true,
  },
  {
    title: 'cdktn 0.24, constructs 10.6',
    pkg: 'cdktn-alicloud-cross-account',
    installArgs: CDKTN_ARGS.map((a) => (a.startsWith('constructs@') ? 'constructs@~10.6.0' : a)),
    expectedArgs: ['cdktn@~0.24.0', 'constructs@~10.6.0', 'cdktn-cli@~0.24.0'],
    constructs: /^10\.6\./,
    mainTs: app.cdktnMainTs,
    cli: 'cdktn',
    node22: true,
  },
];

let node22Bin = '';
/** The tarballs `npm run package` wrote, by package name. */
const tarballs = new Map<string, string>();

beforeAll(() => {
  const written = run('npm', ['run', '--silent', 'package'], ROOT).trim().split('\n');
  // The wheels it writes too are test/python's.
  for (const file of written.filter((f) => f.endsWith('.jsii.tgz')))
    tarballs.set(path.basename(file).replace(/@[^@]*$/, ''), path.join(ROOT, file));
  node22Bin = run('node', [path.join(ROOT, 'scripts', 'node22.js')], ROOT).trim();
}, 600_000);

test("npm run package writes both flavours in jsii-pacmak's layout", () => {
  expect([...tarballs.values()].map((f) => path.relative(ROOT, f)).sort()).toEqual([
    `dist/js/cdktf-alicloud-cross-account@${version}.jsii.tgz`,
    `dist/js/cdktn-alicloud-cross-account@${version}.jsii.tgz`,
  ]);
});

test('the cdktn app is the quickstart with cdktn in both imports', () => {
  expect(app.cdktnMainTs).toContain("import { App } from 'cdktn';");
  expect(app.cdktnMainTs).toContain("} from 'cdktn-alicloud-cross-account';");
  expect(app.cdktnMainTs).not.toMatch(/cdktf/);
});

describe.each(FLAVOURS)('the packed library in a fresh $title app', (flavour) => {
  const PACKAGE = flavour.pkg;
  const bin = () => (flavour.node22 ? node22Bin : undefined);
  let work = '';
  let tarball = '';
  let consumer = '';
  let out = '';

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-'));
    tarball = tarballs.get(PACKAGE)!;
    consumer = path.join(work, 'app');
    fs.mkdirSync(consumer);
    run('npm', ['init', '-y'], consumer);
    fs.writeFileSync(path.join(consumer, 'cdktf.json'), app.cdktfJson);
    fs.writeFileSync(path.join(consumer, 'tsconfig.json'), app.tsconfigJson);
    fs.writeFileSync(path.join(consumer, 'main.ts'), flavour.mainTs);
    const args = flavour.installArgs.map((a) => (a === PACKAGE ? tarball : a));
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...args], consumer);
  }, 600_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('the README installs the package with its peers and the pinned tools', () => {
    expect(flavour.installArgs[0]).toBe(PACKAGE);
    expect(flavour.installArgs).toEqual(expect.arrayContaining(flavour.expectedArgs));
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

  test('a cdktn app gets no cdktf: none in its node_modules, no cdktf import in the package', () => {
    const installed = path.join(consumer, 'node_modules', PACKAGE);
    expect(importersOfCdktf(installed, ['.js', '.d.ts'])).toEqual(
      flavour.cli === 'cdktn' ? [] : expect.arrayContaining([path.join('dist', 'lib', 'private', 'framework.js')]),
    );
    expect(fs.existsSync(path.join(consumer, 'node_modules', 'cdktf'))).toBe(flavour.cli === 'cdktf');
  });

  test('the app has the constructs it asked for', () => {
    const installed = JSON.parse(
      fs.readFileSync(path.join(consumer, 'node_modules', 'constructs', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(installed.version).toMatch(flavour.constructs);
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

  test(`${flavour.cli} synth writes both stacks with the policies the README shows`, () => {
    run(path.join(consumer, 'node_modules', '.bin', flavour.cli), ['synth'], consumer, bin());
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

  if (flavour.node22) {
    test('cdktn synth runs on Node 22 and, as the README says, stops at start on Node 20', () => {
      expect(run(path.join(node22Bin, 'node'), ['--version'], consumer).trim()).toMatch(/^v22\.(19|[2-9]\d)\./);
      // This machine's Node (the one jest runs on) is 20; on a newer one there is nothing to show.
      if (!process.versions.node.startsWith('20.')) return;
      const cli = path.join(consumer, 'node_modules', '.bin', 'cdktn');
      expect(() => run(cli, ['synth', '--output', 'node20.out'], consumer)).toThrow(
        'util.markAsUncloneable is not a function',
      );
    });
  }

  test('the installed cdktf-xaccount checks the synthesized output', () => {
    expect(out).not.toBe('');
    const text = run(
      path.join(consumer, 'node_modules', '.bin', 'cdktf-xaccount'),
      ['check', 'cdktf.out', '--fail-on', 'high'],
      consumer,
      bin(),
    );
    expect(text).toContain('0 open finding(s) at or above high');
    expect(run(path.join(consumer, 'node_modules', '.bin', 'cdktf-xaccount'), ['--version'], consumer, bin())).toBe(
      `cdktf-xaccount ${version}\n`,
    );
  });
});
