import { Condition, ConditionKey, ConditionOperator, PolicyDocument } from '../../lib/policy';

describe('Condition', () => {
  test.each([
    [Condition.stringEquals('acs:SourceVpc', ['vpc-1']), 'StringEquals'],
    [Condition.stringNotEquals('acs:SourceVpc', ['vpc-1']), 'StringNotEquals'],
    [Condition.stringEqualsIgnoreCase('acs:SourceVpc', ['VPC-1']), 'StringEqualsIgnoreCase'],
    [Condition.stringNotEqualsIgnoreCase('acs:SourceVpc', ['VPC-1']), 'StringNotEqualsIgnoreCase'],
    [Condition.stringLike('acs:SourceVpc', ['vpc-*']), 'StringLike'],
    [Condition.stringNotLike('acs:SourceVpc', ['vpc-*']), 'StringNotLike'],
    [Condition.numericEquals('acs:Port', [443]), 'NumericEquals'],
    [Condition.numericNotEquals('acs:Port', [80]), 'NumericNotEquals'],
    [Condition.numericLessThan('acs:Port', 1024), 'NumericLessThan'],
    [Condition.numericLessThanEquals('acs:Port', 1024), 'NumericLessThanEquals'],
    [Condition.numericGreaterThan('acs:Port', 1024), 'NumericGreaterThan'],
    [Condition.numericGreaterThanEquals('acs:Port', 1024), 'NumericGreaterThanEquals'],
    [Condition.dateEquals(ConditionKey.CURRENT_TIME, ['2026-12-31T23:59:59Z']), 'DateEquals'],
    [Condition.dateNotEquals(ConditionKey.CURRENT_TIME, ['2026-12-31T23:59:59Z']), 'DateNotEquals'],
    [Condition.dateLessThan(ConditionKey.CURRENT_TIME, '2026-12-31T23:59:59+08:00'), 'DateLessThan'],
    [Condition.dateLessThanEquals(ConditionKey.CURRENT_TIME, '2026-12-31T23:59:59Z'), 'DateLessThanEquals'],
    [Condition.dateGreaterThan(ConditionKey.CURRENT_TIME, '2026-01-01T00:00:00Z'), 'DateGreaterThan'],
    [Condition.dateGreaterThanEquals(ConditionKey.CURRENT_TIME, '2026-01-01'), 'DateGreaterThanEquals'],
    [Condition.bool(ConditionKey.SECURE_TRANSPORT, true), 'Bool'],
    [Condition.ipAddress(ConditionKey.SOURCE_IP, ['192.168.0.0/16', '172.16.215.218']), 'IpAddress'],
    [Condition.notIpAddress(ConditionKey.SOURCE_IP, ['2001:db8::/32']), 'NotIpAddress'],
  ])('%# %s is a valid %s condition', (condition, operator) => {
    expect(condition.operator).toBe(operator);
    expect(condition.validate()).toEqual([]);
  });

  test('every documented operator has a factory and nothing else is an operator (§1.5)', () => {
    expect(Object.values(ConditionOperator)).toHaveLength(21);
    expect(Object.values(ConditionOperator)).not.toContain('Null');
  });

  test('values are written as strings, sorted and de-duplicated', () => {
    expect(Condition.numericEquals('acs:Port', [8080, 443, 443]).values).toEqual(['443', '8080']);
    expect(Condition.bool(ConditionKey.MFA_PRESENT, false).values).toEqual(['false']);
  });

  test('a numeric value that is not a number is reported', () => {
    expect(Condition.of(ConditionOperator.NUMERIC_LESS_THAN, 'acs:Port', ['ten']).validate()).toEqual([
      'condition NumericLessThan "acs:Port": value "ten" is not a number',
    ]);
  });

  test('a date that is not ISO 8601 with a zone is reported', () => {
    expect(Condition.dateLessThan(ConditionKey.CURRENT_TIME, '31/12/2026').validate()).toEqual([
      'condition DateLessThan "acs:CurrentTime": value "31/12/2026" is not an ISO 8601 date (such as 2026-12-31T23:59:59+08:00)',
    ]);
    expect(Condition.dateLessThan(ConditionKey.CURRENT_TIME, '2026-12-31T23:59:59').validate()).toHaveLength(1);
  });

  test('a date that does not exist in the calendar is reported, with the reason', () => {
    const problems = (date: string) => Condition.dateLessThan(ConditionKey.CURRENT_TIME, date).validate();
    expect(problems('2026-02-30')).toEqual([
      'condition DateLessThan "acs:CurrentTime": value "2026-02-30" is not a calendar date (2026-02 has 28 days, no day 30)',
    ]);
    expect(problems('2026-02-29T00:00:00Z')).toEqual([
      'condition DateLessThan "acs:CurrentTime": value "2026-02-29T00:00:00Z" is not a calendar date (2026-02 has 28 days, no day 29)',
    ]);
    expect(problems('2026-13-01')).toEqual([
      'condition DateLessThan "acs:CurrentTime": value "2026-13-01" is not a calendar date (month 13 does not exist)',
    ]);
    expect(problems('2026-04-31T10:00:00+08:00')[0]).toContain('2026-04 has 30 days, no day 31');
    expect(problems('2026-12-31T24:00:00Z')[0]).toContain('is not a time of day (24:00)');
    expect(problems('2026-12-31T23:59:60Z')[0]).toContain('is not a time of day (second 60)');
    expect(problems('2026-12-31T23:59:59+24:00')[0]).toContain('has no valid zone offset (24:00)');
  });

  test('real dates pass: leap days of leap years, month ends, offsets', () => {
    for (const date of [
      '2028-02-29',
      '2000-02-29T12:00:00Z',
      '2026-01-31',
      '2026-04-30T23:59:59.5+08:00',
      '2026-12-31',
    ]) {
      expect([date, Condition.dateLessThan(ConditionKey.CURRENT_TIME, date).validate()]).toEqual([date, []]);
    }
    expect(Condition.dateLessThan(ConditionKey.CURRENT_TIME, '1900-02-29').validate()).toHaveLength(1);
  });

  test('every year-month-day of the domain is accepted exactly when the calendar has it (Date.UTC round-trip)', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    for (const year of [1900, 1999, 2000, 2024, 2026, 2100, 2400]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const date = new Date(Date.UTC(year, month - 1, day));
          const exists =
            date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T12:00:00Z`;
          const accepted = Condition.dateLessThan(ConditionKey.CURRENT_TIME, text).validate().length === 0;
          expect([text, accepted]).toEqual([text, exists]);
        }
      }
    }
  });

  test('PolicyDocument.fromJson refuses a document with an impossible date', () => {
    const json = JSON.stringify({
      Statement: [
        {
          Action: 'log:*',
          Condition: { DateLessThan: { 'acs:CurrentTime': '2026-02-30' } },
          Effect: 'Allow',
          Resource: '*',
        },
      ],
      Version: '1',
    });
    expect(() => PolicyDocument.fromJson(json)).toThrow('value "2026-02-30" is not a calendar date');
  });

  test('a Bool value other than "true"/"false" is reported', () => {
    expect(Condition.of(ConditionOperator.BOOL, ConditionKey.MFA_PRESENT, ['yes']).validate()).toEqual([
      'condition Bool "acs:MFAPresent": value "yes" is not "true" or "false"',
    ]);
  });

  test('IP values must be addresses or CIDR blocks with a fitting prefix', () => {
    expect(Condition.ipAddress(ConditionKey.SOURCE_IP, ['10.0.0.0/33', '300.1.1.1', 'fe80::/129']).validate()).toEqual([
      'condition IpAddress "acs:SourceIp": value "10.0.0.0/33" is not an IPv4/IPv6 address or CIDR block',
      'condition IpAddress "acs:SourceIp": value "300.1.1.1" is not an IPv4/IPv6 address or CIDR block',
      'condition IpAddress "acs:SourceIp": value "fe80::/129" is not an IPv4/IPv6 address or CIDR block',
    ]);
  });

  test('a key must be <service>:<name> and values must not be empty', () => {
    expect(Condition.stringEquals('SourceIp', []).validate()).toEqual([
      'condition StringEquals "SourceIp": key "SourceIp" is not a condition key (<service>:<name>, such as acs:SourceIp)',
      'condition StringEquals "SourceIp" has no values (give at least one)',
    ]);
  });

  test('keys, numbers, IPs and strings at the edges of their forms', () => {
    const problemsOf = (operator: ConditionOperator, key: string, values: string[]) =>
      Condition.of(operator, key, values).validate();
    for (const key of ['acs:ResourceTag/team', 'a-1:b.c_d:e-f', 'sts:ExternalId']) {
      expect(problemsOf(ConditionOperator.STRING_EQUALS, key, ['x'])).toEqual([]);
    }
    for (const key of ['acs:', ':x', 'a b:c', 'acs:x y', 'a_b:c', 'acs:x*']) {
      expect(problemsOf(ConditionOperator.STRING_EQUALS, key, ['x'])).toEqual([
        `condition StringEquals ${JSON.stringify(key)}: key ${JSON.stringify(key)} is not a condition key (<service>:<name>, such as acs:SourceIp)`,
      ]);
    }
    expect(problemsOf(ConditionOperator.STRING_LIKE, 'acs:X', [''])).toEqual([
      'condition StringLike "acs:X": value "" is empty',
    ]);
    expect(problemsOf(ConditionOperator.NUMERIC_LESS_THAN, 'acs:N', ['-1.5', '0', '10'])).toEqual([]);
    expect(problemsOf(ConditionOperator.NUMERIC_LESS_THAN, 'acs:N', ['1.', '.5', '1e3', '+1', '1 ', 'x1'])).toEqual(
      ['1.', '.5', '1e3', '+1', '1 ', 'x1']
        .sort()
        .map((v) => `condition NumericLessThan "acs:N": value ${JSON.stringify(v)} is not a number`),
    );
    expect(Condition.numericEquals('acs:N', [-2.5, 0]).values).toEqual(['-2.5', '0']);
    expect(
      problemsOf(ConditionOperator.IP_ADDRESS, 'acs:SourceIp', ['10.0.0.0/32', '0.0.0.0/0', '::/128', '::1']),
    ).toEqual([]);
    for (const bad of ['10.0.0.0/', '10.0.0.0/8/8', '10.0.0.0/0032', '::/129', '10.0.0.0/x', 'x/8']) {
      expect(problemsOf(ConditionOperator.NOT_IP_ADDRESS, 'acs:SourceIp', [bad])).toEqual([
        `condition NotIpAddress "acs:SourceIp": value ${JSON.stringify(bad)} is not an IPv4/IPv6 address or CIDR block`,
      ]);
    }
  });

  test('sameAs tells conditions apart by key and values too', () => {
    expect(Condition.stringEquals('acs:X', ['a']).sameAs(Condition.stringEquals('acs:Y', ['a']))).toBe(false);
    expect(Condition.stringEquals('acs:X', ['a']).sameAs(Condition.stringEquals('acs:X', ['a', 'b']))).toBe(false);
  });

  test('Terraform expressions are left to Terraform', () => {
    expect(Condition.ipAddress(ConditionKey.SOURCE_IP, ['${var.office_cidr}']).validate()).toEqual([]);
  });

  test('sameAs compares operator, key and values', () => {
    expect(Condition.stringEquals('acs:X', ['a', 'b']).sameAs(Condition.stringEquals('acs:X', ['b', 'a']))).toBe(true);
    expect(Condition.stringEquals('acs:X', ['a']).sameAs(Condition.stringLike('acs:X', ['a']))).toBe(false);
  });
});
