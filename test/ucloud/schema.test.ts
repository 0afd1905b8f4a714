// The committed UCloud schema subset (schema/ucloud) against what the constructs synthesize, since the
// Terraform stand-in serves aliyun/alicloud only: every block the UCloud stacks write names a type of
// the schema, sets only its arguments (never a computed-only attribute), with values of their types,
// and every required argument. And the facts the constructs rely on are the schema's.
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { UCloudStsUserGrant } from '../../lib';
import { readUCloudEnvironment } from '../../examples/ucloud-cross-account/environment';
import { buildUCloudCrossAccountApp } from '../../examples/ucloud-cross-account/stacks';
import { ROOT } from '../support/cdktf';
import { synthOut } from '../support/out';
import { accessorStack, GRANTOR } from './support';

interface Attribute {
  type: string | unknown[];
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
}
interface Block {
  attributes: { [name: string]: Attribute };
  block_types?: { [name: string]: { nesting_mode: string; max_items?: number; block: Block } };
}
const meta = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'ucloud', 'provider.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'ucloud', meta.schemaFile), 'utf8'));
const provider = schema.provider_schemas[`registry.terraform.io/${meta.source}`];
const resources = provider.resource_schemas as { [type: string]: { block: Block } };
const dataSources = provider.data_source_schemas as { [type: string]: { block: Block } };

/** The problems of one configuration block against its schema block: unknown, computed-only, mistyped or missing. */
function problems(where: string, body: { [k: string]: unknown }, block: Block): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (name === '//' || ['provider', 'depends_on', 'lifecycle', 'alias'].includes(name)) continue;
    const nested = block.block_types?.[name];
    if (nested) {
      const items = Array.isArray(value) ? value : [value];
      if (nested.max_items !== undefined && items.length > nested.max_items) found.push(`${where}.${name}: too many`);
      items.forEach((item, i) =>
        found.push(...problems(`${where}.${name}[${i}]`, item as { [k: string]: unknown }, nested.block)),
      );
      continue;
    }
    const attribute = block.attributes[name];
    if (!attribute) found.push(`${where}.${name}: no such argument`);
    else if (!attribute.required && !attribute.optional) found.push(`${where}.${name}: computed only`);
    else if (typeof value === 'string' && value.startsWith('${'))
      continue; // a reference: Terraform checks it
    else if (attribute.type === 'string' && typeof value !== 'string') found.push(`${where}.${name}: not a string`);
    else if (attribute.type === 'bool' && typeof value !== 'boolean') found.push(`${where}.${name}: not a bool`);
    else if (Array.isArray(attribute.type) && !Array.isArray(value)) found.push(`${where}.${name}: not a collection`);
  }
  for (const [name, attribute] of Object.entries(block.attributes))
    if (attribute.required && !(name in body)) found.push(`${where}.${name}: required, missing`);
  return found;
}

/** Every problem of a synthesized stack against the schema. */
function stackProblems(json: {
  provider?: { [n: string]: { [k: string]: unknown }[] };
  resource?: { [t: string]: { [n: string]: { [k: string]: unknown } } };
  data?: { [t: string]: { [n: string]: { [k: string]: unknown } } };
}): string[] {
  const found = (json.provider?.ucloud ?? []).flatMap((p, i) =>
    problems(`provider.ucloud[${i}]`, p, provider.provider.block),
  );
  for (const [kind, types, all] of [
    ['resource', resources, json.resource ?? {}],
    ['data', dataSources, json.data ?? {}],
  ] as const) {
    for (const [type, byName] of Object.entries(all)) {
      if (!types[type]) found.push(`${kind}.${type}: not in the schema`);
      else
        for (const [name, body] of Object.entries(byName))
          found.push(...problems(`${kind}.${type}.${name}`, body, types[type].block));
    }
  }
  return found;
}

describe('schema/ucloud', () => {
  test('the checker finds an unknown argument, a computed-only one, a wrong type and a missing required one', () => {
    expect(
      stackProblems({
        resource: { ucloud_iam_user: { u: { nam: 'x', status: 'Active', login_enable: 'no' } } },
        data: { ucloud_iam_role: { r: {} } },
      }),
    ).toEqual([
      'resource.ucloud_iam_user.u.nam: no such argument',
      'resource.ucloud_iam_user.u.status: computed only',
      'resource.ucloud_iam_user.u.login_enable: not a bool',
      'resource.ucloud_iam_user.u.name: required, missing',
      'data.ucloud_iam_role: not in the schema',
    ]);
  });

  test('the example stack matches the schema', () => {
    const out = synthOut((app) => buildUCloudCrossAccountApp(app, readUCloudEnvironment({})));
    const json = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'accessor', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(json.resource).sort()).toEqual(['ucloud_iam_user', 'ucloud_iam_user_policy_attachment']);
    expect(stackProblems(json)).toEqual([]);
  });

  test('every variant of the UCloud constructs matches the schema (assumed role, existing users, a group)', () => {
    const built = accessorStack({ assumeRole: { roleUrn: 'ucs:iam::12345678:role/deployer', sessionName: 'ci' } });
    new UCloudStsUserGrant(built, 'api', {
      grantorCompanyId: GRANTOR,
      roleName: 'r',
      users: [{ userName: 'u', displayName: 'U' }],
      userNames: ['existing'],
    });
    new UCloudStsUserGrant(built, 'grouped', {
      grantorCompanyId: GRANTOR,
      roleName: 'r',
      groupName: 'g',
      users: [{ userName: 'v' }],
    });
    const json = JSON.parse(Testing.synth(built));
    expect(Object.keys(json.resource).sort()).toEqual([
      'ucloud_iam_group',
      'ucloud_iam_group_membership',
      'ucloud_iam_group_policy_attachment',
      'ucloud_iam_user',
      'ucloud_iam_user_policy_attachment',
    ]);
    expect(stackProblems(json)).toEqual([]);
  });

  test('it holds the provider block and exactly the IAM types SOURCES.md cites, each cited there', () => {
    const sources = fs.readFileSync(path.join(ROOT, 'schema', 'ucloud', 'SOURCES.md'), 'utf8');
    expect(Object.keys(resources).sort()).toEqual([
      'ucloud_iam_access_key',
      'ucloud_iam_group',
      'ucloud_iam_group_membership',
      'ucloud_iam_group_policy_attachment',
      'ucloud_iam_project',
      'ucloud_iam_user',
      'ucloud_iam_user_policy_attachment',
    ]);
    expect(Object.keys(dataSources)).toEqual(['ucloud_iam_policy']);
    for (const type of [...Object.keys(resources), ...Object.keys(dataSources)])
      expect(sources).toContain(`\`${type}\``);
    expect(sources).toContain(`at tag \`v${meta.version}\``);
  });

  test('the facts the constructs rely on: the API key secret is sensitive, login_enable is an optional bool', () => {
    expect(resources.ucloud_iam_access_key.block.attributes.secret).toMatchObject({ computed: true, sensitive: true });
    expect(resources.ucloud_iam_user.block.attributes.login_enable).toEqual({
      type: 'bool',
      description_kind: 'plain',
      optional: true,
    });
    expect(provider.provider.block.attributes.region.required).toBe(true);
    expect(provider.provider.block.attributes.project_id.required).toBe(true);
    expect(provider.provider.block.block_types.assume_role).toMatchObject({ nesting_mode: 'list', max_items: 1 });
  });
});
