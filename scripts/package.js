#!/usr/bin/env node
// `npm run package`: both flavours of the library as tarballs in jsii-pacmak's layout,
// dist/js/<package>@<version>.jsii.tgz: cdktf-alicloud-cross-account (this checkout, built by its
// prepack) and cdktn-alicloud-cross-account (built by scripts/flavour.js in .build/cdktn). Each is
// compiled by jsii with bindings from its framework's own generator. Then each flavour's Python
// wheel, dist/python/<module>-<version>-py3-none-any.whl, by jsii-pacmak (which needs python3 with
// venv and pip, and PyPI for its build tools). Prints the paths of the tarballs, then the wheels'.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { buildCdktn } = require('./flavour');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'dist', 'js');

/** Packs the package in `dir` and moves the tarball to dist/js/<name>@<version>.jsii.tgz. */
function pack(dir, extraArgs) {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'package-'));
  try {
    execFileSync('npm', ['pack', '--silent', '--pack-destination', temporary, ...extraArgs], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const [tarball] = fs.readdirSync(temporary).filter((f) => f.endsWith('.tgz'));
    fs.mkdirSync(outDir, { recursive: true });
    const target = path.join(outDir, `${name}@${version}.jsii.tgz`);
    fs.copyFileSync(path.join(temporary, tarball), target);
    return target;
  } finally {
    fs.rmSync(temporary, { recursive: true, force: true });
  }
}

/**
 * The Python wheel of the package built in `dir`, by jsii-pacmak, into dist/python/; returns its path.
 * pacmak packs the package again (with npm pack) to embed it in the wheel: without its scripts, since
 * the build it would run (prepack) is the one that just happened.
 */
function wheel(dir) {
  const { name, version, jsii } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const pythonDir = path.join(root, 'dist', 'python');
  const expected = path.join(pythonDir, `${jsii.targets.python.module}-${version}-py3-none-any.whl`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pacmak-'));
  try {
    const pacmak = path.join(root, 'node_modules', '.bin', 'jsii-pacmak');
    execFileSync(pacmak, ['--targets', 'python', '--outdir', work, '--no-fingerprint', '--force'], {
      cwd: dir,
      env: { ...process.env, npm_config_ignore_scripts: 'true' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    fs.mkdirSync(pythonDir, { recursive: true });
    for (const file of fs.readdirSync(path.join(work, 'python'))) {
      fs.copyFileSync(path.join(work, 'python', file), path.join(pythonDir, file));
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (!fs.existsSync(expected)) throw new Error(`jsii-pacmak wrote no ${path.relative(root, expected)} for ${name}`);
  return expected;
}

/** Runs `step`, and tells on stderr how long it took (stdout is for the paths written). */
function timed(what, step) {
  const started = Date.now();
  const result = step();
  console.error(`package: ${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function main() {
  // The cdktf flavour first: its prepack (npm run build) empties dist/.
  const cdktf = timed('cdktf tarball (npm pack, with its build)', () => pack(root, []));
  // The cdktn flavour is built already; its package.json keeps only the no-op prepare.
  const cdktnDir = await buildCdktn();
  const cdktn = timed('cdktn tarball (npm pack)', () => pack(cdktnDir, ['--ignore-scripts']));
  const wheels = [root, cdktnDir].map((dir) => timed(`wheel of ${path.relative(root, dir) || '.'}`, () => wheel(dir)));
  for (const file of [cdktf, cdktn, ...wheels]) console.log(path.relative(root, file));
}

main().catch((err) => {
  console.error(`package: ${err && err.message ? err.message : err}`);
  process.exit(1);
});
