import { AssumeRoleParameterCheck } from '../../lib/analysis';

// The AssumeRole parameters STS refuses before any policy is read (assume-role-parameters.ts), at both edges
// of each range (ram-policy-reference §3.5, §3.6, §3.3 and the session-policy row of §1): DurationSeconds
// 900 to the role's MaxSessionDuration (3,600 when not given, the default duration), RoleSessionName of
// 2-64 letters, digits and `. @ - _`, a session policy of 1-2,048 characters, an ExternalId of 2-1,224
// letters, digits and `_ + = , . @ : / -`.
const ok = { roleSessionName: 'bob' };
const rejection = (more: object) => AssumeRoleParameterCheck.rejection({ ...ok, ...more });

test('DurationSeconds: 900 to MaxSessionDuration, whole seconds; 3,600 of 3,600 when neither is given', () => {
  expect(rejection({})).toBeUndefined();
  expect(rejection({ durationSeconds: 900 })).toBeUndefined();
  expect(rejection({ durationSeconds: 3600 })).toBeUndefined();
  expect(rejection({ durationSeconds: 43200, maxSessionDuration: 43200 })).toBeUndefined();
  for (const more of [
    { durationSeconds: 899 },
    { durationSeconds: 3601 },
    { durationSeconds: 3601, maxSessionDuration: 3600 },
    { durationSeconds: 900.5 },
    { durationSeconds: Number.NaN },
    { maxSessionDuration: 3599 },
  ])
    expect(rejection(more)).toBe('InvalidParameter.DurationSeconds');
});

test('RoleSessionName: 2 to 64 of letters, digits and . @ - _', () => {
  for (const name of ['ab', 'x'.repeat(64), 'a.b@c-d_e', 'Z9'])
    expect(rejection({ roleSessionName: name })).toBeUndefined();
  for (const name of ['a', '', 'x'.repeat(65), 'a b', 'a/b', 'a:b', 'bob\n', '\nbob', 'bob!'])
    expect(rejection({ roleSessionName: name })).toBe('InvalidParameter.RoleSessionName');
});

test('a session policy of 1 to 2,048 characters', () => {
  expect(rejection({ sessionPolicy: 'x' })).toBeUndefined();
  expect(rejection({ sessionPolicy: 'x'.repeat(2048) })).toBeUndefined();
  expect(rejection({ sessionPolicy: '' })).toBe('InvalidParameter.PolicySize');
  expect(rejection({ sessionPolicy: 'x'.repeat(2049) })).toBe('InvalidParameter.PolicySize');
});

test('ExternalId: 2 to 1,224 of letters, digits and _ + = , . @ : / -', () => {
  for (const id of ['ab', 'x'.repeat(1224), 'a_b+c=d,e.f@g:h/i-j'])
    expect(rejection({ externalId: id })).toBeUndefined();
  for (const id of ['a', '', 'x'.repeat(1225), 'a b', 'a*b', 'ab\n', '\nab'])
    expect(rejection({ externalId: id })).toBe('InvalidParameter.ExternalId');
});

test('one code per call: the first problem, in the order duration, session name, policy size, external ID', () => {
  expect(rejection({ durationSeconds: 1, roleSessionName: 'b', sessionPolicy: '', externalId: 'x' })).toBe(
    'InvalidParameter.DurationSeconds',
  );
  expect(rejection({ roleSessionName: 'b', sessionPolicy: '', externalId: 'x' })).toBe(
    'InvalidParameter.RoleSessionName',
  );
  expect(rejection({ sessionPolicy: '', externalId: 'x' })).toBe('InvalidParameter.PolicySize');
});
