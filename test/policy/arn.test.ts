import { Arn } from '../../lib';
import { errorOf, OWNER } from '../support/synth';

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

  test('Terraform expressions pass through unchecked', () => {
    expect(Arn.ramRole('${var.owner}', 'r')).toBe('acs:ram::${var.owner}:role/r');
  });
});
