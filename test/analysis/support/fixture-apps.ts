import { TerraformVariable } from 'cdktf';
import { AssumeRoleUserGrant } from '../../../lib';
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
  ...Object.fromEntries(
    Object.entries(EXAMPLE_BUILDERS).map(([folder, build]) => [`example-${folder}`, () => synthOut(build)]),
  ),
};
