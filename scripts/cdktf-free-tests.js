// The test files below a folder that load neither cdktf nor constructs, directly or through the files they
// import (followed transitively, relative imports only): the tests Stryker can afford to run for every
// mutant. A file that loads cdktf costs seconds per mutant, because Jest loads every test file of the run
// even when none of its tests covers the mutant. Used by jest.mutation.config.js; checked by
// test/analysis/mutation-tests.test.ts.
'use strict';

const fs = require('fs');
const path = require('path');

const IMPORT = /(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^import\s+)["']([^"']+)["']/gm;
const HEAVY = /^(?:cdktf|constructs)(?:\/|$)/;

/** The file a relative import of `from` names, or undefined when it is not one of ours. */
function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [
    `${base}.ts`,
    `${base}.js`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.js'),
    base,
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Whether `file`, or a file it imports, loads cdktf or constructs (memoized in `seen`). */
function loadsCdktf(file, seen = new Map()) {
  if (seen.has(file)) return seen.get(file);
  seen.set(file, false); // an import cycle adds nothing
  const text = fs.readFileSync(file, 'utf8');
  let heavy = false;
  for (const [, spec] of text.matchAll(IMPORT)) {
    if (HEAVY.test(spec)) heavy = true;
    else if (spec.startsWith('.')) {
      const target = resolve(file, spec);
      if (target && !target.endsWith('.json') && loadsCdktf(target, seen)) heavy = true;
    }
    if (heavy) break;
  }
  seen.set(file, heavy);
  return heavy;
}

/** The `*.test.ts` files below `dir` (absolute) that load no cdktf, sorted. */
function cdktfFreeTests(dir) {
  const seen = new Map();
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f))
    .filter((f) => !loadsCdktf(f, seen))
    .sort();
}

module.exports = { cdktfFreeTests, loadsCdktf };
