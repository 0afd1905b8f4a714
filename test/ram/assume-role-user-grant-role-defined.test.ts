import { App } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { AssumeRoleUserGrant, AssumeRoleUserGrantProps, CrossAccountRole } from '../../lib';
import { accountStack, synthOut } from '../support/out';
import { OTHER, OWNER, PARTNER } from '../support/synth';
import { EXAMPLE_BUILDERS } from '../examples/builders';

const ROLE_ARN = `acs:ram::${OWNER}:role/partner-log-writer`;

/** The warnings `cdktf synth` prints, from the manifest it writes. */
function warnings(build: (app: App) => void): string[] {
  const dir = synthOut(build);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  return Object.values(manifest.stacks as { [name: string]: { annotations: { level: string; message: string }[] } })
    .flatMap((stack) => stack.annotations)
    .filter((a) => a.level === '@cdktf/warn')
    .map((a) => a.message);
}

describe('AssumeRoleUserGrant warns at synth when no CrossAccountRole of the app defines the role', () => {
  const partnerGrant = (app: App, props: Partial<AssumeRoleUserGrantProps> = {}) =>
    new AssumeRoleUserGrant(accountStack(app, 'partner', PARTNER), 'grant', {
      roleArn: ROLE_ARN,
      users: [{ userName: 'b1' }],
      ...props,
    });
  const ownerRole = (app: App, props: object = {}) =>
    new CrossAccountRole(accountStack(app, 'owner', OWNER), 'role', {
      roleName: 'partner-log-writer',
      trustedAccountIds: [PARTNER],
      ...props,
    });

  test('a grant for a role the app does not define is reported with the path and the ARN', () => {
    expect(warnings((app) => partnerGrant(app))).toEqual([
      `partner/grant: roleArn "${ROLE_ARN}" is not defined by any CrossAccountRole of this app ` +
        '(check the ARN; if the role is managed elsewhere, set roleManagedElsewhere: true)',
    ]);
  });

  test('a typo in the role name, or another account, is reported too', () => {
    const typo = `acs:ram::${OWNER}:role/partner-log-witer`;
    expect(
      warnings((app) => {
        ownerRole(app, { ownerAccountId: OWNER });
        partnerGrant(app, { roleArn: typo });
      }),
    ).toEqual([expect.stringContaining(`partner/grant: roleArn "${typo}" is not defined by any CrossAccountRole`)]);
    expect(
      warnings((app) => {
        ownerRole(app, { ownerAccountId: OWNER });
        partnerGrant(app, { roleArn: `acs:ram::${OTHER}:role/partner-log-writer` });
      }),
    ).toHaveLength(1);
  });

  test('no warning when the app defines the role (literal ARN, or its roleArn reference), or with the opt-out', () => {
    expect(
      warnings((app) => {
        ownerRole(app, { ownerAccountId: OWNER });
        partnerGrant(app);
      }),
    ).toEqual([]);
    expect(
      warnings((app) => {
        const role = ownerRole(app);
        partnerGrant(app, { roleArn: role.roleArn, policyName: 'assume-partner-log-writer' });
      }),
    ).toEqual([]);
    expect(warnings((app) => partnerGrant(app, { roleManagedElsewhere: true }))).toEqual([]);
  });
});

describe('the examples define every role they grant: no warning', () => {
  test.each(Object.keys(EXAMPLE_BUILDERS))('%s', (name) => {
    expect(warnings(EXAMPLE_BUILDERS[name])).toEqual([]);
  });
});
