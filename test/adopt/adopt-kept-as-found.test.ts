// What no construct expresses is kept as found, never dropped silently: a system policy on a user (the
// console flow of scenario 4 attaches AliyunSTSAssumeRoleAccess to Bob) becomes an imported attachment
// the report sees; a trust policy CrossAccountRole cannot write leaves the role out, says why, and the
// report says it does not cover that role.
import * as fs from 'fs';
import * as path from 'path';
import { adoptInto, copyOfRecorded, setField, stackJson, synthMain } from './support';

describe('adopt keeps what it cannot express as found', () => {
  const recorded = copyOfRecorded();
  setField(
    path.join(recorded, 'partner/ListPoliciesForUser-Bob.json'),
    ['Policies', 'Policy'],
    [{ PolicyName: 'AliyunSTSAssumeRoleAccess', PolicyType: 'System', Description: '', DefaultVersion: 'v1' }],
  );
  fs.rmSync(path.join(recorded, 'partner/GetPolicy-AssumeRole-1111222233334444-Partner-ReadOnly-Access.json'));
  const denied = JSON.stringify({
    Statement: [
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: ['acs:ram::5555666677778888:root'] } },
      { Action: 'sts:AssumeRole', Effect: 'Deny', Principal: { RAM: ['acs:ram::5555666677778888:user/mallory'] } },
    ],
    Version: '1',
  });
  const second = path.join(recorded, 'owner/GetRole-Denying-Role.json');
  fs.copyFileSync(path.join(recorded, 'owner/GetRole-Partner-ReadOnly-Access.json'), second);
  setField(second, ['Role', 'RoleName'], 'Denying-Role');
  setField(second, ['Role', 'AssumeRolePolicyDocument'], denied);
  fs.copyFileSync(
    path.join(recorded, 'owner/ListPoliciesForRole-Partner-ReadOnly-Access.json'),
    path.join(recorded, 'owner/ListPoliciesForRole-Denying-Role.json'),
  );
  const { run, main, dir } = adoptInto(recorded);
  const text = fs.readFileSync(main, 'utf8');
  const report = fs.readFileSync(path.join(dir, 'access-report.md'), 'utf8');

  test('the system policy on Bob is an imported attachment, with a warning comment', () => {
    expect(run.code).toBe(0);
    expect(text).toContain('// AliyunSTSAssumeRoleAccess lets Bob assume EVERY role that trusts this account');
    const partner = stackJson(synthMain(main), 'partner');
    expect(partner.import).toEqual([
      {
        id: 'user:AliyunSTSAssumeRoleAccess:System:Bob',
        to: 'alicloud_ram_user_policy_attachment.user-Bob-system-AliyunSTSAssumeRoleAccess',
      },
    ]);
  });

  test('the report sees it: Bob can assume the role through AliyunSTSAssumeRoleAccess', () => {
    expect(report).toContain('| acs:ram::5555666677778888:user/Bob | **yes** |');
  });

  test('a trust policy with a Deny leaves the role out, kept as recorded with the reason', () => {
    expect(text).toContain(
      '// Role Denying-Role is NOT adopted: its trust policy cannot be written with CrossAccountRole',
    );
    expect(text).toContain(`export const untouchedTrustDenyingRole0 = '${denied}';`);
    expect(text).not.toContain('"role-Denying-Role"');
    expect(report).toContain('## Found but not adopted');
    expect(report).toContain(
      '- role `Denying-Role` of account 1111222233334444: a statement is not "Allow sts:AssumeRole"',
    );
  });
});
