import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AccountGuard, AccountStack, CrossAccountRole } from '../../lib';
import { errorOf, OWNER, PARTNER, synthAccountStack, StackJson } from '../support/synth';

/** The main provider's region: the region when the guard read finds the account, else a refusal. */
function guardedRegion(region: string, account: string, stack: string): string {
  return (
    `\${(data.alicloud_caller_identity.account-guard_caller.account_id == "${account}") ? "${region}" : ` +
    `"wrong credentials: not account ${account}, which stack ${stack} manages"}`
  );
}

describe('AccountStack', () => {
  test('has its own provider, pinned to the schema version line, and local state by default', () => {
    const json = synthAccountStack(() => undefined);
    expect(json.provider?.alicloud).toEqual([
      { alias: 'account-guard', region: 'cn-hangzhou' },
      { region: guardedRegion('cn-hangzhou', OWNER, 'test') },
    ]);
    expect(json.terraform?.required_providers).toEqual({
      alicloud: { source: 'aliyun/alicloud', version: '~> 1.289' },
    });
    expect(json.terraform?.backend).toEqual({ local: { path: '../../../terraform.test.tfstate' } });
  });

  test('uses the given CLI profile and OSS state with Tablestore locking', () => {
    const app = Testing.app();
    const stack = new AccountStack(app, 'owner', {
      accountId: OWNER,
      region: 'cn-shanghai',
      profile: 'owner-ci',
      stateBackend: {
        bucket: 'tf-state',
        tablestoreEndpoint: 'https://tf-lock.cn-shanghai.ots.aliyuncs.com',
        tablestoreTable: 'locks',
      },
    });
    const json = JSON.parse(Testing.synth(stack)) as StackJson;
    expect(json.provider?.alicloud).toEqual([
      { alias: 'account-guard', region: 'cn-shanghai', profile: 'owner-ci' },
      { region: guardedRegion('cn-shanghai', OWNER, 'owner'), profile: 'owner-ci' },
    ]);
    expect(json.terraform?.backend).toEqual({
      oss: {
        bucket: 'tf-state',
        encrypt: true,
        key: 'owner.tfstate',
        prefix: 'cdktf-alicloud-cross-account',
        profile: 'owner-ci',
        region: 'cn-shanghai',
        tablestore_endpoint: 'https://tf-lock.cn-shanghai.ots.aliyuncs.com',
        tablestore_table: 'locks',
      },
    });
  });

  test('guards against credentials of another account with a postcondition on caller identity', () => {
    const json = synthAccountStack(() => undefined);
    const reads = json.data?.alicloud_caller_identity ?? {};
    expect(Object.keys(reads)).toEqual(['account-guard_caller']);
    expect(reads['account-guard_caller'].lifecycle).toEqual({
      postcondition: [
        {
          condition: `\${self.account_id == "${OWNER}"}`,
          error_message: `The credentials belong to account \${self.account_id}, but stack "test" manages account ${OWNER}. Use that account's credentials; nothing was changed.`,
        },
      ],
    });
    expect(json.data?.alicloud_account).toBeUndefined();
  });

  test('the guard reads through an aliased provider, and every resource depends on the read', () => {
    const json = synthAccountStack((stack) => {
      new CrossAccountRole(stack, 'partner-log-writer', {
        roleName: 'r',
        trustedAccountIds: [PARTNER],
        systemPolicies: ['AliyunLogReadOnlyAccess'],
      });
    });
    expect(json.data?.alicloud_caller_identity['account-guard_caller'].provider).toBe('alicloud.account-guard');
    const elements = Object.values(json.resource ?? {}).flatMap((byName) => Object.values(byName));
    expect(elements.length).toBe(2);
    for (const element of elements) {
      expect(element.depends_on).toEqual(['data.alicloud_caller_identity.account-guard_caller']);
    }
  });

  test('assumeRole goes to both providers', () => {
    const app = Testing.app();
    const roleArn = `acs:ram::${OWNER}:role/terraform-deployer`;
    const stack = new AccountStack(app, 'owner', {
      accountId: OWNER,
      region: 'cn-hangzhou',
      assumeRole: { roleArn, sessionName: 'pipeline', externalId: 'x-1' },
    });
    const json = JSON.parse(Testing.synth(stack)) as StackJson;
    const assumeRole = { role_arn: roleArn, session_name: 'pipeline', external_id: 'x-1' };
    expect(json.provider?.alicloud).toEqual([
      { alias: 'account-guard', region: 'cn-hangzhou', assume_role: assumeRole },
      { region: guardedRegion('cn-hangzhou', OWNER, 'owner'), assume_role: assumeRole },
    ]);
  });

  test('an assumeRole ARN that is malformed or of another account is refused', () => {
    const make = (roleArn: string) => () =>
      new AccountStack(Testing.app(), 'owner', { accountId: OWNER, region: 'cn-hangzhou', assumeRole: { roleArn } });
    expect(errorOf(make('arn:aws:iam::1:role/x'))).toBe(
      'owner: assumeRole.roleArn "arn:aws:iam::1:role/x" is not a RAM role ARN (acs:ram::<account ID>:role/<role name>)',
    );
    expect(errorOf(make(`acs:ram::${PARTNER}:role/deployer`))).toBe(
      `owner: assumeRole.roleArn "acs:ram::${PARTNER}:role/deployer" is a role of account ${PARTNER}, ` +
        `not of ${OWNER} (the role must be in the account the stack manages)`,
    );
  });

  test('Terraform names are the construct path below the stack, without hashes', () => {
    const json = synthAccountStack(
      (stack) => new CrossAccountRole(stack, 'partner-log-writer', { roleName: 'r', trustedAccountIds: [PARTNER] }),
    );
    expect(Object.keys(json.resource?.alicloud_ram_role ?? {})).toEqual(['partner-log-writer_role']);
  });

  test('two constructs that would share a Terraform name are an error', () => {
    expect(
      errorOf(() =>
        synthAccountStack((stack) => {
          new CrossAccountRole(new Construct(stack, 'a_b'), 'c', { roleName: 'r1', trustedAccountIds: [PARTNER] });
          new CrossAccountRole(new Construct(stack, 'a'), 'b_c', { roleName: 'r2', trustedAccountIds: [PARTNER] });
        }),
      ),
    ).toBe(
      'test/a/b_c/role: Terraform name "a_b_c_role" is already used by test/a_b/c/role (rename one of the constructs)',
    );
  });

  test('bad account, region or backend settings are refused', () => {
    const make = (props: object) => () =>
      new AccountStack(Testing.app(), 'owner', { accountId: OWNER, region: 'cn-hangzhou', ...props });
    expect(errorOf(make({ accountId: '123' }))).toBe(
      'owner: accountId "123" is not an account ID (a 16-digit Alibaba Cloud account ID)',
    );
    expect(errorOf(make({ region: 'Hangzhou' }))).toBe(
      'owner: region "Hangzhou" is not a region ID (such as cn-hangzhou)',
    );
    expect(
      errorOf(
        make({ stateBackend: { bucket: 'b', tablestoreEndpoint: 'tf-lock.ots.aliyuncs.com', tablestoreTable: 't' } }),
      ),
    ).toBe('owner: stateBackend.tablestoreEndpoint "tf-lock.ots.aliyuncs.com" is not an https:// endpoint');
  });
});

describe('AccountGuard', () => {
  test('refuses a malformed expected account', () => {
    expect(
      errorOf(() => synthAccountStack((stack) => new AccountGuard(stack, 'guard2', { expectedAccountId: 'x' }))),
    ).toBe('test/guard2: expectedAccountId "x" is not an account ID (a 16-digit Alibaba Cloud account ID)');
  });
});

describe('AccountStack state backend', () => {
  test('an empty bucket name is refused', () => {
    expect(
      errorOf(
        () =>
          new AccountStack(Testing.app(), 'owner', {
            accountId: OWNER,
            region: 'cn-hangzhou',
            stateBackend: {
              bucket: '',
              tablestoreEndpoint: 'https://tf-lock.cn-hangzhou.ots.aliyuncs.com',
              tablestoreTable: 't',
            },
          }),
      ),
    ).toBe('owner: stateBackend.bucket is empty');
  });
});
