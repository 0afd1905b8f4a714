#!/usr/bin/env node
// npm run terraform:standin: builds the stand-in alicloud provider (terraform/standin, Go) into
// .cache/standin/, lays it out as a Terraform filesystem mirror, writes a CLI configuration that
// installs aliyun/alicloud from that mirror and nothing else from anywhere, and prints that
// configuration's absolute path as its last line. The build is cached: it is redone only when the
// Go sources, force-new.json, the schema, the Go version or the target change.
'use strict';

const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const sources = path.join(root, 'terraform', 'standin');
const meta = JSON.parse(fs.readFileSync(path.join(root, 'schema', 'provider.json'), 'utf8'));
const schemaPath = path.join(root, 'schema', meta.schemaFile);
const cache = path.join(root, '.cache', 'standin');

function fail(message) {
  process.stderr.write(`terraform:standin: ${message}\n`);
  process.exit(1);
}

/** Runs a tool and returns its output, or fails naming what is missing. */
function tool(command, args, what, env = process.env) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
  } catch (e) {
    if (e.code === 'ENOENT') fail(`${command} is not installed or not on PATH; ${what}`);
    fail(`${command} ${args.join(' ')} failed:\n${e.stderr || e.message}`);
  }
}

/** The files of the stand-in's sources that go into the build. */
function sourceFiles(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(go|json|mod|sum)$/.test(f))
    .sort();
}

/** What the cached build depends on: the sources, the schema, the Go version and the target. */
function buildStamp(dir, schemaFile, goVersion, target) {
  const hash = crypto.createHash('sha256');
  for (const f of sourceFiles(dir)) hash.update(`${f}\0`).update(fs.readFileSync(path.join(dir, f)));
  hash.update(fs.readFileSync(schemaFile)).update(goVersion).update(target).update(meta.version);
  return hash.digest('hex');
}

function main() {
  const goVersion = tool('go', ['version'], 'the stand-in provider is built with Go (1.25 or later)').trim();
  // Terraform itself is not needed to build, but nothing can use the mirror without it.
  const tfEnv = { ...process.env, TF_CLI_CONFIG_FILE: '', CHECKPOINT_DISABLE: '1' };
  const tfVersion = JSON.parse(
    tool('terraform', ['version', '-json'], 'install Terraform (1.11 is what CI uses) to run the stand-in', tfEnv),
  ).terraform_version;
  const [goos, goarch] = tool('go', ['env', 'GOOS', 'GOARCH'], '').trim().split(/\s+/);

  const files = sourceFiles(sources);
  const stamp = buildStamp(sources, schemaPath, goVersion, `${goos}_${goarch}`);

  const mirror = path.join(cache, 'mirror');
  const target = path.join(mirror, 'registry.terraform.io', 'aliyun', 'alicloud', meta.version, `${goos}_${goarch}`);
  const binary = path.join(target, `terraform-provider-alicloud_v${meta.version}`);
  const stampFile = path.join(cache, 'build-stamp');
  const upToDate = fs.existsSync(binary) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp;
  if (!upToDate) {
    const started = Date.now();
    const build = path.join(cache, 'src');
    fs.rmSync(build, { recursive: true, force: true });
    fs.rmSync(mirror, { recursive: true, force: true });
    fs.mkdirSync(build, { recursive: true });
    fs.mkdirSync(target, { recursive: true });
    for (const f of files) fs.copyFileSync(path.join(sources, f), path.join(build, f));
    fs.copyFileSync(schemaPath, path.join(build, 'alicloud-provider-schema.json')); // embedded
    execFileSync('go', ['build', '-trimpath', '-mod=readonly', '-o', binary, '.'], {
      cwd: build,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CGO_ENABLED: '0' },
    });
    fs.writeFileSync(stampFile, stamp);
    process.stderr.write(`terraform:standin: built ${path.relative(root, binary)} in ${Date.now() - started} ms\n`);
  }

  const config = path.join(cache, 'terraform.rc');
  fs.writeFileSync(
    config,
    [
      '# Written by scripts/terraform-standin.js: aliyun/alicloud from the stand-in mirror, nothing else.',
      'disable_checkpoint = true',
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = ${JSON.stringify(mirror)}`,
      '    include = ["registry.terraform.io/aliyun/alicloud"]',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  process.stderr.write(
    `terraform:standin: Terraform ${tfVersion}, ${goVersion}, provider aliyun/alicloud ${meta.version} (stand-in)\n`,
  );
  process.stdout.write(`${config}\n`);
}

if (require.main === module) main();
module.exports = { buildStamp };
