#!/usr/bin/env node
// Generates the typed cdktf bindings of the Alibaba Cloud provider into lib/.gen/providers/alicloud
// from the committed schema subset (schema/alicloud-provider-schema.json). The output is gitignored
// and never edited by hand: change the schema file (scripts/refresh-schema) and run this again.
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

const root = path.resolve(__dirname, '..');
const meta = JSON.parse(fs.readFileSync(path.join(root, 'schema', 'provider.json'), 'utf8'));
const schemaPath = path.join(root, 'schema', meta.schemaFile);

/** The generator packages of each framework flavour. */
const GENERATORS = {
  cdktf: { generator: '@cdktf/provider-generator', commons: '@cdktf/commons' },
  cdktn: { generator: '@cdktn/provider-generator', commons: '@cdktn/commons' },
};

function stamp(generator) {
  const generatorVersion = require(`${generator}/package.json`).version;
  const hash = crypto.createHash('sha256');
  hash.update(fs.readFileSync(schemaPath));
  hash.update(JSON.stringify(meta));
  hash.update(generatorVersion);
  hash.update(fs.readFileSync(__filename));
  return hash.digest('hex');
}

/**
 * Generates the bindings of `flavour` (cdktf or cdktn) into `<genDir>/providers/alicloud`, unless
 * they are up to date with the schema and the generator (or `force`); `log` gets the one-line summary.
 */
async function generate({
  flavour = 'cdktf',
  genDir = path.join(root, 'lib', '.gen'),
  force = false,
  log = console.log,
} = {}) {
  const { generator: generatorPackage, commons } = GENERATORS[flavour];
  const outDir = path.join(genDir, 'providers');
  const stampPath = path.join(outDir, 'alicloud', '.schema-stamp');
  const wanted = stamp(generatorPackage);
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
    name: 'alicloud',
    source: meta.source,
    version: meta.versionConstraint,
  });
  generator.generate(new ConstructsMakerProviderTarget(constraint, LANGUAGES[0]));

  // The generator writes providers/<name>/... below the folder it is given.
  fs.rmSync(outDir, { recursive: true, force: true });
  await code.save(genDir);
  fs.writeFileSync(stampPath, wanted);
  const files = fs.readdirSync(path.join(outDir, 'alicloud'));
  log(
    `generated alicloud provider bindings with ${generatorPackage} (${meta.source} ${meta.versionConstraint}, ` +
      `schema of ${meta.version}): ${files.length} entries in ${path.relative(root, outDir)}/alicloud in ` +
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
