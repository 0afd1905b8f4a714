import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildLogServicePartnerApp } from '../../examples/log-service-partner/stacks';
import { readEnvironment } from '../../examples/shared/environment';
import { AccountStack, alicloud, AssumeRoleUserGrant, CrossAccountRole, LogGrant, ScopedLogPolicy } from '../../lib';
import { EXAMPLE_BUILDERS } from '../examples/builders';
import { OWNER, PARTNER } from '../support/synth';

// The bindings are generated from the committed schema filtered by schema/lean.json
// (scripts/generate-bindings.js). Whatever an app of this repository synthesizes must be in that list
// (else the next generation would lose it) and in the full schema (what the provider accepts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { leanSchema, bindingSchema } = require('../../scripts/generate-bindings.js') as {
  leanSchema: (schema: unknown, lean: unknown) => ProviderSchemas;
  bindingSchema: () => ProviderSchemas;
};

interface SchemaBlock {
  attributes?: { [name: string]: { deprecated?: boolean; required?: boolean } };
  block_types?: { [name: string]: { block: SchemaBlock; min_items?: number } };
}
interface ProviderSchemas {
  provider_schemas: {
    [address: string]: {
      provider: { block: SchemaBlock };
      resource_schemas: { [type: string]: { block: SchemaBlock } };
      data_source_schemas: { [type: string]: { block: SchemaBlock } };
    };
  };
}

const ROOT = path.resolve(__dirname, '..', '..');
const ADDRESS = 'registry.terraform.io/aliyun/alicloud';
const FULL = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'schema', 'alicloud-provider-schema.json'), 'utf8'),
) as ProviderSchemas;
const LEAN_LIST = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'lean.json'), 'utf8'));
/** Terraform's meta-arguments and cdktf's comment key: not provider attributes. */
const META = new Set(['//', 'count', 'depends_on', 'for_each', 'lifecycle', 'provider', 'connection', 'provisioner']);

/** Every construct option that becomes a provider attribute, in one app (the examples leave some out). */
function buildEveryOption(app: App): void {
  const owner = new AccountStack(app, 'owner', {
    accountId: OWNER,
    region: 'cn-hangzhou',
    profile: 'owner',
    assumeRole: { roleArn: `acs:ram::${OWNER}:role/deployer`, sessionName: 'deploy', externalId: 'ext-1' },
  });
  const partner = new AccountStack(app, 'partner', { accountId: PARTNER, region: 'cn-hangzhou' });
  const policy = new ScopedLogPolicy(owner, 'logs', {
    policyName: 'partner-logs',
    grants: [LogGrant.write('shared-logs', 'events')],
    description: 'write events',
  });
  new CrossAccountRole(owner, 'role', {
    roleName: 'partner-writer',
    trustedAccountIds: [PARTNER],
    description: 'for the partner',
    maxSessionDuration: 7200,
    tags: { team: 'logs' },
    policies: [policy],
    systemPolicies: ['AliyunECSReadOnlyAccess'],
  });
  new AssumeRoleUserGrant(partner, 'grant', {
    roleArn: CrossAccountRole.arnOf(OWNER, 'partner-writer'),
    users: [{ userName: 'alice', displayName: 'Alice', comments: 'operator' }],
    userNames: ['bob'],
    groupName: 'operators',
  });
}

