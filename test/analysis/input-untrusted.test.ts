import * as fs from 'fs';
import * as path from 'path';
import { AccessGraph } from '../../lib/analysis';
import { runCli } from '../../lib/cli/main';
import { accountJson, handWrittenOut, Json, policyText, roleResources, trustStatement } from '../support/hand-written';
import { OWNER, PARTNER } from '../support/ids';

// The analysis reads whatever a pull request brings (issue 10, class 10): paths stay inside the output
// folder, and a malformed shape is one error naming the file and the JSON path, exit code 2, nothing written.

const SECRET = 'root:x:0:0:do-not-print-me';

function cli(dir: string): { code: number; err: string } {
  const err: string[] = [];
  const code = runCli(['report', dir, '--json'], { out: () => undefined, err: (t) => err.push(t) });
  return { code, err: err.join('\n') };
}

/** The one-line CLI error for the output, after checking exit code 2 and that nothing was written. */
function refused(dir: string): string {
  const result = cli(dir);
  expect(result.code).toBe(2);
  expect(result.err.split('\n')).toHaveLength(1);
  expect(fs.existsSync(path.join(dir, 'access-report.md'))).toBe(false);
  expect(fs.existsSync(path.join(dir, 'access-report.json'))).toBe(false);
  return result.err;
}

const trusted = [trustStatement([`acs:ram::${PARTNER}:root`], { Bool: { 'acs:MFAPresent': 'true' } })];

describe('manifest stack paths stay inside the output folder', () => {
  /** An output whose manifest points stack `a` at `target`, next to a file holding a secret. */
  function pointing(target: (dir: string) => string): string {
    const dir = handWrittenOut({ a: accountJson(OWNER, {}) });
    const outside = path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`);
    fs.writeFileSync(outside, SECRET);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    manifest.stacks.a.synthesizedStackPath = target(outside);
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    return dir;
  }

  test.each([
    ['a relative path that climbs out', () => '../../../etc/passwd'],
    ['a relative path to a file beside the folder', (outside: string) => `../${path.basename(outside)}`],
    ['an absolute path', (outside: string) => outside],
  ])('%s: refused unread, naming the manifest and the stack', (_, target) => {
    const dir = pointing(target);
    const relative = target(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`));
    expect(refused(dir)).toBe(
      `cdktf-xaccount: ${path.join(dir, 'manifest.json')}: stack "a" has synthesizedStackPath ` +
        `${JSON.stringify(relative)}, which leaves the output folder (stacks must be read from inside it)`,
    );
  });

  test('a symbolic link inside the folder that leads out is refused too', () => {
    const dir = pointing(() => 'stacks/a/cdk.tf.json');
    const file = path.join(dir, 'stacks', 'a', 'cdk.tf.json');
    fs.rmSync(file);
    fs.symlinkSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), file);
    expect(refused(dir)).toContain('which leaves the output folder');
  });

  test('a stack file that is not JSON: the error never shows its bytes', () => {
    const dir = handWrittenOut({ a: accountJson(OWNER, {}) });
    fs.writeFileSync(path.join(dir, 'stacks', 'a', 'cdk.tf.json'), SECRET);
    const error = refused(dir);
    expect(error).toBe(
      `cdktf-xaccount: ${path.join(dir, 'stacks', 'a', 'cdk.tf.json')}: malformed JSON (not a JSON document)`,
    );
    expect(error).not.toContain('root:x');
  });
});

