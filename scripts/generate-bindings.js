#!/usr/bin/env node
// Generates the typed cdktf bindings of the Alibaba Cloud provider into lib/.gen/providers/alicloud
// from the committed schema subset (schema/alicloud-provider-schema.json), filtered by leanSchema() to
// the types, attributes and blocks listed in schema/lean.json. The output is gitignored and never
// edited by hand: change the schema file (scripts/refresh-schema) or the list and run this again.
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
const leanPath = path.join(root, 'schema', 'lean.json');

/** The generator packages of each framework flavour. */
const GENERATORS = {
  cdktf: { generator: '@cdktf/provider-generator', commons: '@cdktf/commons' },
  cdktn: { generator: '@cdktn/provider-generator', commons: '@cdktn/commons' },
};

function stamp(generator) {
  const generatorVersion = require(`${generator}/package.json`).version;
  const hash = crypto.createHash('sha256');
  hash.update(fs.readFileSync(schemaPath));
  hash.update(fs.readFileSync(leanPath));
  hash.update(JSON.stringify(meta));
  hash.update(generatorVersion);
  hash.update(fs.readFileSync(__filename));
  return hash.digest('hex');
}

/** `block` (a schema block) with only the attributes and nested blocks `keep` lists; `what` names it in errors. */
function leanBlock(block, keep, what) {
  const attributes = block.attributes ?? {};
  const blocks = block.block_types ?? {};
  const problems = [];
  for (const name of keep.attributes ?? []) {
    if (!(name in attributes)) problems.push(`${what}: attribute "${name}" is not in the schema`);
    else if (attributes[name].deprecated) problems.push(`${what}: attribute "${name}" is deprecated`);
  }
  for (const name of keep.blocks ?? []) {
    if (!(name in blocks)) problems.push(`${what}: block "${name}" is not in the schema`);
  }
  // A required attribute or block left out would make the binding accept configurations Terraform refuses.
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.required && !(keep.attributes ?? []).includes(name)) {
      problems.push(`${what}: required attribute "${name}" is not listed`);
    }
  }
  for (const [name, nested] of Object.entries(blocks)) {
    if ((nested.min_items ?? 0) > 0 && !(keep.blocks ?? []).includes(name)) {
      problems.push(`${what}: required block "${name}" is not listed`);
    }
  }
  if (problems.length > 0) throw new Error(`schema/lean.json: ${problems.join('; ')}`);
  const pick = (from, names) => Object.fromEntries(Object.entries(from).filter(([name]) => names.includes(name)));
  return {
    ...block,
    attributes: pick(attributes, keep.attributes ?? []),
    block_types: pick(blocks, keep.blocks ?? []),
  };
}

/**
 * The provider schema `schema` (the output of `terraform providers schema -json`) reduced to what
 * `lean` (schema/lean.json) lists: its resource types and data sources only, each with only the listed
 * attributes and blocks (nested blocks whole), and the provider block likewise. A listed name that is
 * missing or deprecated, or a required attribute that is not listed, is an error.
 */
function leanSchema(schema, lean, providerAddress = `registry.terraform.io/${meta.source}`) {
  const provider = schema.provider_schemas[providerAddress];
  if (!provider) throw new Error(`schema/lean.json: no provider ${providerAddress} in the schema`);
  const kinds = (from, listed, kind) =>
    Object.fromEntries(
      Object.entries(listed ?? {}).map(([type, keep]) => {
        if (!from?.[type]) throw new Error(`schema/lean.json: ${kind} "${type}" is not in the schema`);
        return [type, { ...from[type], block: leanBlock(from[type].block, keep, type) }];
      }),
    );
  return {
    ...schema,
    provider_schemas: {
      ...schema.provider_schemas,
      [providerAddress]: {
        ...provider,
        provider: { ...provider.provider, block: leanBlock(provider.provider.block, lean.provider, 'provider') },
        resource_schemas: kinds(provider.resource_schemas, lean.resources, 'resource'),
        data_source_schemas: kinds(provider.data_source_schemas, lean.dataSources, 'data source'),
      },
    },
  };
}

/** The schema the bindings are generated from: the committed schema, filtered by schema/lean.json. */
function bindingSchema() {
  return leanSchema(JSON.parse(fs.readFileSync(schemaPath, 'utf8')), JSON.parse(fs.readFileSync(leanPath, 'utf8')));
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

  const schema = bindingSchema();
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

module.exports = { generate, main, leanSchema, bindingSchema };

if (require.main === module) main();
