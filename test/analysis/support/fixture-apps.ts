import { LocalBackend, TerraformStack, TerraformVariable } from 'cdktf';
import {
  AccountGuard,
  alicloud,
  AssumeRoleUserGrant,
  CrossAccountRole,
  CustomPolicy,
  PolicyDocument,
  PolicyStatement,
} from '../../../lib';
import { EXAMPLE_BUILDERS } from '../../examples/builders';
import { accountStack, flagshipOut, synthOut } from '../../support/out';
import { OWNER, PARTNER } from '../../support/ids';

const env = { OWNER_ACCOUNT_ID: OWNER, PARTNER_ACCOUNT_ID: PARTNER };

/**
 * How each committed fixture of test/analysis/fixtures is made: a function that synthesizes it and
 * returns the output folder. `npm run mutation:fixtures` writes them; fixtures-current.test.ts checks them.
 */
export const FIXTURE_APPS: { [name: string]: () => string } = {
  /** The flagship app (examples/log-service-partner) with the test accounts. */
  flagship: () => flagshipOut(env),
  /** The flagship app with partner B's access revoked. */
  'flagship-revoked': () => flagshipOut({ ...env, PARTNER_ACCESS: 'revoked' }),
  /** A partner stack whose grant names a role ARN given by a Terraform variable. */
  'grant-from-variable': () =>
    synthOut((app) => {
      const stack = accountStack(app, 'partner', PARTNER);
      const arn = new TerraformVariable(stack, 'role_arn', { type: 'string' });
      new AssumeRoleUserGrant(stack, 'grant', {
        roleArn: arn.stringValue,
        userNames: ['b1'],
        policyName: 'assume-partner-role',
      });
    }),
  /** One TerraformStack with two providers, each with its AccountGuard (accounts-from-providers.test.ts). */
  'composed-stack': () =>
    synthOut((app) => {
      const stack = new TerraformStack(app, 'platform');
      // A relative state path: cdktf's default is absolute (the working directory), which no committed fixture may hold.
      new LocalBackend(stack, { path: '../../../terraform.platform.tfstate' });
      const owner = new alicloud.provider.AlicloudProvider(stack, 'owner', { region: 'cn-hangzhou' });
      const partner = new alicloud.provider.AlicloudProvider(stack, 'partner', {
        alias: 'partner',
        region: 'cn-hangzhou',
        profile: 'partner',
      });
      new AccountGuard(stack, 'owner-guard', { expectedAccountId: OWNER, provider: owner });
      new AccountGuard(stack, 'partner-guard', { expectedAccountId: PARTNER, provider: partner });
      new CrossAccountRole(stack, 'role', {
        roleName: 'r',
        ownerAccountId: OWNER,
        trustedAccountIds: [PARTNER],
        requireMfa: true,
        provider: owner,
      });
      new AssumeRoleUserGrant(stack, 'grant', {
        roleArn: CrossAccountRole.arnOf(OWNER, 'r'),
        users: [{ userName: 'b1' }],
        requireMfa: true,
        provider: partner,
      });
      new CustomPolicy(stack, 'wide', {
        provider: partner,
        policyName: 'wide',
        document: new PolicyDocument([
          new PolicyStatement({ actions: ['sts:AssumeRole'], resources: [CrossAccountRole.arnOf(OWNER, 'r')] }),
        ]),
      });
      new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(stack, 'wide-attach', {
        provider: partner,
        userName: 'b2',
        policyName: 'wide',
        policyType: 'Custom',
      });
    }),
  ...Object.fromEntries(
    Object.entries(EXAMPLE_BUILDERS).map(([folder, build]) => [`example-${folder}`, () => synthOut(build)]),
  ),
};
