#!/usr/bin/env node
// Generates the typed cdktf bindings of each provider of scripts/binding-providers.js (Alibaba Cloud,
// UCloud) into lib/.gen/providers/<name> from its committed schema subset (schema/alicloud-provider-schema.json,
// schema/ucloud/provider-schema.json), filtered by leanSchema() to what a lean.json next to the schema
// lists (schema/lean.json for Alibaba Cloud; UCloud has none). The output is gitignored and never
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

const { bindingProviders } = require('./binding-providers');

const root = path.resolve(__dirname, '..');

/** The generator packages of each framework flavour. */
const GENERATORS = {
  cdktf: { generator: '@cdktf/provider-generator', commons: '@cdktf/commons' },
  cdktn: { generator: '@cdktn/provider-generator', commons: '@cdktn/commons' },
};

/** The lean list of a provider: `lean.json` in the folder of its schema, when there is one. */
function leanListPath({ schemaPath }) {
  const file = path.join(path.dirname(schemaPath), 'lean.json');
  return fs.existsSync(file) ? file : undefined;
}

function stamp(generator, provider) {
  const { meta, schemaPath } = provider;
  const generatorVersion = require(`${generator}/package.json`).version;
  const hash = crypto.createHash('sha256');
  hash.update(fs.readFileSync(schemaPath));
  const lean = leanListPath(provider);
  if (lean) hash.update(fs.readFileSync(lean));
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
function leanSchema(schema, lean, providerAddress = `registry.terraform.io/${alicloud().meta.source}`) {
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

/** The Alibaba Cloud entry of scripts/binding-providers.js. */
function alicloud() {
  return bindingProviders().find((provider) => provider.name === 'alicloud');
}

/**
 * The schema a provider's bindings are generated from (default: Alibaba Cloud's): its committed schema,
 * filtered by its lean list when it has one.
 */
function bindingSchema(provider = alicloud()) {
  const schema = JSON.parse(fs.readFileSync(provider.schemaPath, 'utf8'));
  const lean = leanListPath(provider);
  if (!lean) return schema;
  return leanSchema(schema, JSON.parse(fs.readFileSync(lean, 'utf8')), `registry.terraform.io/${provider.meta.source}`);
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
  const { name, meta } = provider;
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

  const schema = bindingSchema(provider);
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

module.exports = { generate, main, leanSchema, bindingSchema };

if (require.main === module) main();
