#!/usr/bin/env node
// `npm run docgen`: the reference of the public API, rendered by jsii-docgen from the assembly (.jsii,
// which `npm run jsii` writes): API.md for TypeScript and API.python.md for Python. Only the root module:
// the `alicloud` namespace is the generated provider bindings, documented by their generator's shape.
// test/app/api-docs.test.ts fails when a committed file differs from what this renders, so a change
// of the public API must come with `npm run jsii && npm run docgen`.
'use strict';

const fs = require('fs');
const path = require('path');
const { Documentation, Language } = require('jsii-docgen');

const root = path.resolve(__dirname, '..');

/** Each reference file and the language it is rendered in. */
const FILES = { 'API.md': Language.TYPESCRIPT, 'API.python.md': Language.PYTHON };

/** The text of every reference file, by file name, rendered from the assembly in `dir`. */
async function renderApiDocs(dir = root) {
  const docs = await Documentation.forProject(dir);
  const files = {};
  for (const [file, language] of Object.entries(FILES)) {
    const markdown = await docs.toMarkdown({ language, allSubmodules: false });
    files[file] = markdown.render();
  }
  return files;
}

module.exports = { renderApiDocs, FILES };

if (require.main === module) {
  renderApiDocs().then(
    (files) => {
      for (const [file, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(root, file), text);
        console.log(`${file}: ${text.length} characters`);
      }
    },
    (err) => {
      console.error(`docgen: ${err && err.message ? err.message : err}`);
      process.exit(1);
    },
  );
}
