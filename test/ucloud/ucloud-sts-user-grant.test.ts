import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { UCloudAccountStack, UCloudStsUserGrant, UCloudStsUserGrantProps } from '../../lib';
import { errorOf } from '../support/synth';
import { ACCESSOR, accessorStack, GRANTOR, synthAccessor } from './support';

const BASE: UCloudStsUserGrantProps = { grantorCompanyId: GRANTOR, roleName: 'cross-account-api' };

function grant(props: Partial<UCloudStsUserGrantProps>) {
  return synthAccessor((stack) => new UCloudStsUserGrant(stack, 'api', { ...BASE, ...props }));
}

/** The message of a grant that fails, in a UCloud stack of account B. */
function grantError(props: Partial<UCloudStsUserGrantProps>): string {
  return errorOf(() => new UCloudStsUserGrant(accessorStack(), 'api', { ...BASE, ...props }));
}

describe('UCloudStsUserGrant: the sub-users', () => {
  const json = grant({ users: [{ userName: 'api-operator', displayName: 'API' }, { userName: 'batch' }] });
  const users = json.resource!.ucloud_iam_user;

  test('each sub-user has console login off, sets no email and is not frozen', () => {
    expect(users).toEqual({
      'api_user-api-operator': expect.objectContaining({
        name: 'api-operator',
        display_name: 'API',
        login_enable: false,
      }),
      'api_user-batch': expect.objectContaining({ name: 'batch', login_enable: false }),
    });
    // The provider refuses an email when login is off; is_frozen keeps its default (false).
    for (const user of Object.values(users)) {
      expect(user).not.toHaveProperty('email');
      expect(user).not.toHaveProperty('is_frozen');
    }
  });

  test('each gets STSCreateOnlyAccess, read by name as a system policy, and no API key is created', () => {
    expect(json.data!.ucloud_iam_policy).toEqual({
      'api_sts-policy': expect.objectContaining({ name: 'STSCreateOnlyAccess', type: 'System' }),
    });
    const attachments = json.resource!.ucloud_iam_user_policy_attachment;
    expect(Object.values(attachments).map((a) => [a.user_name, a.policy_urn, a.project_id])).toEqual([
      ['${ucloud_iam_user.api_user-api-operator.name}', '${data.ucloud_iam_policy.api_sts-policy.urn}', undefined],
      ['${ucloud_iam_user.api_user-batch.name}', '${data.ucloud_iam_policy.api_sts-policy.urn}', undefined],
    ]);
    expect(Object.keys(json.resource!).sort()).toEqual(['ucloud_iam_user', 'ucloud_iam_user_policy_attachment']);
  });

  test('existing sub-users are granted by name, without being created', () => {
    const existing = grant({ userNames: ['ops-bot'] });
    expect(existing.resource!.ucloud_iam_user).toBeUndefined();
    expect(Object.values(existing.resource!.ucloud_iam_user_policy_attachment)).toEqual([
      expect.objectContaining({ user_name: 'ops-bot', policy_urn: '${data.ucloud_iam_policy.api_sts-policy.urn}' }),
    ]);
  });

  test('with a group: every user is a member and the policy is attached to the group only', () => {
    const grouped = grant({ groupName: 'partner-api', userNames: ['ops-bot'], users: [{ userName: 'batch' }] });
    expect(Object.values(grouped.resource!.ucloud_iam_group)).toEqual([
      expect.objectContaining({ name: 'partner-api' }),
    ]);
    expect(Object.values(grouped.resource!.ucloud_iam_group_membership)).toEqual([
      expect.objectContaining({
        group_name: '${ucloud_iam_group.api_group.name}',
        user_names: ['ops-bot', '${ucloud_iam_user.api_user-batch.name}'],
      }),
    ]);
    expect(Object.values(grouped.resource!.ucloud_iam_group_policy_attachment)).toEqual([
      expect.objectContaining({
        group_name: '${ucloud_iam_group.api_group.name}',
        policy_urn: '${data.ucloud_iam_policy.api_sts-policy.urn}',
      }),
    ]);
    expect(grouped.resource!.ucloud_iam_user_policy_attachment).toBeUndefined();
  });

  test('a group alone (members added elsewhere) gets the policy and no membership resource', () => {
    const groupOnly = grant({ groupName: 'partner-api' });
    expect(groupOnly.resource!.ucloud_iam_group_membership).toBeUndefined();
    expect(Object.keys(groupOnly.resource!.ucloud_iam_group_policy_attachment)).toEqual(['api_group-sts-policy']);
  });
});

describe('UCloudStsUserGrant: what account A must do, as outputs', () => {
  const json = grant({ users: [{ userName: 'api-operator' }] });

  test('the role URN and the trust principal are Terraform outputs', () => {
    expect(json.output!['api_grantor-role-urn'].value).toBe(`ucs:iam::${GRANTOR}:role/cross-account-api`);
    expect(json.output!['api_grantor-trust-principal'].value).toBe(`ucs:iam::${ACCESSOR}:root`);
  });

  test('the trust policy output is the CreateRole document, and its description says what is inferred', () => {
    const output = json.output!['api_grantor-trust-policy'] as { value: string; description: string };
    expect(JSON.parse(output.value)).toEqual({
      Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { UCS: [`ucs:iam::${ACCESSOR}:root`] } }],
      Version: '1',
    });
    expect(output.description).toMatch(/^RolePolicyDocument for CreateRole in account A\. Inferred: /);
  });

  test('accessorCompanyId given explicitly names B outside a UCloudAccountStack', () => {
    const plain = JSON.parse(
      Testing.synthScope((scope) => {
        new UCloudStsUserGrant(scope, 'api', { ...BASE, accessorCompanyId: '99990000', userNames: ['x'] });
      }),
    );
    expect(Object.values(plain.output as { [k: string]: { value: string } }).map((o) => o.value)).toContain(
      'ucs:iam::99990000:root',
    );
  });
});

