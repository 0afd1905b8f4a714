// Synthesizes the flagship app (examples/log-service-partner) with the cdktn flavour into the folder
// given as the first argument: the same stacks code, with `cdktf` resolved to cdktn 0.24, `constructs`
// to cdktn's constructs and `../../lib` to the jsii-compiled cdktn flavour in .build/cdktn/dist/lib
// (scripts/flavour.js builds it). Run in its own process by test/flavour/cdktn.test.ts, so nothing of
// the cdktf flavour is loaded.
'use strict';
const Module = require('module');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const FLAVOUR = path.join(ROOT, '.build', 'cdktn');
const moduleDir = (name) => path.dirname(require.resolve(`${name}/package.json`, { paths: [FLAVOUR] }));
const CDKTN = moduleDir('cdktn');
const CONSTRUCTS = moduleDir('constructs');
const EXAMPLES = path.join(ROOT, 'examples');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  let target = request;
  if (request === 'cdktf' || request.startsWith('cdktf/')) target = CDKTN + request.slice('cdktf'.length);
  else if (request === 'constructs') target = CONSTRUCTS;
  else if (
    parent &&
    parent.filename &&
    parent.filename.startsWith(EXAMPLES + path.sep) &&
    /^(\.\.\/)+lib(\/|$)/.test(request)
  ) {
    const absolute = path.resolve(path.dirname(parent.filename), request);
    target = path.join(FLAVOUR, 'dist', path.relative(ROOT, absolute));
  }
  return resolve.call(this, target, parent, ...rest);
};

require('ts-node').register({ transpileOnly: true, project: path.join(ROOT, 'tsconfig.json') });
const { App } = require('cdktf');
const { buildLogServicePartnerApp } = require(path.join(EXAMPLES, 'log-service-partner', 'stacks'));
const { readEnvironment } = require(path.join(EXAMPLES, 'shared', 'environment'));

const env = JSON.parse(process.argv[3] || '{}');
const app = new App({ outdir: process.argv[2] });
buildLogServicePartnerApp(app, readEnvironment(env));
app.synth();
// Which framework and which library files synthesized it (sources or compiled flavour), for the test.
const libraries = [path.join(ROOT, 'lib') + path.sep, path.join(FLAVOUR, 'dist', 'lib') + path.sep];
const library = Object.keys(require.cache).filter((file) => libraries.some((dir) => file.startsWith(dir)));
console.log(JSON.stringify({ framework: require.resolve('cdktf'), library }));
