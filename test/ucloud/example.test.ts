// examples/ucloud-cross-account synthesized by the real `cdktf synth`, as a user runs it: account B's
// side is code (the sub-user, STSCreateOnlyAccess, no API key), account A's side is produced (outputs
// and the grantor steps file), and the access report leaves the UCloud stack out with a note.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import {
  AccessGraph,
  AccountStack,
  CrossAccountRole,
  UCloudAccountStack,
  UCloudGrantorSteps,
  UCloudStsUserGrant,
} from '../../lib';
import { UcloudProvider } from '../../lib/.gen/providers/ucloud/provider';
import { runCli } from '../../lib/cli/main';
import { readUCloudEnvironment, UCLOUD_EXAMPLE_DEFAULTS } from '../../examples/ucloud-cross-account/environment';
import { UCLOUD_CROSS_ACCOUNT } from '../../examples/ucloud-cross-account/stacks';
import { cdktfSynth, ROOT, stackOf } from '../support/cdktf';
import { synthOut } from '../support/out';
import { errorOf, OWNER, PARTNER } from '../support/synth';

const A = UCLOUD_EXAMPLE_DEFAULTS.GRANTOR_COMPANY_ID;
const B = UCLOUD_EXAMPLE_DEFAULTS.ACCESSOR_COMPANY_ID;
const n = UCLOUD_CROSS_ACCOUNT;
const FOLDER = path.join('examples', 'ucloud-cross-account');

function cli(...argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

describe('examples/ucloud-cross-account', () => {
  const out = cdktfSynth(FOLDER);
  const accessor = stackOf(out, 'accessor');
  const resources = accessor.resource;
  const stepsFile = path.join(out, 'stacks', 'accessor', 'ucloud-grantor-steps.api-access.md');

  test('one stack, for account B, with the ucloud/ucloud provider only', () => {
    expect(fs.readdirSync(path.join(out, 'stacks'))).toEqual(['accessor']);
    expect(accessor.terraform.required_providers).toEqual({ ucloud: { source: 'ucloud/ucloud', version: '~> 1.39' } });
    expect(Object.keys(accessor.provider)).toEqual(['ucloud']);
  });

  test('the sub-user is for API use only: console login off', () => {
    expect(Object.values(resources.ucloud_iam_user)).toEqual([
      expect.objectContaining({ name: n.subUser, login_enable: false }),
    ]);
  });

  test('it gets STSCreateOnlyAccess, the system policy read by name', () => {
    const [attachment] = Object.values(resources.ucloud_iam_user_policy_attachment);
    const reference = /^\$\{data\.ucloud_iam_policy\.([^.]+)\.urn\}$/.exec(String(attachment.policy_urn));
    expect(reference).not.toBeNull();
    expect(accessor.data.ucloud_iam_policy[reference![1]]).toMatchObject({
      name: 'STSCreateOnlyAccess',
      type: 'System',
    });
    expect(attachment.user_name).toBe('${ucloud_iam_user.api-access_user-api-operator.name}');
  });

  test('no API key (ucloud_iam_access_key) and no secret anywhere in the output', () => {
    expect(Object.keys(resources).sort()).toEqual(['ucloud_iam_user', 'ucloud_iam_user_policy_attachment']);
    const everything = fs.readFileSync(path.join(out, 'stacks', 'accessor', 'cdk.tf.json'), 'utf8');
    expect(everything).not.toMatch(/access_key|private_key|public_key|secret/);
  });

  test("the grantor's side is in the output: role URN and trust principal ucs:iam::<B>:root", () => {
    expect(Object.keys(accessor.output).sort()).toEqual([
      'api-access_grantor-role-urn',
      'api-access_grantor-trust-policy',
      'api-access_grantor-trust-principal',
    ]);
    expect(accessor.output['api-access_grantor-trust-principal'].value).toBe(`ucs:iam::${B}:root`);
    expect(accessor.output['api-access_grantor-role-urn'].value).toBe(`ucs:iam::${A}:role/${n.roleName}`);
    const steps = fs.readFileSync(stepsFile, 'utf8');
    expect(steps).toContain(`Principal ucs:iam::${B}:root`);
    expect(steps).toContain(`ucloud api --Action CreateRole --RoleName ${n.roleName} --RolePolicyDocument '`);
  });

  test("the README shows the produced steps file's console steps and API calls exactly", () => {
    const readme = fs.readFileSync(path.join(ROOT, FOLDER, 'README.md'), 'utf8');
    const produced = new UCloudGrantorSteps({ grantorCompanyId: A, accessorCompanyId: B, roleName: n.roleName });
    expect(fs.readFileSync(stepsFile, 'utf8')).toBe(produced.toMarkdown());
    for (const line of [...produced.consoleSteps, ...produced.apiCalls, produced.assumeRoleCall])
      expect(readme).toContain(line);
    expect(readme).toContain(JSON.stringify(JSON.parse(produced.trustPolicy), undefined, 2));
  });

  test('report and check leave the UCloud stack out with a one-line note, instead of failing', () => {
    const note =
      'cdktf-xaccount: note: stack "accessor" is a UCloud (ucloud/ucloud) stack: not analysed, this report covers Alibaba Cloud RAM only';
    const report = cli('report', out);
    expect(report).toEqual({ code: 0, out: [expect.stringMatching(/: 0 open finding\(s\)$/)], err: [note] });
    expect(fs.readFileSync(path.join(out, 'access-report.md'), 'utf8')).toMatch(/^Stacks: none\. /m);
    expect(fs.readFileSync(path.join(out, 'access-report.md'), 'utf8')).toContain(
      '\nNote: stack "accessor" is a UCloud (ucloud/ucloud) stack: not analysed, this report covers Alibaba Cloud RAM only.\n',
    );
    expect(cli('check', out)).toEqual({
      code: 0,
      out: ['0 open finding(s) at or above high; 0 other finding(s)'],
      err: [note],
    });
  });

  test('a malformed variable stops the synth with one message naming it', () => {
    expect(errorOf(() => readUCloudEnvironment({ ACCESSOR_COMPANY_ID: 'B-2' }))).toBe(
      'Invalid environment: ACCESSOR_COMPANY_ID "B-2" is not a UCloud Company ID (4-20 digits)',
    );
    expect(readUCloudEnvironment({ GRANTOR_COMPANY_ID: ' 30000003 ' }).grantorCompanyId).toBe('30000003');
  });

  test("the root README's UCloud bad-input example is the message a grant gives", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const shown = readme.split('\n').find((line) => line.startsWith('accessor/api-access: '));
    const stack = new UCloudAccountStack(new App(), 'accessor', { companyId: B, region: 'cn-bj2', projectId: 'org-x' });
    const message = errorOf(
      () =>
        new UCloudStsUserGrant(stack, 'api-access', {
          grantorCompanyId: '6581-8677',
          roleName: n.roleName,
          users: [{ userName: n.subUser }],
        }),
    );
    expect(shown).toBe(message);
  });

  test('its entry point prints that message alone, no stack trace, and exits 1', async () => {
    const written: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((text) => written.push(String(text)) > 0);
    process.env.ACCESSOR_COMPANY_ID = '42';
    try {
      process.exitCode = undefined;
      await jest.isolateModulesAsync(async () => {
        await import('../../examples/ucloud-cross-account/main');
      });
      expect({ exitCode: process.exitCode, stderr: written.join('') }).toEqual({
        exitCode: 1,
        stderr: 'Invalid environment: ACCESSOR_COMPANY_ID "42" is not a UCloud Company ID (4-20 digits)\n',
      });
    } finally {
      delete process.env.ACCESSOR_COMPANY_ID;
      process.exitCode = undefined;
      write.mockRestore();
    }
  });
});