/** The attributes (and nested block attributes, as `block.attribute`) of each type in every cdk.tf.json below `dir`. */
function emitted(dir: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (type: string, body: { [key: string]: unknown }) => {
    const names = found.get(type) ?? new Set<string>();
    found.set(type, names);
    for (const [key, value] of Object.entries(body)) {
      if (META.has(key)) continue;
      names.add(key);
      // A nested block (cdktf writes a single one as an object, several as a list); a map attribute such as tags is not.
      const nested = Array.isArray(value) ? value[0] : value;
      if (blockOf(FULL, type)?.block_types?.[key] && nested && typeof nested === 'object') {
        for (const inner of Object.keys(nested as object)) names.add(`${key}.${inner}`);
      }
    }
  };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.name !== 'cdk.tf.json') continue;
    const stack = JSON.parse(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
    for (const [kind, prefix] of [
      ['resource', ''],
      ['data', 'data.'],
    ]) {
      for (const [type, items] of Object.entries((stack[kind] ?? {}) as { [t: string]: { [n: string]: object } })) {
        // Only the Alibaba Cloud provider has a lean list (UCloud's bindings are its whole schema subset).
        if (!type.startsWith('alicloud_')) continue;
        for (const body of Object.values(items)) add(`${prefix}${type}`, body as { [key: string]: unknown });
      }
    }
    for (const config of (stack.provider?.alicloud ?? []) as object[])
      add('provider', config as { [key: string]: unknown });
  }
  return found;
}

function blockOf(schemas: ProviderSchemas, type: string): SchemaBlock | undefined {
  const provider = schemas.provider_schemas[ADDRESS];
  if (type === 'provider') return provider.provider.block;
  if (type.startsWith('data.')) return provider.data_source_schemas[type.slice(5)]?.block;
  return provider.resource_schemas[type]?.block;
}

/** Whether `name` (`attribute` or `block.attribute`) is a live attribute of `block`; `alias` is the generator's own. */
function hasAttribute(block: SchemaBlock | undefined, name: string, type: string): boolean {
  if (type === 'provider' && name === 'alias') return true;
  const [outer, inner] = name.split('.');
  if (inner !== undefined) return hasAttribute(block?.block_types?.[outer]?.block, inner, '');
  const attribute = block?.attributes?.[outer];
  return (attribute !== undefined && !attribute.deprecated) || block?.block_types?.[outer] !== undefined;
}

