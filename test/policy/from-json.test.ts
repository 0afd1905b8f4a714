import { PolicyDocument } from '../../lib/policy';
import { errorOf, PARTNER } from '../support/ids';

function problems(doc: unknown): string {
  return errorOf(() => PolicyDocument.fromJson(JSON.stringify(doc)));
}

describe('PolicyDocument.fromJson', () => {
  test('parses string and array forms to the same canonical document', () => {
    const a = PolicyDocument.fromJson(
      '{"Version":"1","Statement":[{"Effect":"Allow","Action":"log:PostLogStoreLogs","Resource":"*"}]}',
    );
    const b = PolicyDocument.fromJson(
      '{"Statement":[{"Resource":["*"],"Action":["log:PostLogStoreLogs"],"Effect":"Allow"}],"Version":"1"}',
    );
    expect(a.toJsonString()).toBe(b.toJsonString());
    expect(a.toJsonString()).toBe(
      '{"Statement":[{"Action":"log:PostLogStoreLogs","Effect":"Allow","Resource":"*"}],"Version":"1"}',
    );
  });

  test('parses a scenario trust policy with a single-string principal and conditions', () => {
    const doc = PolicyDocument.fromJson(
      JSON.stringify({
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { RAM: `acs:ram::${PARTNER}:user/bob` },
            Condition: { StringEquals: { 'sts:ExternalId': 'abc-123' }, Bool: { 'acs:MFAPresent': 'true' } },
          },
        ],
        Version: '1',
      }),
    );
    expect(doc.validateForTrustPolicy()).toEqual([]);
    expect(doc.toJson().Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'acs:MFAPresent': 'true' }, StringEquals: { 'sts:ExternalId': 'abc-123' } },
        Effect: 'Allow',
        Principal: { RAM: [`acs:ram::${PARTNER}:user/bob`] },
      },
    ]);
  });

  test('invalid JSON is refused', () => {
    expect(errorOf(() => PolicyDocument.fromJson('{"Version":'))).toMatch(
      /^PolicyDocument.fromJson: not valid JSON \(/,
    );
  });

  test('Sid and NotResource are refused: RAM does not document them (§1.2)', () => {
    const message = problems({
      Version: '1',
      Statement: [{ Sid: 'x', Effect: 'Allow', Action: 'a:B', NotResource: '*' }],
    });
    expect(message).toContain('Statement[0] has element "Sid", which RAM does not accept');
    expect(message).toContain('Statement[0] has element "NotResource", which RAM does not accept');
  });

  test('a Version other than the string "1" is refused, saying what was found', () => {
    const statement = { Effect: 'Allow', Action: 'a:B', Resource: '*' };
    expect(problems({ Version: '2012-10-17', Statement: [statement] })).toContain(
      '  - Version "2012-10-17" is not "1" (the only valid policy version)',
    );
    expect(problems({ Version: 1, Statement: [statement] })).toContain(
      '  - Version is the number 1, not the string "1" (write "Version": "1", the only valid version)',
    );
    expect(problems({ Version: ['1'], Statement: [statement] })).toContain(
      '  - Version "[\\"1\\"]" (a list, not a string) is not "1" (the only valid policy version)',
    );
    expect(problems({ Statement: [statement] })).toContain(
      '  - Version is missing (write "Version": "1", the only valid version)',
    );
  });

  test('empty actions and missing statements are refused', () => {
    expect(problems({ Version: '1', Statement: [{ Effect: 'Allow', Action: [], Resource: '*' }] })).toContain(
      'Statement[0].Action must be a non-empty string or a non-empty array of non-empty strings',
    );
    expect(problems({ Version: '1', Statement: [] })).toContain('Statement must be a non-empty array of statements');
    expect(problems({ Version: '1', Statement: [{ Effect: 'Allow', Resource: '*' }] })).toContain(
      'Statement[0] must have exactly one of Action and NotAction',
    );
  });

  test('Effect is case-sensitive, and the message names the spelling meant', () => {
    const effect = (value: unknown) =>
      problems({ Version: '1', Statement: [{ Effect: value, Action: 'a:B', Resource: '*' }] });
    expect(effect('allow')).toContain(
      '  - Statement[0].Effect "allow" is not "Allow" or "Deny" (element values are case-sensitive: write "Allow")',
    );
    expect(effect('DENY')).toContain('(element values are case-sensitive: write "Deny")');
    expect(effect('Permit')).toContain('  - Statement[0].Effect "Permit" is not "Allow" or "Deny" (case-sensitive)');
    expect(effect(true)).toContain(
      '  - Statement[0].Effect "true" (a boolean, not a string) is not "Allow" or "Deny" (case-sensitive)',
    );
    expect(effect(undefined)).toContain(
      '  - Statement[0].Effect is missing (every statement needs "Effect": "Allow" or "Deny")',
    );
  });

  test('undocumented condition operators are refused rather than guessed (§1.5)', () => {
    const message = problems({
      Version: '1',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'a:B',
          Resource: '*',
          Condition: {
            StringEqualsIfExists: { 'acs:X': 'y' },
            Null: { 'acs:Y': 'true' },
            'ForAnyValue:StringEquals': { 'cs:AddonNames': 'x' },
          },
        },
      ],
    });
    expect(message).toContain('operator "StringEqualsIfExists" is not a RAM condition operator');
    expect(message).toContain('operator "Null" is not a RAM condition operator');
    expect(message).toContain('operator "ForAnyValue:StringEquals" is not a RAM condition operator');
  });

  test('condition values must be strings and valid for their operator', () => {
    const message = problems({
      Version: '1',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'a:B',
          Resource: '*',
          Condition: { Bool: { 'acs:MFAPresent': true }, IpAddress: { 'acs:SourceIp': 'nowhere' } },
        },
      ],
    });
    expect(message).toContain('Statement[0].Condition.Bool.acs:MFAPresent must be a non-empty string');
    expect(message).toContain('value "nowhere" is not an IPv4/IPv6 address or CIDR block');
  });

  test('a wildcard principal is refused', () => {
    expect(
      problems({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: '*' } }] }),
    ).toContain('Statement[0].principal "*" is a wildcard');
    expect(
      problems({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: '*' }] }),
    ).toContain('Statement[0].Principal must be an object');
  });

  test('every kind of problem, each in its own line, exactly as written', () => {
    expect(
      problems({
        Version: '1',
        Id: 'x',
        Statement: [
          'Allow',
          { Effect: ' deny ', Action: 'a:B', NotAction: 'a:C', Resource: '*', Condition: [] },
          { Effect: null, Action: ['a:B', ''], Condition: { Bool: 'true', IpAddress: { 'acs:SourceIp': [] } } },
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { RAM: 'acs:ram::1:user/a/b', Service: ['x'], AWS: 'a' },
          },
          { Sid: 'x', Effect: 'Allow', NotAction: [], Resource: [''], Condition: { Null: {} }, Principal: { RAM: [] } },
        ],
      }),
    ).toBe(
      [
        'PolicyDocument.fromJson: invalid policy document:',
        'top-level element "Id" is not accepted (allowed: Statement, Version)',
        'Statement[0] must be an object',
        'Statement[1].Effect " deny " is not "Allow" or "Deny" (element values are case-sensitive: write "Deny")',
        'Statement[1] must have exactly one of Action and NotAction',
        'Statement[1].Condition must be an object of operators',
        'Statement[1]: statement has both actions and notActions (a statement takes exactly one of Action and NotAction)',
        'Statement[2].Effect "null" (a null, not a string) is not "Allow" or "Deny" (case-sensitive)',
        'Statement[2].Action must be a non-empty string or a non-empty array of non-empty strings',
        'Statement[2].Condition.Bool must be an object of condition keys',
        'Statement[2].Condition.IpAddress.acs:SourceIp must be a non-empty string or a non-empty array of non-empty strings',
        'Statement[2]: statement has no actions (give actions or notActions)',
        'Statement[3].RAM principal "acs:ram::1:user/a/b" is not acs:ram::<account id>:root, :user/<name> or :role/<name>',
        'Statement[3].Service principal "x" is not <service>.aliyuncs.com',
        'Statement[3].principal type "AWS" is not RAM, Service or Federated',
        'Statement[4] has element "Sid", which RAM does not accept (allowed: Action, Condition, Effect, NotAction, Principal, Resource)',
        'Statement[4].NotAction must be a non-empty string or a non-empty array of non-empty strings',
        'Statement[4].Resource must be a non-empty string or a non-empty array of non-empty strings',
        'Statement[4].Condition operator "Null" is not a RAM condition operator (String*, Numeric*, Date*, Bool, IpAddress, NotIpAddress; IfExists, Null and ForAnyValue: are not documented)',
        'Statement[4].Principal.RAM must be a non-empty string or a non-empty array of non-empty strings',
        'Statement[4]: statement has no actions (give actions or notActions)',
      ].join('\n  - '),
    );
  });

  test('a document that is not an object, or has no statement list, says so', () => {
    for (const doc of [[], null, 'x', 1]) {
      expect(problems(doc)).toBe(
        'PolicyDocument.fromJson: invalid policy document:\n  - the document must be a JSON object with Version and Statement',
      );
    }
    expect(problems({ Version: '1', Statement: { Effect: 'Allow' } })).toBe(
      'PolicyDocument.fromJson: invalid policy document:\n  - Statement must be a non-empty array of statements',
    );
    expect(problems({ Version: {}, Statement: [{ Effect: 'Deny', Action: 'a:B', Resource: '*' }] })).toBe(
      'PolicyDocument.fromJson: invalid policy document:\n  - Version "{}" (a object, not a string) is not "1" (the only valid policy version)',
    );
  });

  test('a Deny statement reads back as Deny, and NotAction as NotAction', () => {
    const doc = PolicyDocument.fromJson(
      JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', NotAction: ['b:C', 'a:B'], Resource: '*' }] }),
    );
    expect(doc.statements.map((s) => [s.effect, s.actions, s.notActions, s.resources, s.hasResources])).toEqual([
      ['Deny', [], ['a:B', 'b:C'], ['*'], true],
    ]);
  });

  test('every problem is listed at once', () => {
    const message = problems({ Version: '2', Extra: 1, Statement: [{ Effect: 'Maybe', Action: 'x', Resource: 'y' }] });
    expect(message.split('\n').length).toBeGreaterThanOrEqual(5);
  });
});
