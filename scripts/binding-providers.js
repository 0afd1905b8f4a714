// The providers whose bindings scripts/generate-bindings.js generates: one entry a provider, each with
// the folder that holds its provider.json (source, pinned version, constraint, schema file name).
// Kept apart from the generator so that adding a provider is a one-line change to this list.
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

/** Each provider: its local name (the folder below lib/.gen/providers) and its schema folder. */
const PROVIDERS = [
  { name: 'alicloud', schemaDir: 'schema' },
  { name: 'ucloud', schemaDir: path.join('schema', 'ucloud') },
];

/** Every provider with its parsed provider.json (`meta`) and the absolute path of its schema file. */
function bindingProviders() {
  return PROVIDERS.map(({ name, schemaDir }) => {
    const meta = JSON.parse(fs.readFileSync(path.join(root, schemaDir, 'provider.json'), 'utf8'));
    return { name, meta, schemaPath: path.join(root, schemaDir, meta.schemaFile) };
  });
}

module.exports = { bindingProviders };