describe('lean bindings (schema/lean.json)', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lean-'));
  const apps: { [name: string]: (app: App) => void } = {
    ...EXAMPLE_BUILDERS,
    flagship: (app) =>
      buildLogServicePartnerApp(app, readEnvironment({ OWNER_ACCOUNT_ID: OWNER, PARTNER_ACCOUNT_ID: PARTNER })),
    'every-option': buildEveryOption,
  };
  for (const [name, build] of Object.entries(apps)) {
    const app = new App({ outdir: path.join(outdir, name) });
    build(app);
    app.synth();
  }
  const found = emitted(outdir);
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('the apps synthesize the types the constructs and examples use', () => {
    expect([...found.keys()].sort()).toEqual([
      'alicloud_log_project',
      'alicloud_log_store',
      'alicloud_ram_group',
      'alicloud_ram_group_policy_attachment',
      'alicloud_ram_login_profile',
      'alicloud_ram_policy',
      'alicloud_ram_role',
      'alicloud_ram_role_policy_attachment',
      'alicloud_ram_user',
      'alicloud_ram_user_group_attachment',
      'alicloud_ram_user_policy_attachment',
      'data.alicloud_caller_identity',
      'provider',
    ]);
    expect(found.get('alicloud_ram_role')).toEqual(
      new Set(['role_name', 'assume_role_policy_document', 'description', 'max_session_duration', 'tags', 'force']),
    );
    expect(found.get('provider')).toContain('assume_role.role_arn');
  });

  test('every synthesized attribute is in the lean bindings and a live attribute of the full schema', () => {
    const lean = bindingSchema();
    const missing: string[] = [];
    for (const [type, names] of found) {
      for (const name of names) {
        if (!hasAttribute(blockOf(lean, type), name, type)) missing.push(`lean: ${type}.${name}`);
        if (!hasAttribute(blockOf(FULL, type), name, type)) missing.push(`full: ${type}.${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('every attribute the list keeps is synthesized by some app or read by a construct', () => {
    // Read, not written: the role's ARN (CrossAccountRole.roleArn without ownerAccountId) and the guard's account_id.
    const readOnly = new Set(['alicloud_ram_role.arn', 'data.alicloud_caller_identity.account_id']);
    const unused: string[] = [];
    const check = (type: string, keep: { attributes?: string[]; blocks?: string[] }) => {
      for (const name of [...(keep.attributes ?? []), ...(keep.blocks ?? [])]) {
        if (!found.get(type)?.has(name) && !readOnly.has(`${type}.${name}`)) unused.push(`${type}.${name}`);
      }
    };
    check('provider', LEAN_LIST.provider);
    for (const [type, keep] of Object.entries(LEAN_LIST.resources)) check(type, keep as { attributes?: string[] });
    for (const [type, keep] of Object.entries(LEAN_LIST.dataSources))
      check(`data.${type}`, keep as { attributes?: string[] });
    expect(unused).toEqual([]);
  });

  test('the bindings have no timeouts blocks and no deprecated attributes or blocks', () => {
    const role = new alicloud.ramRole.RamRole(new App(), 'r', { roleName: 'r' }) as unknown as { [k: string]: unknown };
    expect('timeouts' in role).toBe(false);
    const policy = new alicloud.ramPolicy.RamPolicy(new App(), 'p', { policyName: 'p' }) as unknown as {
      [k: string]: unknown;
    };
    expect(['timeouts', 'statement', 'document', 'version', 'name'].filter((k) => k in policy)).toEqual([]);
    const lean = bindingSchema().provider_schemas[ADDRESS];
    for (const { block } of [...Object.values(lean.resource_schemas), ...Object.values(lean.data_source_schemas)]) {
      expect(Object.keys(block.block_types ?? {})).toEqual([]);
      expect(Object.values(block.attributes ?? {}).filter((a) => a.deprecated)).toEqual([]);
    }
  });

  describe('leanSchema refuses a list the schema does not bear out', () => {
    const list = (role: { attributes: string[]; blocks?: string[] }) => ({
      provider: { attributes: ['region'] },
      resources: { alicloud_ram_role: role },
      dataSources: {},
    });
    const refusal = (role: { attributes: string[]; blocks?: string[] }) => {
      try {
        leanSchema(FULL, list(role));
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };

    test('a name the schema does not have', () => {
      expect(refusal({ attributes: ['role_name', 'rol_name'] })).toBe(
        'schema/lean.json: alicloud_ram_role: attribute "rol_name" is not in the schema',
      );
      expect(refusal({ attributes: ['role_name'], blocks: ['timeout'] })).toBe(
        'schema/lean.json: alicloud_ram_role: block "timeout" is not in the schema',
      );
    });

    test('a deprecated attribute', () => {
      expect(refusal({ attributes: ['role_name', 'document'] })).toBe(
        'schema/lean.json: alicloud_ram_role: attribute "document" is deprecated',
      );
    });

    test('a required attribute left out', () => {
      expect(() =>
        leanSchema(FULL, { ...list({ attributes: [] }), resources: { alicloud_ram_user: { attributes: [] } } }),
      ).toThrow('schema/lean.json: alicloud_ram_user: required attribute "name" is not listed');
    });

    test('a type the schema does not have', () => {
      expect(() => leanSchema(FULL, { ...list({ attributes: [] }), resources: { alicloud_ram_rol: {} } })).toThrow(
        'schema/lean.json: resource "alicloud_ram_rol" is not in the schema',
      );
    });

    test('the types and attributes listed, and nothing else', () => {
      const lean = leanSchema(FULL, list({ attributes: ['role_name', 'force'] })).provider_schemas[ADDRESS];
      expect(Object.keys(lean.resource_schemas)).toEqual(['alicloud_ram_role']);
      expect(Object.keys(lean.resource_schemas.alicloud_ram_role.block.attributes ?? {})).toEqual([
        'force',
        'role_name',
      ]);
      expect(lean.data_source_schemas).toEqual({});
      expect(Object.keys(lean.provider.block.attributes ?? {})).toEqual(['region']);
    });
  });
});