describe('the note never hides RAM access', () => {
  /** Account A's stack with one role trusted by B. */
  function ownerWithRole(app: App): AccountStack {
    const owner = new AccountStack(app, 'owner', { accountId: OWNER, region: 'cn-hangzhou' });
    new CrossAccountRole(owner, 'partner', {
      roleName: 'partner',
      ownerAccountId: OWNER,
      trustedAccountIds: [PARTNER],
    });
    return owner;
  }

  test('a stack with alicloud and ucloud resources is still read whole, with a note on its UCloud part', () => {
    const out = synthOut((app: App) => {
      const owner = ownerWithRole(app);
      const ucloud = new UcloudProvider(owner, 'ucloud', { region: 'cn-bj2', projectId: 'org-test' });
      new UCloudStsUserGrant(owner, 'ucloud-api', {
        grantorCompanyId: '10000001',
        accessorCompanyId: '20000002',
        roleName: 'r',
        userNames: ['u'],
        provider: ucloud,
      });
    });
    const graph = AccessGraph.fromSynthOutput(out);
    expect(graph.roles.map((r) => r.arn)).toEqual([`acs:ram::${OWNER}:role/partner`]);
    expect(graph.stacks.map((s) => s.name)).toEqual(['owner']);
    expect(graph.notes).toEqual([
      'stack "owner": its UCloud (ucloud/ucloud) resources are not analysed; its Alibaba Cloud ones are',
    ]);
  });

  test('a hand-written stack with a ucloud provider and a RAM role but no alicloud provider is read', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ucloud-hand-'));
    fs.mkdirSync(path.join(out, 'stacks', 'mixed'), { recursive: true });
    const trust = {
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${PARTNER}:root`] } }],
      Version: '1',
    };
    fs.writeFileSync(
      path.join(out, 'stacks', 'mixed', 'cdk.tf.json'),
      JSON.stringify({
        provider: { ucloud: [{ region: 'cn-bj2', project_id: 'org-test' }] },
        resource: {
          alicloud_ram_role: { r: { role_name: 'hidden', assume_role_policy_document: JSON.stringify(trust) } },
        },
      }),
    );
    fs.writeFileSync(
      path.join(out, 'manifest.json'),
      JSON.stringify({ stacks: { mixed: { synthesizedStackPath: 'stacks/mixed/cdk.tf.json' } } }),
    );
    const graph = AccessGraph.fromSynthOutput(out);
    expect(graph.roles.map((r) => r.roleName)).toEqual(['hidden']);
    expect(graph.notes).toEqual([
      'stack "mixed": its UCloud (ucloud/ucloud) resources are not analysed; its Alibaba Cloud ones are',
    ]);
  });

  test('stacks without UCloud get no note', () => {
    const out = synthOut((app: App) => ownerWithRole(app));
    expect(AccessGraph.fromSynthOutput(out).notes).toEqual([]);
  });
});
