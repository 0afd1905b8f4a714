import {
  checkAccountId,
  checkDescription,
  checkExternalId,
  checkGroupName,
  checkLength,
  checkNonEmptyList,
  checkPolicyName,
  checkRoleName,
  checkSessionDuration,
  checkUserName,
} from '../../lib/policy/private/checks';
import { quote, sortedUnique } from '../../lib/policy/private/expression';
import { isValidationError, ValidationError } from '../../lib/policy/private/validation-error';

// The literal checks every construct uses, at the edges of each rule, with the exact message
// (the constructs' own tests show the construct path in front of it).

describe('literal checks', () => {
  test('account IDs are exactly 16 digits', () => {
    expect(checkAccountId('accountId', '1234567890123456')).toEqual([]);
    expect(checkAccountId('accountId', '123456789012345')).toEqual([
      'accountId "123456789012345" is not an account ID (a 16-digit Alibaba Cloud account ID)',
    ]);
    expect(checkAccountId('accountId', '12345678901234567')).toHaveLength(1);
    expect(checkAccountId('accountId', 'x1234567890123456')).toHaveLength(1);
    expect(checkAccountId('accountId', undefined)).toEqual([]);
    expect(checkAccountId('accountId', '${var.account}')).toEqual([]);
  });

  test('role names: 1-64 letters, digits, "." and "-"', () => {
    expect(checkRoleName('roleName', 'a')).toEqual([]);
    expect(checkRoleName('roleName', 'A.b-9'.padEnd(64, 'x'))).toEqual([]);
    expect(checkRoleName('roleName', 'x'.repeat(65))).toHaveLength(1);
    expect(checkRoleName('roleName', 'a_b')).toEqual([
      'roleName "a_b" is not a valid RAM role name (1-64 characters: letters, digits, "." and "-")',
    ]);
    expect(checkRoleName('roleName', '')).toHaveLength(1);
  });

  test('policy names: 1-128 letters, digits and "-"', () => {
    expect(checkPolicyName('name', 'P-1'.padEnd(128, 'x'))).toEqual([]);
    expect(checkPolicyName('name', 'x'.repeat(129))).toHaveLength(1);
    expect(checkPolicyName('name', 'a.b')).toEqual([
      'name "a.b" is not a valid RAM policy name (1-128 characters: letters, digits and "-")',
    ]);
    expect(checkPolicyName('name', '${local.name}')).toEqual([]);
  });

  test('user names: 1-64 letters, digits, ".", "_" and "-"; group names: letters, digits and "-"', () => {
    expect(checkUserName('userName', 'a.b_c-d')).toEqual([]);
    expect(checkUserName('userName', 'a b')).toEqual([
      'userName "a b" is not a valid RAM user name (1-64 characters: letters, digits, ".", "_" and "-")',
    ]);
    expect(checkUserName('userName', 'x'.repeat(65))).toHaveLength(1);
    expect(checkGroupName('group', 'ops-1')).toEqual([]);
    expect(checkGroupName('group', 'ops_1')).toEqual([
      'group "ops_1" is not a valid RAM group name (1-64 characters: letters, digits and "-")',
    ]);
    expect(checkGroupName('group', 'x'.repeat(65))).toHaveLength(1);
  });

  test('lengths and descriptions are checked at both ends', () => {
    expect(checkLength('comments', 'ab', 2, 3)).toEqual([]);
    expect(checkLength('comments', 'abc', 2, 3)).toEqual([]);
    expect(checkLength('comments', 'a', 2, 3)).toEqual(['comments "a" is 1 characters long (allowed: 2-3)']);
    expect(checkLength('comments', 'abcd', 2, 3)).toEqual(['comments "abcd" is 4 characters long (allowed: 2-3)']);
    expect(checkLength('comments', undefined, 2, 3)).toEqual([]);
    expect(checkDescription('description', 'x'.repeat(1024))).toEqual([]);
    expect(checkDescription('description', '')).toEqual(['description "" is 0 characters long (allowed: 1-1024)']);
    expect(checkDescription('description', 'x'.repeat(1025))).toHaveLength(1);
  });

  test('session durations are whole seconds from 3,600 to 43,200', () => {
    for (const ok of [3600, 43200, undefined]) expect(checkSessionDuration('maxSessionDuration', ok)).toEqual([]);
    expect(checkSessionDuration('maxSessionDuration', 3599)).toEqual([
      'maxSessionDuration "3599" is out of range (whole seconds from 3600 to 43200)',
    ]);
    expect(checkSessionDuration('maxSessionDuration', 43201)).toHaveLength(1);
    expect(checkSessionDuration('maxSessionDuration', 3600.5)).toHaveLength(1);
  });

  test('external IDs: 2-1,224 characters of letters, digits and _+=,.@:/-', () => {
    expect(checkExternalId('externalId', 'ab')).toEqual([]);
    expect(checkExternalId('externalId', 'A1_+=,.@:/-')).toEqual([]);
    expect(checkExternalId('externalId', 'x'.repeat(1224))).toEqual([]);
    expect(checkExternalId('externalId', 'a')).toEqual([
      'externalId "a" is not a valid external ID (2-1224 characters: letters, digits and _+=,.@:/-)',
    ]);
    expect(checkExternalId('externalId', 'x'.repeat(1225))).toHaveLength(1);
    expect(checkExternalId('externalId', 'a b')).toHaveLength(1);
    expect(checkExternalId('externalId', undefined)).toEqual([]);
    expect(checkExternalId('externalId', '${var.id}')).toEqual([]);
  });

  test('an optional list, when given, is not empty', () => {
    expect(checkNonEmptyList('cidrs', undefined)).toEqual([]);
    expect(checkNonEmptyList('cidrs', ['10.0.0.0/8'])).toEqual([]);
    expect(checkNonEmptyList('cidrs', [])).toEqual([
      'cidrs is an empty list (leave it out or give at least one value)',
    ]);
  });
});

describe('message helpers', () => {
  test('values are quoted as JSON, and values over 120 characters are cut to 117 and "..."', () => {
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('x'.repeat(120))).toBe(JSON.stringify('x'.repeat(120)));
    expect(quote('x'.repeat(121))).toBe(JSON.stringify(`${'x'.repeat(117)}...`));
  });

  test('sortedUnique sorts by code unit and drops duplicates, sorted input included', () => {
    expect(sortedUnique(['b', 'a', 'B', 'a'])).toEqual(['B', 'a', 'b']);
    expect(sortedUnique(['a', 'a', 'b'])).toEqual(['a', 'b']);
    expect(sortedUnique(['a', 'b'])).toEqual(['a', 'b']);
    const input = ['a', 'c'];
    expect(sortedUnique(input)).not.toBe(input); // a copy: the caller's array is never shared
  });

  test('validation errors are recognised by class and, across copies of the library, by name', () => {
    const own = new ValidationError('x: bad');
    expect(own.name).toBe('ValidationError');
    expect(own.message).toBe('x: bad');
    expect(isValidationError(own)).toBe(true);
    const foreign = Object.assign(new Error('y'), { name: 'ValidationError' });
    expect(isValidationError(foreign)).toBe(true);
    expect(isValidationError(new TypeError('z'))).toBe(false);
    expect(isValidationError({ name: 'ValidationError' })).toBe(false);
  });
});
