import * as path from 'path';
import { AccessGraph } from '../../lib/analysis';
import { guardRead, handWrittenOut, Json } from '../support/hand-written';
import { OTHER, OWNER, PARTNER } from '../support/ids';

// The reader's messages for malformed providers and guards (provider-accounts.ts), cdktf-free so that the
// mutation run sees them: input-untrusted.test.ts shows the same through the CLI, which loads cdktf.
// Each names the file and the JSON path; then where a provider's account comes from. The provider-section
// shapes that support/malformed-stacks.ts already holds (a list, a block or alias of the wrong type, two blocks of
// one name) are asserted once, by graph-input-errors.test.ts.
const file = (dir: string) => path.join(dir, 'stacks', 'a', 'cdk.tf.json');
const user = (extra: Json = {}) => ({ alicloud_ram_user: { u: { name: 'u', ...extra } } });

test.each<[string, Json, string]>([
  [
    'a provider.alicloud that is not an object or a list',
    { provider: { alicloud: 'cn-hangzhou' } },
    'provider.alicloud is "cn-hangzhou", expected an object or an array',
  ],
  [
    'two default provider blocks',
    { provider: { alicloud: [{ region: 'cn-hangzhou' }, { region: 'cn-beijing' }] } },
    'provider.alicloud has two blocks named alicloud',
  ],
  [
    'a resource naming a provider block the stack does not have',
    { resource: user({ provider: 'alicloud.nope' }) },
    'resource.alicloud_ram_user.u.provider "alicloud.nope" names no provider block of this stack',
  ],
  [
    'a resource naming another provider',
    { resource: user({ provider: 'aws.b' }) },
    'resource.alicloud_ram_user.u.provider is "aws.b", expected "alicloud" or "alicloud.<alias>"',
  ],
  [
    'a resource whose provider is not a string',
    { resource: user({ provider: ['alicloud'] }) },
    'resource.alicloud_ram_user.u.provider is an array, expected "alicloud" or "alicloud.<alias>"',
  ],
  [
    'a caller-identity read that is not an object',
    { data: { alicloud_caller_identity: { g: 5 } } },
    'data.alicloud_caller_identity.g is 5, expected an object',
  ],
  [
    'a guard reading through another provider',
    { data: { alicloud_caller_identity: { g: guardRead(OWNER, 'aws') } } },
    'data.alicloud_caller_identity.g.provider is "aws", expected "alicloud" or "alicloud.<alias>"',
  ],
])('%s: one message naming the file and the JSON path', (_, json, problem) => {
  const dir = handWrittenOut({ a: json });
  expect(() => AccessGraph.fromSynthOutput(dir)).toThrow(`${file(dir)}: ${problem}`);
});

/** The accounts of stack `a`, and the ARN of its user u, for these providers (and data). */
function accountsOf(json: Json): [string[], string | undefined, string] {
  const graph = AccessGraph.fromSynthOutput(handWrittenOut({ a: { resource: user(), ...json } }));
  return [graph.stacks[0].accounts, graph.stacks[0].accountId, graph.users[0].arn];
}
const unknown = 'acs:ram::<unknown account>:user/u';

test('a literal account_id of digits is the account; one from a Terraform value or of other text is not', () => {
  expect(accountsOf({ provider: { alicloud: [{ account_id: OWNER }] } })).toEqual([
    [OWNER],
    OWNER,
    `acs:ram::${OWNER}:user/u`,
  ]);
  expect(accountsOf({ provider: { alicloud: [{ account_id: '${var.account}' }] } })).toEqual([[], undefined, unknown]);
  expect(accountsOf({ provider: { alicloud: [{ account_id: `x${OWNER}` }] } })).toEqual([[], undefined, unknown]);
  expect(accountsOf({ provider: { alicloud: [{ account_id: Number(OWNER.slice(0, 12)) }] } })).toEqual([
    [],
    undefined,
    unknown,
  ]);
});

test('assume_role (an object or a list) fixes the account when its role ARN is literal', () => {
  const role = `acs:ram::${PARTNER}:role/terraform`;
  expect(accountsOf({ provider: { alicloud: { assume_role: { role_arn: role } } } })[0]).toEqual([PARTNER]);
  expect(accountsOf({ provider: { alicloud: { assume_role: [{ role_arn: role }] } } })[0]).toEqual([PARTNER]);
  for (const arn of [
    `acs:ram::\${var.partner}:role/terraform`,
    `acs:ram::${PARTNER}:role/\${var.role}`,
    `x-acs:ram::${PARTNER}:role/terraform`,
    `acs:ram::${PARTNER}:user/terraform`,
  ])
    expect(accountsOf({ provider: { alicloud: { assume_role: { role_arn: arn } } } })[0]).toEqual([]);
});

test('a guard vouches for the provider it reads through, and for one whose configuration reads it', () => {
  const providers = (...blocks: Json[]) => ({ alicloud: blocks });
  expect(
    accountsOf({
      provider: providers({ region: 'cn-hangzhou' }, { alias: 'b' }),
      data: { alicloud_caller_identity: { g: guardRead(PARTNER, 'alicloud.b') } },
    }).slice(0, 2),
  ).toEqual([[PARTNER], undefined]);
  // the alias c reads guard g-1 in its configuration; guard g-10 (a longer name) vouches for no provider
  expect(
    accountsOf({
      provider: providers({ alias: 'c', region: '${data.alicloud_caller_identity.g-1.account_id}' }),
      data: {
        alicloud_caller_identity: { 'g-1': guardRead(OTHER, 'alicloud.x'), 'g-10': guardRead(OWNER, 'alicloud.y') },
      },
    }).slice(0, 2),
  ).toEqual([[OTHER], undefined]);
});

test('a guard and an account_id that disagree are an error naming both', () => {
  const dir = handWrittenOut({
    a: {
      provider: { alicloud: [{ account_id: OWNER }] },
      data: { alicloud_caller_identity: { g: guardRead(OTHER) } },
    },
  });
  expect(() => AccessGraph.fromSynthOutput(dir)).toThrow(
    `${file(dir)}: provider.alicloud (default): account guard data.alicloud_caller_identity.g says account ${OTHER}, ` +
      `account_id says account ${OWNER}; they must agree (the guard would stop the plan, or the calls go to another ` +
      'account than the checks)',
  );
});
