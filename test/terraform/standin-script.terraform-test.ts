// `npm run terraform:standin`: the mirror and CLI configuration it prints last, the cached build
// that is redone when the sources or the schema change, and its message when a tool is missing.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/cdktf';
import { tempDir } from './terraform';

const SCRIPT = path.join(ROOT, 'scripts', 'terraform-standin.js');

function runScript(env: { [name: string]: string | undefined } = process.env) {
  return spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env });
}

/** The build stamp of a copy of the sources and schema, as the script computes it. */
function stampOf(sources: string, schema: string): string {
  const code = `process.stdout.write(require(${JSON.stringify(SCRIPT)}).buildStamp(process.argv[1], process.argv[2], 'go1', 'linux_amd64'))`;
  return execFileSync(process.execPath, ['-e', code, sources, schema], { encoding: 'utf8' });
}

test('prints the CLI configuration last; it installs aliyun/alicloud from the mirror and nothing else', () => {
  const run = runScript();
  expect(run.status).toBe(0);
  const config = run.stdout.trim().split('\n').pop() as string;
  expect(path.isAbsolute(config)).toBe(true);
  const text = fs.readFileSync(config, 'utf8');
  const mirror = /path\s*=\s*"([^"]+)"/.exec(text)?.[1] as string;
  expect(text).toContain('filesystem_mirror {');
  expect(text).toContain('include = ["registry.terraform.io/aliyun/alicloud"]');
  expect(text).not.toMatch(/direct|network_mirror/);
  const platforms = fs.readdirSync(path.join(mirror, 'registry.terraform.io', 'aliyun', 'alicloud', '1.289.0'));
  expect(platforms).toEqual([expect.stringMatching(/^[a-z0-9]+_[a-z0-9]+$/)]);
  const binary = path.join(mirror, 'registry.terraform.io/aliyun/alicloud/1.289.0', platforms[0]);
  expect(fs.readdirSync(binary)).toEqual(['terraform-provider-alicloud_v1.289.0']);
});

test('a second run reuses the cached build', () => {
  runScript();
  const again = runScript();
  expect(again.status).toBe(0);
  expect(again.stderr).not.toContain('built');
});

test('the build is redone when a source file or the schema changes', () => {
  const sources = tempDir('standin-src-');
  for (const f of fs.readdirSync(path.join(ROOT, 'terraform', 'standin'))) {
    fs.copyFileSync(path.join(ROOT, 'terraform', 'standin', f), path.join(sources, f));
  }
  const schema = path.join(tempDir('standin-schema-'), 'schema.json');
  fs.copyFileSync(path.join(ROOT, 'schema', 'alicloud-provider-schema.json'), schema);
  const original = stampOf(sources, schema);
  expect(stampOf(path.join(ROOT, 'terraform', 'standin'), schema)).toBe(original);
  fs.appendFileSync(path.join(sources, 'main.go'), '\n// changed\n');
  const changedSource = stampOf(sources, schema);
  expect(changedSource).not.toBe(original);
  fs.appendFileSync(schema, ' ');
  expect(stampOf(sources, schema)).not.toBe(changedSource);
});

test('says which tool is missing when Go or Terraform is not on PATH', () => {
  const bin = tempDir('standin-path-');
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  const noGo = runScript({ ...process.env, PATH: bin });
  expect(noGo.status).toBe(1);
  expect(noGo.stderr).toBe(
    'terraform:standin: go is not installed or not on PATH; the stand-in provider is built with Go (1.25 or later)\n',
  );
  const go = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  fs.symlinkSync(path.join(go, 'bin', 'go'), path.join(bin, 'go'));
  const noTerraform = runScript({ ...process.env, PATH: bin });
  expect(noTerraform.status).toBe(1);
  expect(noTerraform.stderr).toBe(
    'terraform:standin: terraform is not installed or not on PATH; install Terraform (1.11 is what CI uses) to run the stand-in\n',
  );
});
