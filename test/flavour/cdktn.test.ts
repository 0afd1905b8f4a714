// The cdktn flavour, built as `npm run package` builds it (scripts/flavour.js, into .build/cdktn):
// it imports no cdktf anywhere, its bindings come from cdktn's generator, and it synthesizes the
// flagship exactly as the cdktf flavour does apart from the framework's version, which is what the
// README's migration note promises (state and addresses unchanged). Needs no registry.
import { App } from 'cdktf';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildLogServicePartnerApp } from '../../examples/log-service-partner/stacks';
import { readEnvironment } from '../../examples/shared/environment';
import { CDKTF_IMPORT, filesBelow, importersOfCdktf } from '../support/cdktf-imports';
import { OWNER, PARTNER } from '../support/synth';

const ROOT = path.resolve(__dirname, '..', '..');
const FLAVOUR = path.join(ROOT, '.build', 'cdktn');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { swapFramework } = require('../../scripts/flavour') as { swapFramework: (text: string, to: string) => string };

beforeAll(() => {
  execFileSync('node', [path.join(ROOT, 'scripts', 'flavour.js')], { cwd: ROOT, stdio: 'pipe' });
}, 300_000);

describe('one source: lib/ reaches its framework through one module', () => {
  test('the import detector sees every form of a cdktf import, and not the word cdktf', () => {
    for (const line of [
      "import { App } from 'cdktf';",
      'const cdktf_1 = require("cdktf");',
      'const t = require("cdktf/lib/tfExpression");',
      'readonly stack: import("cdktf").TerraformStack;',
      "export { dependable } from 'cdktf/lib/tfExpression';",
      "import 'cdktf';",
    ]) {
      expect([line, CDKTF_IMPORT.test(line)]).toEqual([line, true]);
    }
    for (const line of [
      "const key = 'cdktf-xaccount';",
      'require("cdktn")',
      "from 'cdktf-alicloud-cross-account'",
      '// run `cdktf synth`',
    ]) {
      expect([line, CDKTF_IMPORT.test(line)]).toEqual([line, false]);
    }
  });

  test('in the sources, only lib/private/framework.ts imports cdktf (the generated bindings aside)', () => {
    const importers = importersOfCdktf(path.join(ROOT, 'lib'), ['.ts']).filter((f) => !f.startsWith('.gen'));
    expect(importers).toEqual([path.join('private', 'framework.ts')]);
  });

  test('the swap refuses a framework module that does not import cdktf, rather than building a mixed flavour', () => {
    expect(() => swapFramework("export { App } from 'cdktn';\n", 'cdktn')).toThrow(
      'flavour: lib/private/framework.ts does not import cdktf as expected',
    );
    expect(swapFramework("export { A } from 'cdktf';\nexport { b } from 'cdktf/lib/x';\n", 'cdktn')).toBe(
      "export { A } from 'cdktn';\nexport { b } from 'cdktn/lib/x';\n",
    );
  });
});

describe('the cdktn flavour as built (.build/cdktn)', () => {
  test('no compiled JavaScript, declaration or source of it imports cdktf', () => {
    const js = filesBelow(path.join(FLAVOUR, 'dist'), ['.js', '.d.ts']);
    expect(js.length).toBeGreaterThan(100);
    expect(importersOfCdktf(path.join(FLAVOUR, 'dist'), ['.js', '.d.ts'])).toEqual([]);
    expect(importersOfCdktf(path.join(FLAVOUR, 'lib'), ['.ts'])).toEqual([]);
    // The framework module and the bindings do import cdktn: the swap happened, it did not just drop imports.
    expect(fs.readFileSync(path.join(FLAVOUR, 'dist', 'lib', 'private', 'framework.js'), 'utf8')).toContain(
      'require("cdktn")',
    );
  });

  test('its .jsii depends on cdktn and constructs only, and names no cdktf type', () => {
    const assembly = JSON.parse(fs.readFileSync(path.join(FLAVOUR, '.jsii'), 'utf8')) as {
      name: string;
      dependencies: { [name: string]: string };
      dependencyClosure: { [name: string]: unknown };
      readme?: unknown;
    };
    expect(assembly.name).toBe('cdktn-alicloud-cross-account');
    expect(assembly.dependencies).toEqual({ cdktn: '^0.24.0', constructs: '>=10.6.0 <10.8.0' });
    expect(Object.keys(assembly.dependencyClosure).sort()).toEqual(['cdktn', 'constructs']);
    // The README (which talks about cdktf) is embedded as text; everything else is types and references.
    const text = JSON.stringify({ ...assembly, readme: undefined });
    expect(text).toContain('"cdktn.TerraformStack"');
    expect(text.match(/"cdktf[."/]/g) ?? []).toEqual([]);
  });

  test("its package.json has cdktn peers and its bindings come from cdktn's generator", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(FLAVOUR, 'package.json'), 'utf8')) as {
      name: string;
      peerDependencies: { [name: string]: string };
      devDependencies?: unknown;
    };
    expect(pkg.name).toBe('cdktn-alicloud-cross-account');
    expect(pkg.peerDependencies).toEqual({ cdktn: '^0.24.0', constructs: '>=10.6.0 <10.8.0' });
    expect(pkg.devDependencies).toBeUndefined();
    const provider = fs.readFileSync(
      path.join(FLAVOUR, 'lib', '.gen', 'providers', 'alicloud', 'provider', 'index.ts'),
    );
    expect(provider.toString()).toMatch(/from 'cdktn'/);
  });
});

