import { Arn } from '../../lib/policy';
import { errorOf, OWNER } from '../support/ids';

describe('Arn', () => {
  test('RAM ARNs have an empty region (ram-policy-reference §3.4)', () => {
    expect(Arn.ramRole(OWNER, 'partner-log-writer')).toBe(`acs:ram::${OWNER}:role/partner-log-writer`);
    expect(Arn.ramUser(OWNER, 'b1')).toBe(`acs:ram::${OWNER}:user/b1`);
    expect(Arn.accountRoot(OWNER)).toBe(`acs:ram::${OWNER}:root`);
  });

  test('Log Service ARNs default region and owner to "*" and name the owner when given (§4.1)', () => {
    expect(Arn.logProject('p1')).toBe('acs:log:*:*:project/p1');
    expect(Arn.logstore('p1', 'ls', { region: 'cn-hangzhou', projectOwnerAccountId: OWNER })).toBe(
      `acs:log:cn-hangzhou:${OWNER}:project/p1/logstore/ls`,
    );
    expect(Arn.logConsumerGroup('p1', 'ls', 'cg')).toBe('acs:log:*:*:project/p1/logstore/ls/consumergroup/cg');
    expect(Arn.logConsumerGroups('p1', 'ls')).toBe('acs:log:*:*:project/p1/logstore/ls/consumergroup/*');
    expect(Arn.logstores('p1')).toBe('acs:log:*:*:project/p1/logstore/*');
    expect(Arn.logProjects({ projectOwnerAccountId: OWNER })).toBe(`acs:log:*:${OWNER}:project/*`);
  });

  test('a Log Service name with a wildcard is refused: "*" crosses "/" (§1.4, §4.1)', () => {
    expect(errorOf(() => Arn.logProject('app*'))).toBe(
      'Arn.log ARN: project "app*" is not a Log Service name (lowercase letters, digits, "_" and "-"; no wildcards)',
    );
    expect(errorOf(() => Arn.logstore('app', 'logs?'))).toContain('logstore "logs?" is not a Log Service name');
  });

  test('a bad owner account or region is refused', () => {
    expect(errorOf(() => Arn.logProject('p', { projectOwnerAccountId: '42' }))).toContain(
      'projectOwnerAccountId "42" is not an account ID (a 16-digit Alibaba Cloud account ID)',
    );
    expect(errorOf(() => Arn.logProject('p', { region: 'Hangzhou' }))).toContain(
      'region "Hangzhou" is not a region ID (such as cn-hangzhou) or "*"',
    );
  });

  test('role ARNs are recognised and parsed; anything else is refused with the form', () => {
    expect(Arn.isRoleArn(`acs:ram::${OWNER}:role/x.y-z`)).toBe(true);
    expect(Arn.isRoleArn(`acs:ram:*:${OWNER}:role/x`)).toBe(false);
    expect(Arn.isRoleArn('acs:ram::12:role/x')).toBe(false);
    expect(Arn.parseRoleArn(`acs:ram::${OWNER}:role/ecs-admin`)).toEqual({ accountId: OWNER, roleName: 'ecs-admin' });
    expect(errorOf(() => Arn.parseRoleArn('acs:ram::12:role/x'))).toBe(
      'Arn.parseRoleArn: "acs:ram::12:role/x" is not a RAM role ARN (acs:ram::<16-digit account id>:role/<name>)',
    );
    expect(errorOf(() => Arn.ramRole(OWNER, 'a/b'))).toContain('roleName "a/b" is not a valid RAM role name');
  });

  test('a region is "*" or <two letters>-<part>[-<part>...]: anything more or less is refused', () => {
    for (const region of ['*', 'cn-hangzhou', 'ap-southeast-1', 'us-east-1', '${var.region}']) {
      expect(Arn.logProject('p', { region })).toBe(`acs:log:${region}:*:project/p`);
    }
    for (const region of [
      'cn',
      'cn-',
      'c-hangzhou',
      'cnx-hangzhou',
      'Xcn-hangzhou',
      'cn-hangzhou!',
      'cn-Hangzhou',
      '**',
      '',
    ]) {
      expect(errorOf(() => Arn.logProject('p', { region }))).toBe(
        `Arn.log ARN: region ${JSON.stringify(region)} is not a region ID (such as cn-hangzhou) or "*"`,
      );
    }
  });

  test('every problem of a log ARN is named at once, and each builder names itself', () => {
    expect(errorOf(() => Arn.logstore('p', 'ls', { region: 'x', projectOwnerAccountId: '42' }))).toBe(
      'Arn.log ARN: projectOwnerAccountId "42" is not an account ID (a 16-digit Alibaba Cloud account ID); ' +
        'region "x" is not a region ID (such as cn-hangzhou) or "*"',
    );
    expect(Arn.logProject('p', { projectOwnerAccountId: '*' })).toBe('acs:log:*:*:project/p');
    expect(errorOf(() => Arn.accountRoot('42'))).toBe(
      'Arn.accountRoot: accountId "42" is not an account ID (a 16-digit Alibaba Cloud account ID)',
    );
    expect(errorOf(() => Arn.ramUser('42', 'a b'))).toBe(
      'Arn.ramUser: accountId "42" is not an account ID (a 16-digit Alibaba Cloud account ID); ' +
        'userName "a b" is not a valid RAM user name (1-64 characters: letters, digits, ".", "_" and "-")',
    );
    expect(errorOf(() => Arn.ramRole('42', 'r'))).toBe(
      'Arn.ramRole: accountId "42" is not an account ID (a 16-digit Alibaba Cloud account ID)',
    );
    expect(errorOf(() => Arn.logConsumerGroup('p', 'ls', 'Group*'))).toBe(
      'Arn.log ARN: consumerGroup "Group*" is not a Log Service name (lowercase letters, digits, "_" and "-"; no wildcards)',
    );
    for (const name of ['a_b-1', '0p']) expect(Arn.logProject(name)).toBe(`acs:log:*:*:project/${name}`);
    for (const name of ['-p', '_p', 'p.q', 'P', 'p q'])
      expect(() => Arn.logProject(name)).toThrow('is not a Log Service name');
  });

  test('isRoleArn takes exactly the role ARN form: 16 digits, a 1-64 character name, nothing around it', () => {
    const role = `acs:ram::${OWNER}:role/`;
    for (const ok of [`${role}a`, `${role}${'r'.repeat(64)}`, `${role}A.b-1`]) expect(Arn.isRoleArn(ok)).toBe(true);
    for (const bad of [
      `${role}`,
      `${role}${'r'.repeat(65)}`,
      `${role}a_b`,
      `${role}a/b`,
      `x${role}a`,
      `${role}a `,
      `acs:ram::${OWNER}1:role/a`,
      `acs:ram::${OWNER}:user/a`,
    ]) {
      expect([bad, Arn.isRoleArn(bad)]).toEqual([bad, false]);
    }
  });

  test('Terraform expressions pass through unchecked', () => {
    expect(Arn.ramRole('${var.owner}', 'r')).toBe('acs:ram::${var.owner}:role/r');
    expect(Arn.logstore('${var.project}', '${var.store}')).toBe(
      'acs:log:*:*:project/${var.project}/logstore/${var.store}',
    );
  });
});
