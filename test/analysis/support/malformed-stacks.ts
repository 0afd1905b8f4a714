import { Json, policyText, trustStatement } from '../../support/hand-written';
import { PARTNER } from '../../support/ids';

// Stack files of malformed shapes and the one problem the reader reports for each, after the file's name:
// what a user reads to fix the output. Run through the CLI by input-untrusted.test.ts (exit code 2, one line,
// nothing written) and through AccessGraph alone by graph-input-errors.test.ts (in the mutation selection).

const trusted = [trustStatement([`acs:ram::${PARTNER}:root`], { Bool: { 'acs:MFAPresent': 'true' } })];

/** [what is wrong, the stack file's JSON besides its provider and guard, the problem reported]. */
export const MALFORMED_STACKS: [string, Json, string][] = [
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
  // The name attribute of each resource type the reader follows: the message names the type and the resource.
  ...(
    [
      ['alicloud_ram_policy', 'policy_name', { policy_document: policyText(...trusted) }],
      ['alicloud_ram_user', 'name', {}],
      ['alicloud_ram_group', 'group_name', {}],
      ['alicloud_ram_user_group_attachment', 'group_name', { user_name: 'u' }],
      ['alicloud_ram_group_membership', 'group_name', { user_names: ['u'] }],
      ['alicloud_ram_role_policy_attachment', 'role_name', { policy_name: 'p', policy_type: 'Custom' }],
      ['alicloud_ram_user_policy_attachment', 'user_name', { policy_name: 'p', policy_type: 'Custom' }],
      ['alicloud_ram_group_policy_attachment', 'group_name', { policy_name: 'p', policy_type: 'Custom' }],
      ['alicloud_ram_login_profile', 'user_name', {}],
    ] as const
  ).map(([type, attribute, rest]): [string, Json, string] => [
    `a ${type} whose ${attribute} is not a string`,
    { resource: { [type]: { r: { ...rest, [attribute]: ['x'] } } } },
    `resource.${type}.r.${attribute} is an array, expected a string`,
  ]),
  [
    'a reference in user_names to a resource the stack does not have',
    {
      resource: {
        alicloud_ram_group_membership: { m: { group_name: 'g', user_names: ['${alicloud_ram_user.nope.name}'] } },
      },
    },
    'unknown resource reference "${alicloud_ram_user.nope.name}" in alicloud_ram_group_membership.m.user_names',
  ],
  [
    'a policy of several problems: only the first one is said',
    { resource: { alicloud_ram_policy: { p: { policy_name: 'p', policy_document: '{"Statement": 5}' } } } },
    'resource.alicloud_ram_policy.p.policy_document is not a valid policy (PolicyDocument.fromJson: invalid policy document: - Version is missing (write "Version": "1", the only valid version))',
  ],
  [
    'a custom policy that is missing',
    { resource: { alicloud_ram_policy: { p: { policy_name: 'p' } } } },
    'resource.alicloud_ram_policy.p.policy_document is missing',
  ],
  [
    'a resource whose provider attribute is not a string',
    {
      resource: {
        alicloud_ram_role: { x: { provider: 3, role_name: 'x', assume_role_policy_document: policyText(...trusted) } },
      },
    },
    'resource.alicloud_ram_role.x.provider is 3, expected "alicloud" or "alicloud.<alias>"',
  ],
];
