#!/usr/bin/env node
// Node 22 for CDK Terrain's CLI (cdktn-cli needs Node >= 22.19; on Node 20 it stops at start with
// `util.markAsUncloneable is not a function`). The npm package `node` ships a Node binary; this
// installs the pinned version into .cache/node22 (gitignored) once and prints the folder holding
// the `node` binary, to put first on PATH. Usage: node scripts/node22.js
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
/** The Node 22 the cdktn runs use: >= 22.19, as cdktn-cli 0.24 requires. */
const VERSION = '22.23.3';
const prefix = path.join(root, '.cache', 'node22');
const binDir = path.join(prefix, 'node_modules', 'node', 'bin');

function installedVersion() {
  try {
    return execFileSync(path.join(binDir, 'node'), ['--version']).toString().trim();
  } catch {
    return '';
  }
}

/** Installs Node VERSION into .cache/node22 unless it is there; returns the folder of its binary. */
function node22() {
  if (installedVersion() === `v${VERSION}`) return binDir;
  fs.rmSync(prefix, { recursive: true, force: true });
  fs.mkdirSync(prefix, { recursive: true });
  fs.writeFileSync(path.join(prefix, 'package.json'), '{ "private": true }\n');
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `node@${VERSION}`],
    {
      cwd: prefix,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, npm_config_cache: path.join(root, '.cache', 'npm') },
    },
  );
  const got = installedVersion();
  if (got !== `v${VERSION}`) throw new Error(`node22: installed node@${VERSION} but ${binDir}/node says "${got}"`);
  return binDir;
}

module.exports = { node22, VERSION };

if (require.main === module) {
  try {
    console.log(node22());
  } catch (err) {
    console.error(`node22: ${err && err.message ? err.message : err}`);
    process.exit(1);
  }
}
