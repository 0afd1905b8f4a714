// The Python package as a Python user meets it: `npm run package` writes each flavour's wheel (by
// jsii-pacmak); each is pip-installed into a fresh venv with its framework from PyPI (cdktf==0.21.0,
// cdktn==0.24.0), and examples/python-partner-readonly/main.py is run the way its cdktf.json's app
// runs it (`python main.py`, whose app.synth() writes the stacks; no CLI involved). Its stacks must be
// the TypeScript examples/partner-readonly's for the same environment: the trust and permission
// policy JSON byte for byte, and for cdktf every stack file byte for byte. It needs PyPI (pip's cache
// is .cache/pip), so CI runs it as its own step, `npm run test:python`, not inside `npm test`.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildPartnerReadonlyApp } from '../../examples/partner-readonly/stacks';
import { readEnvironment } from '../../examples/shared/environment';
import { CrossAccountRole, PolicyReference, Principal } from '../../lib';
import { newestSource } from '../support/newest-source';
import { synthOut } from '../support/out';
import { quickstartOut } from '../support/quickstart';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', 'python-partner-readonly');
const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

type Env = { [name: string]: string };

/** A user's shell: none of the npm_* variables of the `npm run` that started jest, pip's cache kept. */
function userEnv(extra: Env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!/^(npm_|VIRTUAL_ENV$|PYTHON)/i.test(name)) env[name] = value;
  return {
    ...env,
    CHECKPOINT_DISABLE: '1',
    PIP_CACHE_DIR: path.join(ROOT, '.cache', 'pip'),
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    // The jsii runtime's banner about this machine's Node 20 (see the example's README).
    JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split('.')[0],
    ...extra,
  };
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function exec(command: string, args: string[], cwd: string, env: Env = {}): Run {
  const r = spawnSync(command, args, { cwd, env: userEnv(env), encoding: 'utf8', timeout: 420_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(command: string, args: string[], cwd: string, env: Env = {}): string {
  const r = exec(command, args, cwd, env);
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }
  return r.stdout;
}

/** Seconds since `started`, for the timings this test prints. */
const since = (started: number) => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** What the stacks say about access: each trust policy (stack owner) and permission policy (partner), verbatim. */
interface Policies {
  trust: string[];
  permission: string[];
}

function stackFile(out: string, stack: string): string {
  return fs.readFileSync(path.join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8');
}

function policiesOf(out: string): Policies {
  type Resources = { [type: string]: { [name: string]: { [attr: string]: string } } };
  const resources = (stack: string) => (JSON.parse(stackFile(out, stack)) as { resource: Resources }).resource;
  return {
    trust: Object.values(resources('owner').alicloud_ram_role).map((r) => r.assume_role_policy_document),
    permission: Object.values(resources('partner').alicloud_ram_policy).map((r) => r.policy_document),
  };
}

/** The stack files without cdktf's own metadata ("//": the framework's name and version). */
function withoutMetadata(out: string, stack: string): unknown {
  const json = JSON.parse(stackFile(out, stack)) as { [key: string]: unknown };
  delete json['//'];
  return json;
}

/** The TypeScript partner-readonly example synthesized with `env`. */
function typescriptOut(env: Env): string {
  return synthOut((app) => buildPartnerReadonlyApp(app, readEnvironment(env)));
}

/** One framework a Python user installs the library for. */
interface Flavour {
  readonly title: string;
  /** The framework's Python distribution, pinned. */
  readonly framework: string;
  /** The Python module of the library. */
  readonly module: string;
  /** Whether every stack file is byte-identical to the TypeScript (cdktf) example's, or all but its "//" metadata. */
  readonly sameFiles: boolean;
}

const FLAVOURS: Flavour[] = [
  { title: 'cdktf 0.21', framework: 'cdktf==0.21.0', module: 'cdktf_alicloud_cross_account', sameFiles: true },
  { title: 'cdktn 0.24', framework: 'cdktn==0.24.0', module: 'cdktn_alicloud_cross_account', sameFiles: false },
];

/** The environments both apps are synthesized with: the defaults, a revocation, other accounts, region and profiles. */
const ENVIRONMENTS: { [title: string]: Env } = {
  defaults: {},
  revoked: { PARTNER_ACCESS: 'revoked' },
  'other accounts, region and profiles': {
    OWNER_ACCOUNT_ID: '1234567890123456',
    PARTNER_ACCOUNT_ID: '6543210987654321',
    ALICLOUD_REGION: 'cn-shanghai',
    OWNER_PROFILE: 'owner-ci',
    PARTNER_PROFILE: 'partner.ci',
  },
};

const MAIN_PY = fs.readFileSync(path.join(EXAMPLE, 'main.py'), 'utf8');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
/** The README's Python quickstart: its first Python block. */
const QUICKSTART_PY = /```python\n([\s\S]*?)```/.exec(README)?.[1] ?? '';

/** A Python app for `flavour`: the cdktn flavour imports cdktn and its own module. */
function appFor(flavour: Flavour, mainPy: string): string {
  if (flavour.module === 'cdktf_alicloud_cross_account') return mainPy;
  return mainPy
    .replace(/^from cdktf import /m, 'from cdktn import ')
    .replace(/^from cdktf_alicloud_cross_account import /m, 'from cdktn_alicloud_cross_account import ');
}
const mainPyFor = (flavour: Flavour) => appFor(flavour, MAIN_PY);

/** The wheels `npm run package` wrote, by file name. */
const wheels = new Map<string, string>();
let work = '';

const WHEELS = FLAVOURS.map((f) => path.join(ROOT, 'dist', 'python', `${f.module}-${version}-py3-none-any.whl`));

/**
 * Whether the wheels in dist/python are newer than everything they are built from (the sources, the
 * assembly and the packaging scripts): then `npm run package` wrote them since the last change, as CI's
 * test:package step does just before this one, and building them again would give the same wheels.
 */
function wheelsAreCurrent(): boolean {
  const inputs = ['lib', 'bin', 'schema', '.jsii', 'package.json', 'package-lock.json', 'scripts', 'README.md'];
  const newest = newestSource(...inputs.map((p) => path.join(ROOT, p)));
  return WHEELS.every((w) => fs.existsSync(w) && fs.statSync(w).mtimeMs > newest);
}

beforeAll(() => {
  const started = Date.now();
  if (wheelsAreCurrent()) {
    for (const file of WHEELS) wheels.set(path.basename(file), file);
    console.log('npm run package: its wheels in dist/python are newer than their sources; using them');
  } else {
    const written = ok('npm', ['run', '--silent', 'package'], ROOT).trim().split('\n');
    for (const file of written.filter((f) => f.endsWith('.whl')))
      wheels.set(path.basename(file), path.join(ROOT, file));
    console.log(`npm run package: ${since(started)}`);
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'python-example-'));
}, 900_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test("npm run package writes both flavours' wheels in jsii-pacmak's layout, newer than their sources", () => {
  expect(wheelsAreCurrent()).toBe(true);
  expect([...wheels.values()].map((f) => path.relative(ROOT, f)).sort()).toEqual([
    `dist/python/cdktf_alicloud_cross_account-${version}-py3-none-any.whl`,
    `dist/python/cdktn_alicloud_cross_account-${version}-py3-none-any.whl`,
  ]);
});

test('the example is an app of cdktf.json\'s "python" language that runs main.py, with pinned requirements', () => {
  const cdktfJson = JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'cdktf.json'), 'utf8')) as { [k: string]: string };
  expect(cdktfJson).toMatchObject({ language: 'python', app: 'python main.py' });
  const requirements = fs
    .readFileSync(path.join(EXAMPLE, 'requirements.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  expect(requirements).toEqual([
    `../../dist/python/cdktf_alicloud_cross_account-${version}-py3-none-any.whl`,
    'cdktf==0.21.0',
  ]);
  for (const name of ['AccountStack', 'CrossAccountRole', 'AssumeRoleUserGrant', 'app.synth()'])
    expect(MAIN_PY).toContain(name);
});

