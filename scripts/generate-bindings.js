#!/usr/bin/env node
// Generates the typed cdktf bindings of each provider of scripts/binding-providers.js (Alibaba Cloud,
// UCloud) into lib/.gen/providers/<name> from its committed schema subset (schema/alicloud-provider-schema.json,
// schema/ucloud/provider-schema.json). The output is gitignored and never edited by hand: change the
// schema file (scripts/refresh-schema) and run this again.
//
// It uses @cdktf/provider-generator's TerraformProviderGenerator with an explicit provider
// constraint rather than generateProviderBindingsFromSchema(), because only the constraint
// carries the version line (`~> 1.289`) into the synthesized `required_providers` block.
//
// The cdktn flavour (scripts/flavour.js) calls generate() with cdktn's own generator
// (@cdktn/provider-generator, @cdktn/commons) and a folder of its build copy.
'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const { bindingProviders } = require('./binding-providers');

const root = path.resolve(__dirname, '..');

/** The generator packages of each framework flavour. */
const GENERATORS = {
  cdktf: { generator: '@cdktf/provider-generator', commons: '@cdktf/commons' },
  cdktn: { generator: '@cdktn/provider-generator', commons: '@cdktn/commons' },
};

function stamp(generator, { meta, schemaPath }) {
  const generatorVersion = require(`${generator}/package.json`).version;
  const hash = crypto.createHash('sha256');
  hash.update(fs.readFileSync(schemaPath));
  hash.update(JSON.stringify(meta));
  hash.update(generatorVersion);
  hash.update(fs.readFileSync(__filename));
  return hash.digest('hex');
}

/**
 * Generates the bindings of `flavour` (cdktf or cdktn) into `<genDir>/providers/<name>` for every
 * provider, each unless it is up to date with its schema and the generator (or `force`); `log` gets
 * one summary line a provider generated.
 */
async function generate(options = {}) {
  for (const provider of bindingProviders()) await generateProvider(provider, options);
}

/** One provider's bindings (see generate). */
async function generateProvider(
  provider,
  { flavour = 'cdktf', genDir = path.join(root, 'lib', '.gen'), force = false, log = console.log } = {},
) {
  const { name, meta, schemaPath } = provider;
  const { generator: generatorPackage, commons } = GENERATORS[flavour];
  const outDir = path.join(genDir, 'providers');
  const stampPath = path.join(outDir, name, '.schema-stamp');
  const wanted = stamp(generatorPackage, provider);
  if (!force && fs.existsSync(stampPath)) {
    if (fs.readFileSync(stampPath, 'utf8') === wanted) {
      return; // bindings are up to date with the schema
    }
  }
  const started = Date.now();
  // @cdktf/commons runs `terraform version` when it is loaded; a TF_CLI_CONFIG_FILE that names a
  // missing file makes Terraform warn, which commons logs as [ERROR]. The version is not used here.
  if (process.env.TF_CLI_CONFIG_FILE && !fs.existsSync(process.env.TF_CLI_CONFIG_FILE)) {
    delete process.env.TF_CLI_CONFIG_FILE;
  }
  const { TerraformProviderGenerator, CodeMaker } = require(generatorPackage);
  const { ConstructsMakerProviderTarget, TerraformProviderConstraint, LANGUAGES } = require(commons);

  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  const code = new CodeMaker();
  const generator = new TerraformProviderGenerator(code, schema);
  const constraint = new TerraformProviderConstraint({
    name,
    source: meta.source,
    version: meta.versionConstraint,
  });
  generator.generate(new ConstructsMakerProviderTarget(constraint, LANGUAGES[0]));

  // The generator writes providers/<name>/... below the folder it is given; other providers' folders stay.
  fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
  await code.save(genDir);
  fs.writeFileSync(stampPath, wanted);
  const files = fs.readdirSync(path.join(outDir, name));
  log(
    `generated ${name} provider bindings with ${generatorPackage} (${meta.source} ${meta.versionConstraint}, ` +
      `schema of ${meta.version}): ${files.length} entries in ${path.relative(root, outDir)}/${name} in ` +
      `${Date.now() - started} ms`,
  );
}

/** `npm run gen` and `prepare`: the cdktf bindings into lib/.gen (`--force` regenerates). */
function main() {
  generate({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(`generate-bindings: ${err && err.stack ? err.stack : err}`);
    process.exit(1);
  });
}

module.exports = { generate, main };

if (require.main === module) main();
