#!/usr/bin/env node
// `npm run package`: both flavours of the library as tarballs in jsii-pacmak's layout,
// dist/js/<package>@<version>.jsii.tgz: cdktf-alicloud-cross-account (this checkout, built by its
// prepack) and cdktn-alicloud-cross-account (built by scripts/flavour.js in .build/cdktn). Each is
// compiled by jsii with bindings from its framework's own generator. Prints the two paths.
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

async function main() {
  // The cdktf flavour first: its prepack (npm run build) empties dist/.
  const cdktf = pack(root, []);
  // The cdktn flavour is built already; its package.json keeps only the no-op prepare.
  const cdktn = pack(await buildCdktn(), ['--ignore-scripts']);
  console.log(path.relative(root, cdktf));
  console.log(path.relative(root, cdktn));
}

main().catch((err) => {
  console.error(`package: ${err && err.message ? err.message : err}`);
  process.exit(1);
});