/** Every file of a synth output folder, by relative path. */
function filesOf(dir: string): { [file: string]: string } {
  const result: { [file: string]: string } = {};
  for (const file of filesBelow(dir, [''])) result[file] = fs.readFileSync(path.join(dir, file), 'utf8');
  return result;
}

/**
 * A synthesized file with the framework's version set to `X` and empty lists and objects written as
 * `[]`/`{}` (cdktf 0.21 breaks them over two lines, cdktn does not; a raw newline never occurs in a
 * JSON string, so only layout is touched). Everything else stays byte for byte.
 */
function normalized(text: string, frameworkVersion: string): string {
  const versionLine = new RegExp(`^(\\s*)"version": "${frameworkVersion.replace(/\./g, '\\.')}"(,?)$`, 'gm');
  return text
    .replace(versionLine, '$1"version": "X"$2')
    .replace(/\[\n\s*\]/g, '[]')
    .replace(/\{\n\s*\}/g, '{}');
}

const ENVIRONMENTS: { [name: string]: { [variable: string]: string } } = {
  'local state': { OWNER_ACCOUNT_ID: OWNER, PARTNER_ACCOUNT_ID: PARTNER },
  'OSS state with Tablestore locking': {
    OWNER_ACCOUNT_ID: OWNER,
    PARTNER_ACCOUNT_ID: PARTNER,
    STATE_BUCKET: 'xaccount-state',
    STATE_LOCK_ENDPOINT: 'https://xaccount.cn-hangzhou.ots.aliyuncs.com',
    STATE_LOCK_TABLE: 'xaccount_locks',
  },
};

describe.each(Object.keys(ENVIRONMENTS))('the flagship (%s) synthesized by both flavours', (name) => {
  const env = ENVIRONMENTS[name];
  let cdktf: { [file: string]: string } = {};
  let cdktn: { [file: string]: string } = {};
  let loaded: { framework: string; library: string[] } = { framework: '', library: [] };

  beforeAll(() => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'flavours-'));
    const app = new App({ outdir: path.join(work, 'cdktf') });
    buildLogServicePartnerApp(app, readEnvironment(env));
    app.synth();
    const printed = execFileSync(
      'node',
      [path.join(__dirname, 'synth-flagship-cdktn.js'), path.join(work, 'cdktn'), JSON.stringify(env)],
      { cwd: ROOT, stdio: 'pipe' },
    );
    loaded = JSON.parse(printed.toString()) as typeof loaded;
    cdktf = filesOf(path.join(work, 'cdktf'));
    cdktn = filesOf(path.join(work, 'cdktn'));
    fs.rmSync(work, { recursive: true, force: true });
  }, 120_000);

  test('the cdktn run used cdktn and the compiled cdktn flavour, not the sources', () => {
    expect(loaded.framework).toMatch(/\/cdktn\/lib\/index\.js$/);
    expect(loaded.library.length).toBeGreaterThan(10);
    expect(loaded.library.filter((f) => !f.startsWith(path.join(FLAVOUR, 'dist', 'lib') + path.sep))).toEqual([]);
  });

  test('both write the same files, each stamped with its own framework version', () => {
    expect(Object.keys(cdktn)).toEqual(Object.keys(cdktf));
    expect(Object.keys(cdktf)).toEqual(['manifest.json', 'stacks/owner/cdk.tf.json', 'stacks/partner/cdk.tf.json']);
    for (const file of Object.keys(cdktf)) {
      expect([file, cdktf[file].includes('"version": "0.21.0"')]).toEqual([file, true]);
      expect([file, cdktn[file].includes('"version": "0.24.0"')]).toEqual([file, true]);
    }
  });

  test('every file is identical apart from the framework version and the layout of empty lists and objects', () => {
    for (const file of Object.keys(cdktf)) {
      expect([file, normalized(cdktn[file], '0.24.0')]).toEqual([file, normalized(cdktf[file], '0.21.0')]);
    }
  });

  test('as JSON, the stacks differ only in //.metadata.version: the same addresses, backend and state path', () => {
    for (const file of Object.keys(cdktf).filter((f) => f.endsWith('cdk.tf.json'))) {
      const a = JSON.parse(cdktf[file]) as { '//': { metadata: { version: string } } };
      const b = JSON.parse(cdktn[file]) as { '//': { metadata: { version: string } } };
      expect([a['//'].metadata.version, b['//'].metadata.version]).toEqual(['0.21.0', '0.24.0']);
      b['//'].metadata.version = a['//'].metadata.version;
      expect(b).toEqual(a);
    }
  });
});
