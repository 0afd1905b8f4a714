import { SystemPolicies } from '../../lib/analysis';

// The system policies the analysis knows (system-policies.ts), each as ram-policy-reference §5 gives it,
// with its source and, for the broad ones, the narrower way this library offers; any other name is unknown.
const statements = (name: string) => SystemPolicies.lookup(name)!.document.toJson().Statement;

test('each known policy: its name, its statements, its source and its narrower alternative', () => {
  const sts = SystemPolicies.lookup('AliyunSTSAssumeRoleAccess')!;
  expect(sts.policyName).toBe('AliyunSTSAssumeRoleAccess');
  expect(sts.source).toBe('v1 of 2017-04-27 (alibabacloud.com developer reference)');
  expect(sts.narrowerAlternative).toBe('AssumeRoleUserGrant (sts:AssumeRole on one role)');
  expect(statements('AliyunSTSAssumeRoleAccess')).toEqual([
    { Action: 'sts:AssumeRole', Effect: 'Allow', Resource: '*' },
  ]);
  expect(statements('AliyunFCReadOnlyAccess')).toEqual([
    { Action: ['fc:Get*', 'fc:List*'], Effect: 'Allow', Resource: '*' },
  ]);
  expect(SystemPolicies.lookup('AliyunFCReadOnlyAccess')!.narrowerAlternative).toBeUndefined();
  expect(statements('AliyunFCFullAccess')).toEqual(
    expect.arrayContaining([
      { Action: 'fc:*', Effect: 'Allow', Resource: '*' },
      {
        Action: 'ram:PassRole',
        Condition: { StringEquals: { 'acs:Service': 'fc.aliyuncs.com' } },
        Effect: 'Allow',
        Resource: '*',
      },
    ]),
  );
  expect(SystemPolicies.lookup('AliyunLogReadOnlyAccess')!.narrowerAlternative).toBe(
    'ScopedLogPolicy (LogGrant.read on one logstore)',
  );
  expect(statements('AliyunLogFullAccess')).toEqual([{ Action: 'log:*', Effect: 'Allow', Resource: '*' }]);
});

test('a name the table does not hold, or in another case, is unknown; a known one is read once; the names known, sorted', () => {
  for (const name of ['AliyunOSSFullAccess', 'aliyunstsassumeroleaccess', '', 'AliyunSTSAssumeRoleAccess '])
    expect(SystemPolicies.lookup(name)).toBeUndefined();
  expect(SystemPolicies.lookup('AliyunECSFullAccess')).toBe(SystemPolicies.lookup('AliyunECSFullAccess'));
  expect(SystemPolicies.known()).toEqual([
    'AliyunECSFullAccess',
    'AliyunECSReadOnlyAccess',
    'AliyunFCFullAccess',
    'AliyunFCReadOnlyAccess',
    'AliyunLogFullAccess',
    'AliyunLogReadOnlyAccess',
    'AliyunSTSAssumeRoleAccess',
  ]);
  expect(SystemPolicies.SNAPSHOT).toBe('ram-policy-reference §5, 2026-08');
});

describe('names every JavaScript object has', () => {
  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'a system policy named %s is unknown, not a crash',
    (name) => {
      expect(SystemPolicies.lookup(name)).toBeUndefined();
    },
  );
});
