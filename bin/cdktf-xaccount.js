#!/usr/bin/env node
// The cdktf-xaccount command: in a checkout of this repository, the TypeScript sources through
// ts-node (never a stale build); in an installed package, which ships no sources, the compiled library.
'use strict';
const fs = require('fs');
const path = require('path');

const source = path.join(__dirname, '..', 'lib', 'cli', 'main.ts');
if (fs.existsSync(source)) {
  require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
  require(source).main();
} else {
  require(path.join(__dirname, '..', 'dist', 'lib', 'cli', 'main.js')).main();
}
