import { App, TerraformVariable } from 'cdktf';
import { AssumeRoleUserGrant, CrossAccountRole, CustomPolicy, PolicyDocument, PolicyStatement } from '../../lib';
import { AccessGraph } from '../../lib/analysis';
import { accountStack, synthOut } from '../support/out';
import { OTHER, OWNER, PARTNER } from '../support/synth';

// RAM names are unique per account: a second role or custom policy of one name in one account cannot be created
// (Terraform fails at apply, after the first has changed the account) and the analysis refuses such an output.
// The constructs refuse it when they are created, naming both constructs.

const ROLE_ARN = `acs:ram::${OWNER}:role/x`;
const role = (scope: ReturnType<typeof accountStack>, id: string, roleName = 'x') =>
  new CrossAccountRole(scope, id, {
    roleName,
    trustedAccountIds: [PARTNER],
    systemPolicies: ['AliyunECSReadOnlyAccess'],
  });
const grant = (scope: ReturnType<typeof accountStack>, id: string, userName: string, policyName?: string) =>
  new AssumeRoleUserGrant(scope, id, {
    roleArn: ROLE_ARN,
    users: [{ userName }],
    ...(policyName ? { policyName } : {}),
  });

describe('a role or custom policy name is created once per account', () => {
  test('two grants of one role for two teams in one partner stack: the second needs its own policyName', () => {
    const app = new App();
    const partner = accountStack(app, 'partner', PARTNER);
    grant(partner, 'team1', 'a1');
    expect(() => grant(partner, 'team2', 'a2')).toThrow(
      `partner/team2/policy: policyName "AssumeRole-${OWNER}-x" is the name of the custom policy partner/team1/policy ` +
        `already creates in account ${PARTNER} (RAM names are unique per account: give one of them another policyName)`,
    );
  });

  test('the same, in two stacks of one account', () => {
    const app = new App();
    grant(accountStack(app, 'partner', PARTNER), 'team1', 'a1');
    expect(() => grant(accountStack(app, 'partner2', PARTNER), 'team2', 'a2')).toThrow(
      `partner2/team2/policy: policyName "AssumeRole-${OWNER}-x" is the name of the custom policy partner/team1/policy already creates in account ${PARTNER}`,
    );
  });

  test('two roles of one name in one account, in one stack or in two', () => {
    const app = new App();
    const owner = accountStack(app, 'owner', OWNER);
    role(owner, 'x1');
    expect(() => role(owner, 'x2')).toThrow(
      `owner/x2: roleName "x" is the name of the role owner/x1 already creates in account ${OWNER} ` +
        '(RAM names are unique per account: give one of them another roleName)',
    );
    expect(() => role(accountStack(app, 'owner2', OWNER), 'x3')).toThrow(
      /^owner2\/x3: roleName "x" is the name of the role owner\/x1/,
    );
  });

  test('the same names in other accounts, other names, and names of tokens are not refused; the output is read', () => {
    const out = synthOut((app) => {
      role(accountStack(app, 'owner', OWNER), 'x');
      role(accountStack(app, 'other', OTHER), 'x'); // another account
      const partner = accountStack(app, 'partner', PARTNER);
      grant(partner, 'team1', 'a1');
      grant(partner, 'team2', 'a2', 'AssumeRole-x-team2');
      const name = new TerraformVariable(partner, 'policy_name', { type: 'string' });
      const document = new PolicyDocument([new PolicyStatement({ actions: ['log:GetLogStore'], resources: ['*'] })]);
      new CustomPolicy(partner, 'p1', { policyName: name.stringValue, document });
      new CustomPolicy(partner, 'p2', { policyName: name.stringValue, document });
    });
    expect(AccessGraph.fromSynthOutput(out).roles.map((r) => r.arn)).toEqual([ROLE_ARN, `acs:ram::${OTHER}:role/x`]);
  });
});