test('the README installs the wheel with the framework this test installs', () => {
  const line = README.split('\n').find((l) => l.startsWith('pip install '));
  expect(line?.split(/\s+/).slice(2)).toEqual([
    `cdktf_alicloud_cross_account-${version}-py3-none-any.whl`,
    'cdktf==0.21.0',
  ]);
  expect(QUICKSTART_PY).toContain('from cdktf_alicloud_cross_account import (\n');
});

describe.each(FLAVOURS)('the wheel in a fresh venv with $framework', (flavour) => {
  let venv = '';
  let app = '';
  const python = () => path.join(venv, 'bin', 'python');
  const wheel = () => wheels.get(`${flavour.module}-${version}-py3-none-any.whl`)!;

  /** main.py run with `env` (as `cdktf synth` runs the app); returns its output folder. */
  function pythonOut(env: Env): string {
    const out = fs.mkdtempSync(path.join(work, 'out-'));
    ok(python(), ['main.py'], app, { ...env, CDKTF_OUTDIR: out });
    return out;
  }

  beforeAll(() => {
    venv = path.join(work, `venv-${flavour.module}`);
    let started = Date.now();
    ok('python3', ['-m', 'venv', venv], work);
    console.log(`${flavour.title}: python3 -m venv: ${since(started)}`);
    started = Date.now();
    ok(python(), ['-m', 'pip', 'install', '--no-input', '--quiet', wheel(), flavour.framework], work);
    console.log(`${flavour.title}: pip install of the wheel and ${flavour.framework}: ${since(started)}`);
    app = path.join(work, `app-${flavour.module}`);
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'main.py'), mainPyFor(flavour));
  }, 900_000);

  test('the app imports only its own framework and module', () => {
    const main = mainPyFor(flavour);
    const framework = flavour.framework.replace(/==.*/, '');
    expect(main).toContain(`from ${framework} import App\n`);
    expect(main).toContain(`from ${flavour.module} import (\n`);
    expect(main.match(/^(from|import) \S+/gm)).toEqual([
      'import os',
      'import re',
      'import sys',
      `from ${framework}`,
      `from ${flavour.module}`,
    ]);
  });

  test('pip installed the wheel with its pinned framework and the jsii runtime', () => {
    const installed = ok(python(), ['-m', 'pip', 'list', '--format=json'], work);
    const versions = new Map(
      (JSON.parse(installed) as { name: string; version: string }[]).map((p) => [p.name, p.version]),
    );
    expect(versions.get(flavour.module.replace(/_/g, '-'))).toBe(version);
    const [name, pinned] = flavour.framework.split('==');
    expect(versions.get(name)).toBe(pinned);
    expect(versions.get('jsii')).toMatch(/^1\./);
  });

  describe.each(Object.entries(ENVIRONMENTS))('with %s', (_title, env) => {
    let py = '';
    let ts = '';
    beforeAll(() => {
      py = pythonOut(env);
      ts = typescriptOut(env);
    }, 300_000);

    test('main.py writes both account stacks', () => {
      expect(fs.readdirSync(path.join(py, 'stacks')).sort()).toEqual(['owner', 'partner']);
    });

    test("its trust and permission policy JSON is byte-identical to the TypeScript example's", () => {
      const python = policiesOf(py);
      expect(python.trust).toHaveLength(1);
      expect(python.permission).toHaveLength(1);
      expect(python).toStrictEqual(policiesOf(ts));
    });

    test(
      flavour.sameFiles
        ? 'every stack file is byte-identical'
        : "every stack is identical but for the framework's metadata",
      () => {
        for (const stack of ['owner', 'partner']) {
          if (flavour.sameFiles) expect(stackFile(py, stack)).toBe(stackFile(ts, stack));
          else expect(withoutMetadata(py, stack)).toStrictEqual(withoutMetadata(ts, stack));
        }
      },
    );
  });

  test('the comparison sees a difference: another partner account gives another trust policy', () => {
    const py = pythonOut({ PARTNER_ACCOUNT_ID: '3000000000000003' });
    const ts = typescriptOut({});
    expect(policiesOf(py).trust).not.toEqual(policiesOf(ts).trust);
    expect(policiesOf(py).trust[0]).toContain('acs:ram::3000000000000003:root');
    expect(policiesOf(py).permission).toEqual(policiesOf(ts).permission);
    expect(stackFile(py, 'owner')).not.toBe(stackFile(ts, 'owner'));
  });

  test('a malformed variable stops main.py with one message naming it, exit 1 and no traceback', () => {
    const r = exec(python(), ['main.py'], app, { OWNER_ACCOUNT_ID: '12', CDKTF_OUTDIR: path.join(work, 'never') });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('Invalid environment: OWNER_ACCOUNT_ID "12" is not a 16-digit Alibaba Cloud account ID\n');
    expect(fs.existsSync(path.join(work, 'never'))).toBe(false);
  });

  test('the static factories read as Python and give what TypeScript gives', () => {
    const script = [
      'import json',
      `from ${flavour.module} import CrossAccountRole, PolicyReference, Principal`,
      'print(json.dumps([',
      '    Principal.account("2000000000000002").to_string(),',
      '    Principal.ram_user(account_id="2000000000000002", user_name="Bob").to_string(),',
      '    CrossAccountRole.arn_of("1000000000000001", "Partner-ReadOnly-Access"),',
      '    PolicyReference.system("AliyunECSReadOnlyAccess").policy_type,',
      ']))',
    ].join('\n');
    expect(JSON.parse(ok(python(), ['-c', script], work))).toEqual([
      Principal.account('2000000000000002').toString(),
      Principal.ramUser('2000000000000002', 'Bob').toString(),
      CrossAccountRole.arnOf('1000000000000001', 'Partner-ReadOnly-Access'),
      PolicyReference.system('AliyunECSReadOnlyAccess').policyType,
    ]);
  });

  test("bad input to the library raises RuntimeError with the library's one message", () => {
    const script = [
      `from ${flavour.module} import CrossAccountRole`,
      'try:',
      '    CrossAccountRole.arn_of("12", "Partner-ReadOnly-Access")',
      'except RuntimeError as e:',
      '    print(e)',
    ].join('\n');
    expect(ok(python(), ['-c', script], work)).toBe(
      'ValidationError: CrossAccountRole.arnOf: accountId "12" is not an account ID (a 16-digit Alibaba Cloud account ID)\n',
    );
  });

  test("the README's Python quickstart writes the TypeScript quickstart's stacks", async () => {
    fs.writeFileSync(path.join(work, `quickstart-${flavour.module}.py`), appFor(flavour, QUICKSTART_PY));
    const py = fs.mkdtempSync(path.join(work, 'quickstart-out-'));
    ok(python(), [`quickstart-${flavour.module}.py`], work, { CDKTF_OUTDIR: py });
    const ts = await quickstartOut();
    expect(policiesOf(py)).toStrictEqual(policiesOf(ts));
    for (const stack of ['owner', 'partner']) {
      if (flavour.sameFiles) expect(stackFile(py, stack)).toBe(stackFile(ts, stack));
      else expect(withoutMetadata(py, stack)).toStrictEqual(withoutMetadata(ts, stack));
    }
  });

  test('a struct is a class with keyword arguments; a dict of Python keys in a list is refused, as the README says', () => {
    const script = [
      'import json',
      `from ${flavour.module} import RamUserSpec`,
      'spec = RamUserSpec(user_name="Bob", display_name="Bob B")',
      'print(json.dumps([spec.user_name, spec.display_name, spec == RamUserSpec(**{"user_name": "Bob", "display_name": "Bob B"})]))',
    ].join('\n');
    expect(JSON.parse(ok(python(), ['-c', script], work))).toEqual(['Bob', 'Bob B', true]);
    const dictApp = mainPyFor(flavour).replace('users=[RamUserSpec(user_name="Bob")]', 'users=[{"user_name": "Bob"}]');
    expect(dictApp).not.toBe(mainPyFor(flavour));
    fs.writeFileSync(path.join(app, 'dict_users.py'), dictApp);
    const r = exec(python(), ['dict_users.py'], app, { CDKTF_OUTDIR: fs.mkdtempSync(path.join(work, 'dict-out-')) });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `Missing required properties for ${flavour.module.replace(/_/g, '-')}.RamUserSpec: 'userName'`,
    );
  });

  test("on Node 20 the jsii runtime's end-of-life banner shows unless silenced", () => {
    const script = `import ${flavour.module}`;
    const loud = exec(python(), ['-c', script], work, { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '' });
    const quiet = exec(python(), ['-c', script], work);
    expect([loud.status, quiet.status]).toEqual([0, 0]);
    expect(quiet.stderr).toBe('');
    if (process.versions.node.startsWith('20.')) expect(loud.stderr).toContain('Node 20 is end-of-life');
  });

  test('the wheel installs cdktf-xaccount, which checks the synthesized output', () => {
    const out = pythonOut({});
    const text = ok(path.join(venv, 'bin', 'cdktf-xaccount'), ['check', out, '--fail-on', 'high'], work);
    expect(text).toContain('0 open finding(s) at or above high');
  });
});