describe('UCloudStsUserGrant: the grantor steps file', () => {
  function synthInto(build: (app: App) => void): string {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ucloud-grant-'));
    const app = new App({ outdir });
    build(app);
    app.synth();
    return outdir;
  }
  const stackOf = (app: App) =>
    new UCloudAccountStack(app, 'accessor', { companyId: ACCESSOR, region: 'cn-bj2', projectId: 'org-test' });

  test("is written next to the stack's cdk.tf.json, named for the construct path", () => {
    let steps = '';
    const out = synthInto((app) => {
      const g = new UCloudStsUserGrant(stackOf(app), 'api', { ...BASE, userNames: ['x'] });
      steps = g.grantorSteps.toMarkdown();
    });
    expect(fs.readdirSync(path.join(out, 'stacks', 'accessor')).sort()).toEqual([
      'cdk.tf.json',
      'ucloud-grantor-steps.api.md',
    ]);
    expect(fs.readFileSync(path.join(out, 'stacks', 'accessor', 'ucloud-grantor-steps.api.md'), 'utf8')).toBe(steps);
  });

  test('is not written with writeGrantorSteps: false', () => {
    const out = synthInto(
      (app) => new UCloudStsUserGrant(stackOf(app), 'api', { ...BASE, userNames: ['x'], writeGrantorSteps: false }),
    );
    expect(fs.readdirSync(path.join(out, 'stacks', 'accessor'))).toEqual(['cdk.tf.json']);
  });

  test('two grants in one stack write two files', () => {
    const out = synthInto((app) => {
      const stack = stackOf(app);
      new UCloudStsUserGrant(stack, 'a', { ...BASE, userNames: ['x'] });
      new UCloudStsUserGrant(stack, 'b', { ...BASE, roleName: 'other', userNames: ['y'] });
    });
    expect(fs.readdirSync(path.join(out, 'stacks', 'accessor')).sort()).toEqual([
      'cdk.tf.json',
      'ucloud-grantor-steps.a.md',
      'ucloud-grantor-steps.b.md',
    ]);
  });
});

describe('UCloudStsUserGrant: bad input gives one message naming the path, the value and the rule', () => {
  test.each<[string, Partial<UCloudStsUserGrantProps>, string]>([
    [
      'grantor Company ID',
      { grantorCompanyId: '6581-8677', userNames: ['x'] },
      'accessor/api: grantorCompanyId "6581-8677" is not a Company ID (a UCloud Company ID: 4-20 digits, shown under the console avatar)',
    ],
    [
      'same account on both sides',
      { grantorCompanyId: ACCESSOR, userNames: ['x'] },
      `accessor/api: accessorCompanyId "${ACCESSOR}" equals grantorCompanyId (cross-account access needs two accounts)`,
    ],
    [
      'role name',
      { roleName: 'cross account', userNames: ['x'] },
      'accessor/api: roleName "cross account" is not a valid UCloud role name (1-64 characters: letters, digits, "_", ".", "@" and "-")',
    ],
    ['no one to grant', {}, 'accessor/api: no one to grant (give userNames, users or groupName)'],
    [
      'role name from Terraform',
      { roleName: '${var.role}', userNames: ['x'] },
      'accessor/api: roleName "${var.role}" is a Terraform expression (the grantor steps need the name itself)',
    ],
    [
      'user name',
      { users: [{ userName: 'ops/bot' }] },
      'accessor/api: user name #1 "ops/bot" is not a valid UCloud user name (1-64 characters: letters, digits, "_", ".", "@" and "-")',
    ],
    [
      'duplicate user',
      { userNames: ['ops'], users: [{ userName: 'ops' }] },
      'accessor/api: user "ops" is given more than once',
    ],
    [
      'group name',
      { groupName: 'a:b' },
      'accessor/api: groupName "a:b" is not a valid UCloud group name (1-64 characters: letters, digits, "_", ".", "@" and "-")',
    ],
    [
      'session duration',
      { userNames: ['x'], maxSessionDuration: 600 },
      'accessor/api: maxSessionDuration 600 is not a whole number of seconds of at least 900 (an STS token lasts at least 900 seconds)',
    ],
    [
      'role policy URN',
      { userNames: ['x'], rolePolicyUrns: ['UHostReadOnlyAccess'] },
      'accessor/api: rolePolicyUrns entry "UHostReadOnlyAccess" is not a policy URN (ucs:iam::<ucs or Company ID>:policy/<name>)',
    ],
  ])('%s', (_, props, message) => {
    expect(grantError(props)).toBe(message);
  });

  test('outside a UCloudAccountStack, accessorCompanyId is required', () => {
    const stack = new TerraformStack(Testing.app(), 'plain');
    expect(errorOf(() => new UCloudStsUserGrant(stack, 'api', { ...BASE, userNames: ['x'] }))).toBe(
      'plain/api: accessorCompanyId is not set (give it, or create the grant in a UCloudAccountStack)',
    );
  });

  test('every problem is listed at once, one a line', () => {
    expect(grantError({ grantorCompanyId: 'A', roleName: '' }).split('\n')).toEqual([
      'accessor/api: grantorCompanyId "A" is not a Company ID (a UCloud Company ID: 4-20 digits, shown under the console avatar)',
      'accessor/api: roleName "" is not a valid UCloud role name (1-64 characters: letters, digits, "_", ".", "@" and "-")',
      'accessor/api: no one to grant (give userNames, users or groupName)',
    ]);
  });
});