describe('malformed shapes name the file and the JSON path', () => {
  const file = (dir: string) => path.join(dir, 'stacks', 'a', 'cdk.tf.json');
  const cases: [string, Json, string][] = [
    ['a resource section that is not an object', { resource: [1] }, 'resource is an array, expected an object'],
    [
      'a resource type whose value is not an object',
      { resource: { alicloud_ram_role: 'x' } },
      'resource.alicloud_ram_role is "x", expected an object',
    ],
    [
      'a resource body that is not an object',
      { resource: { alicloud_ram_role: { x: [] } } },
      'resource.alicloud_ram_role.x is an array, expected an object',
    ],
    [
      'a role_name that is not a string',
      {
        resource: {
          alicloud_ram_role: { x: { role_name: 123, assume_role_policy_document: policyText(...trusted) } },
        },
      },
      'resource.alicloud_ram_role.x.role_name is 123, expected a string',
    ],
    [
      'a missing trust policy',
      { resource: { alicloud_ram_role: { x: { role_name: 'x' } } } },
      'resource.alicloud_ram_role.x.assume_role_policy_document is missing',
    ],
    [
      'user_names that is not a list',
      { resource: { alicloud_ram_group_membership: { m: { group_name: 'g', user_names: 'bob' } } } },
      'resource.alicloud_ram_group_membership.m.user_names is "bob", expected an array',
    ],
    [
      'a user name in user_names that is not a string',
      { resource: { alicloud_ram_group_membership: { m: { group_name: 'g', user_names: ['bob', false] } } } },
      'resource.alicloud_ram_group_membership.m.user_names[1] is false, expected a string',
    ],
    [
      'a policy_type that is not a string',
      {
        resource: {
          alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'p', policy_type: { x: 1 } } },
        },
      },
      'resource.alicloud_ram_user_policy_attachment.a.policy_type is an object, expected a string',
    ],
    [
      'a construct path that is not a string',
      { resource: { alicloud_ram_user: { u: { name: 'u', '//': { metadata: { path: 5 } } } } } },
      'resource.alicloud_ram_user.u.//.metadata.path is 5, expected a string',
    ],
    [
      'a provider section that is not an object or a list',
      { provider: { alicloud: 'cn-hangzhou' } },
      'provider.alicloud is "cn-hangzhou", expected an object or an array',
    ],
    [
      'a provider attribute that names no provider',
      { resource: { alicloud_ram_user: { u: { name: 'u', provider: 'alicloud.nope' } } } },
      'resource.alicloud_ram_user.u.provider "alicloud.nope" names no provider block of this stack',
    ],
    ['a provider section that is a list', { provider: [{ alicloud: [] }] }, 'provider is an array, expected an object'],
    [
      'a provider block that is not an object',
      { provider: { alicloud: [{ region: 'cn-hangzhou' }, 'b'] } },
      'provider.alicloud[1] is "b", expected an object',
    ],
    [
      'a provider alias that is not a string',
      { provider: { alicloud: [{ region: 'cn-hangzhou' }, { alias: 7 }] } },
      'provider.alicloud alias is 7, expected a string',
    ],
    [
      'two provider blocks of one name',
      { provider: { alicloud: [{ alias: 'b' }, { alias: 'b' }] } },
      'provider.alicloud has two blocks named alicloud.b',
    ],
    [
      'a provider attribute that is not a provider reference',
      { resource: { alicloud_ram_user: { u: { name: 'u', provider: 'aws.b' } } } },
      'resource.alicloud_ram_user.u.provider is "aws.b", expected "alicloud" or "alicloud.<alias>"',
    ],
    [
      'a reference to a resource the stack does not have',
      {
        resource: {
          alicloud_ram_role: {
            x: { role_name: '${alicloud_ram_role.y.role_name}', assume_role_policy_document: policyText(...trusted) },
          },
        },
      },
      'unknown resource reference "${alicloud_ram_role.y.role_name}" in alicloud_ram_role.x.role_name',
    ],
    [
      'a reference to itself',
      {
        resource: {
          alicloud_ram_role: {
            x: { role_name: '${alicloud_ram_role.x.role_name}', assume_role_policy_document: policyText(...trusted) },
          },
        },
      },
      'reference loop at "${alicloud_ram_role.x.role_name}" in alicloud_ram_role.x.role_name',
    ],
    [
      'a trust policy read from a data source',
      {
        resource: {
          alicloud_ram_role: {
            x: { role_name: 'x', assume_role_policy_document: '${data.alicloud_ram_policy_document.d.document}' },
          },
        },
      },
      'resource.alicloud_ram_role.x.assume_role_policy_document is not a literal policy document',
    ],
    [
      'a trust policy that is a number',
      { resource: { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: 5 } } } },
      'resource.alicloud_ram_role.x.assume_role_policy_document is not a literal policy document',
    ],
    [
      'a trust policy that is not a valid policy',
      { resource: { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: '{"Statement": []}' } } } },
      'resource.alicloud_ram_role.x.assume_role_policy_document is not a valid policy (PolicyDocument.fromJson: invalid policy document: - Version is missing (write "Version": "1", the only valid version))',
    ],
    [
      'an acknowledgement that is not an object',
      { '//': { 'cdktf-xaccount': { acknowledgements: [1] } } },
      '//.cdktf-xaccount.acknowledgements[0] is 1, expected an object',
    ],
    [
      'an acknowledgement without a path',
      { '//': { 'cdktf-xaccount': { acknowledgements: [{ findingId: 'XA-TRUST-NO-CONDITION', reason: 'r' }] } } },
      '//.cdktf-xaccount.acknowledgements[0].path is missing, expected a string',
    ],
    [
      'an acknowledgement without a finding id',
      { '//': { 'cdktf-xaccount': { acknowledgements: [{ path: 'a', reason: 'r' }] } } },
      '//.cdktf-xaccount.acknowledgements[0].findingId is missing, expected a string',
    ],
    [
      'an acknowledgement whose content is not a string',
      {
        '//': {
          'cdktf-xaccount': {
            acknowledgements: [{ path: 'a', findingId: 'XA-TRUST-NO-CONDITION', reason: 'r', content: 1 }],
          },
        },
      },
      '//.cdktf-xaccount.acknowledgements[0].content is 1, expected a string',
    ],
    [
      'an acknowledgement without a reason',
      { '//': { 'cdktf-xaccount': { acknowledgements: [{ path: 'a', findingId: 'XA-TRUST-NO-CONDITION' }] } } },
      '//.cdktf-xaccount.acknowledgements[0].reason is missing, expected a string',
    ],
    [
      'acknowledgements that are not a list',
      { '//': { 'cdktf-xaccount': { acknowledgements: {} } } },
      '//.cdktf-xaccount.acknowledgements is an object, expected an array',
    ],
  ];

  test.each(cases)('%s', (_, json, problem) => {
    const dir = handWrittenOut({ a: { ...accountJson(OWNER, {}), ...json } });
    expect(() => AccessGraph.fromSynthOutput(dir)).toThrow(`${file(dir)}: ${problem}`);
    expect(refused(dir)).toBe(`cdktf-xaccount: ${file(dir)}: ${problem}`);
  });

  test('a manifest whose stacks are not objects', () => {
    const dir = handWrittenOut({ a: accountJson(OWNER, roleResources('r', trusted)) });
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ stacks: { a: 'stacks/a/cdk.tf.json' } }));
    expect(refused(dir)).toBe(
      `cdktf-xaccount: ${path.join(dir, 'manifest.json')}: stacks.a is "stacks/a/cdk.tf.json", expected an object`,
    );
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ stacks: { a: { synthesizedStackPath: 1 } } }));
    expect(refused(dir)).toBe(
      `cdktf-xaccount: ${path.join(dir, 'manifest.json')}: stacks.a.synthesizedStackPath is 1, expected a string`,
    );
  });

  test('well-formed input still reads', () => {
    const dir = handWrittenOut({ a: accountJson(OWNER, roleResources('r', trusted)) });
    expect(AccessGraph.fromSynthOutput(dir).roles.map((r) => r.arn)).toEqual([`acs:ram::${OWNER}:role/r`]);
    expect(cli(dir).code).toBe(0);
  });
});
