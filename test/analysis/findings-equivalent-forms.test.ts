import { AccessGraph, AccessReport, Finding } from '../../lib/analysis';
import { accountJson, handWrittenOut, Json, policyText, roleResources, trustStatement } from '../support/hand-written';
import { OWNER, PARTNER } from '../support/ids';

// Finding rules are statements about what a policy allows, asked of PolicyEvaluator: every equivalent
// form of a policy gives the same finding, whatever its text looks like (issue 10, class 3).

const MFA = { Bool: { 'acs:MFAPresent': 'true' } };

function findingsOf(stacks: { [name: string]: Json }): Finding[] {
  return AccessReport.fromGraph(AccessGraph.fromSynthOutput(handWrittenOut(stacks))).findings;
}

/** The ids of the findings of an owner role trusted by the partner with `trust`, holding `policy`. */
function roleFindings(policy: Json[] | undefined, condition: Json | null = MFA): string[] {
  const owner = accountJson(
    OWNER,
    roleResources('r', [trustStatement([`acs:ram::${PARTNER}:root`], condition ?? undefined)], policy),
  );
  return findingsOf({ owner }).map((f) => f.id);
}

const on = (resource: string | string[], action: string | string[] = 'log:GetLogStoreLogs'): Json[] => [
  { Effect: 'Allow', Action: action, Resource: resource },
];

describe('XA-WILDCARD-RESOURCE: a resource part that is a whole wildcard, in any form', () => {
  test.each([
    ['*'],
    ['acs:log:*:*:*'],
    ['acs:log:*:*:project/*'],
    ['acs:ecs:*:*:*'],
    [`acs:log:cn-hangzhou:${OWNER}:*`],
    [`acs:log:cn-*:${OWNER}:project/*`],
    ['acs:*:*:*:*'],
  ])('%s counts as a wildcard resource', (resource) => {
    expect(roleFindings(on(resource))).toEqual(['XA-WILDCARD-RESOURCE']);
  });

  test.each([
    [`acs:log:*:${OWNER}:project/app-logs/*`],
    [`acs:log:cn-hangzhou:${OWNER}:project/app-logs/logstore/events`],
    ['acs:oss:*:*:my-bucket/*'], // one bucket's objects: OSS ARNs start with the bucket name
  ])('%s is scoped', (resource) => {
    expect(roleFindings(on(resource))).toEqual([]);
  });

  test('the message names the patterns', () => {
    const owner = accountJson(
      OWNER,
      roleResources('r', [trustStatement([`acs:ram::${PARTNER}:root`], MFA)], on(['acs:log:*:*:project/*', '*'])),
    );
    expect(findingsOf({ owner })[0].message).toBe(
      'role r has a custom policy on "*", "acs:log:*:*:project/*" (every resource of a kind); scope it to the resources it needs',
    );
  });

  test('a Deny of every action on the wildcard leaves nothing allowed there', () => {
    const policy = [...on('*'), { Effect: 'Deny', Action: '*', Resource: '*' }];
    expect(roleFindings(policy)).toEqual([]);
  });
});

describe('XA-WILDCARD-ACTION: actions nobody named, in any form', () => {
  const scoped = `acs:log:*:${OWNER}:project/app-logs/*`;
  test.each([['*'], ['log:*'], ['lo*:*'], ['l?g:*'], ['*:*']])('%s is a wildcard action', (action) => {
    expect(roleFindings(on(scoped, action))).toEqual(['XA-WILDCARD-ACTION']);
  });

  test('NotAction is read by what it allows: everything but the named actions', () => {
    const owner = accountJson(
      OWNER,
      roleResources(
        'r',
        [trustStatement([`acs:ram::${PARTNER}:root`], MFA)],
        [{ Effect: 'Allow', NotAction: ['ram:*'], Resource: scoped }],
      ),
    );
    const [finding] = findingsOf({ owner });
    expect(finding).toMatchObject({
      id: 'XA-WILDCARD-ACTION',
      message: 'role r may use all but ram:*; name the actions it needs',
    });
  });

  test.each([['log:Get*'], ['log:PostLogStoreLogs'], [['log:ListShards', 'log:GetCursorOrData']]])(
    '%s names its actions',
    (action) => {
      expect(roleFindings(on(scoped, action))).toEqual([]);
    },
  );
});

describe('XA-ASSUME-ANY-ROLE: sts:AssumeRole on a role nobody named, for users, groups and roles', () => {
  const userWith = (policy: Json[]): Json =>
    accountJson(PARTNER, {
      alicloud_ram_user: { u: { name: 'u' } },
      alicloud_ram_policy: { p: { policy_name: 'p', policy_document: policyText(...policy) } },
      alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'p', policy_type: 'Custom' } },
    });
  const anyRole = (policy: Json[]): string[] =>
    findingsOf({ partner: userWith(policy) })
      .filter((f) => f.id === 'XA-ASSUME-ANY-ROLE')
      .map((f) => f.message);

  test.each([
    [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
    [{ Effect: 'Allow', Action: 'sts:*', Resource: 'acs:ram:*:*:role/*' }],
    [{ Effect: 'Allow', Action: '*', Resource: `acs:ram::${OWNER}:role/*` }],
    [{ Effect: 'Allow', NotAction: ['ram:*'], Resource: '*' }],
    [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*', Condition: MFA }],
  ])('%j lets the user assume any role', (statement) => {
    expect(anyRole([statement])).toHaveLength(1);
  });

  test('NotAction ["ram:*"] on "*": the message says how', () => {
    expect(anyRole([{ Effect: 'Allow', NotAction: ['ram:*'], Resource: '*' }])).toEqual([
      'user u may assume any role matching all actions but ram:* on *; grant sts:AssumeRole on one role ARN',
    ]);
  });

  test.each([
    [[{ Effect: 'Allow', NotAction: ['sts:*'], Resource: '*' }]],
    [[{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `acs:ram:*:${OWNER}:role/r` }]],
    [
      [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' },
      ],
    ],
  ])('%j does not', (policy) => {
    expect(anyRole(policy)).toEqual([]);
  });

  const allowAny = { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' };
  const deny = (resource: string | string[]): Json => ({
    Effect: 'Deny',
    Action: 'sts:AssumeRole',
    Resource: resource,
  });

  // A Deny of the names the rule once made up (`xaprobe-7f3a` in account 0000000000000001) hid the Allow.
  test.each([
    ['a first letter', 'acs:ram::*:role/x*'],
    ['a length', 'acs:ram::*:role/????????????'],
    ['an ending', 'acs:ram::*:role/*7f3a'],
    ['one-character names', 'acs:ram::*:role/?'],
    ['every account of the output (an account nobody names is left)', `acs:ram::${PARTNER}:role/*`],
    [
      'every length but the longest RAM accepts (64)',
      Array.from({ length: 63 }, (_, i) => `acs:ram::*:role/${'?'.repeat(i + 1)}`),
    ],
    ['the accounts of the output and one nobody names', ['acs:ram::0*:role/*', `acs:ram::${PARTNER}:role/*`]],
  ])('a Deny that singles out some names (%s) does not hide sts:AssumeRole on every other role', (_, resource) => {
    expect(anyRole([allowAny, deny(resource)])).toEqual([
      'user u may assume any role matching *; grant sts:AssumeRole on one role ARN',
    ]);
  });

  test('a grant on the names of a prefix is not one on any role, whatever letter the prefix has', () => {
    for (const prefix of ['x', 'partner-', 'q']) {
      expect(anyRole([{ ...allowAny, Resource: `acs:ram::${OWNER}:role/${prefix}*` }])).toEqual([]);
    }
  });

  test('a Deny of every role (one pattern, or every name length) leaves nothing to assume', () => {
    expect(anyRole([allowAny, deny('acs:ram::*:role/?*')])).toEqual([]);
    const lengths = Array.from({ length: 64 }, (_, i) => `acs:ram::*:role/${'?'.repeat(i + 1)}`);
    expect(anyRole([allowAny, deny(lengths)])).toEqual([]);
  });

  test('patterns whose literals meet every character a role name may hold: it cannot tell, and reports', () => {
    const firsts = 'abcdefghijklmnopqrstuvwxyz0123456789.-'.split('').map((c) => `acs:ram::*:role/${c}*`);
    expect(anyRole([allowAny, deny(firsts)])).toEqual([
      'user u may assume any role matching *; grant sts:AssumeRole on one role ARN',
    ]);
  });

  test('a role holding NotAction ["ram:*"] on "*" gets it too, and a group', () => {
    const notRam = { Effect: 'Allow', NotAction: ['ram:*'], Resource: '*' };
    const owner = accountJson(OWNER, {
      ...roleResources('ci', [trustStatement([`acs:ram::${PARTNER}:root`], MFA)], [notRam]),
    });
    const partner = accountJson(PARTNER, {
      alicloud_ram_group: { g: { group_name: 'g' } },
      alicloud_ram_policy: { p: { policy_name: 'p', policy_document: policyText(notRam) } },
      alicloud_ram_group_policy_attachment: { a: { group_name: 'g', policy_name: 'p', policy_type: 'Custom' } },
    });
    const subjects = findingsOf({ owner, partner })
      .filter((f) => f.id === 'XA-ASSUME-ANY-ROLE')
      .map((f) => f.subject);
    expect(subjects).toEqual([`acs:ram::${OWNER}:role/ci`, `group g (${PARTNER})`]);
  });
});

describe('XA-TRUST-NO-CONDITION: a condition that does not restrict who may assume does not count', () => {
  test.each([
    ['no condition', null],
    ['acs:SecureTransport alone', { Bool: { 'acs:SecureTransport': 'true' } }],
    ['a time window alone', { DateLessThan: { 'acs:CurrentTime': '2030-01-01T00:00:00Z' } }],
    ['a negated external ID (any other ID meets it)', { StringNotEquals: { 'sts:ExternalId': 'x' } }],
    ['every address', { IpAddress: { 'acs:SourceIp': '0.0.0.0/0' } }],
    ['every address but one range', { NotIpAddress: { 'acs:SourceIp': '198.51.100.0/24' } }],
    ['any external ID', { StringLike: { 'sts:ExternalId': '*' } }],
    ['MFA absent', { Bool: { 'acs:MFAPresent': 'false' } }],
    ['every principal of the account', { StringLike: { 'acs:PrincipalARN': `acs:ram::${PARTNER}:*` } }],
  ])('%s: reported', (_, condition) => {
    expect(roleFindings(undefined, condition)).toEqual(['XA-TRUST-NO-CONDITION']);
  });

  test.each([
    ['MFA', MFA],
    ['a source IP', { IpAddress: { 'acs:SourceIp': '203.0.113.0/24' } }],
    // Each documentation range (RFC 5737) in turn: the probe's address must not be one the policy allows.
    ['TEST-NET-1', { IpAddress: { 'acs:SourceIp': '192.0.2.0/24' } }],
    ['TEST-NET-2', { IpAddress: { 'acs:SourceIp': '198.51.100.0/24' } }],
    ['TEST-NET-2 and TEST-NET-3', { IpAddress: { 'acs:SourceIp': ['198.51.100.0/24', '203.0.113.0/24'] } }],
    ['an external ID', { StringEquals: { 'sts:ExternalId': 'partner-b-7f3a' } }],
    ['a source VPC', { StringEquals: { 'acs:SourceVpc': 'vpc-1' } }],
    ['MFA with acs:SecureTransport', { Bool: { 'acs:MFAPresent': 'true', 'acs:SecureTransport': 'true' } }],
  ])('%s: not reported', (_, condition) => {
    expect(roleFindings(undefined, condition)).toEqual([]);
  });

  test('the message says which condition any of them can meet, and the content names the principals', () => {
    const owner = accountJson(
      OWNER,
      roleResources('r', [trustStatement([`acs:ram::${PARTNER}:root`], { Bool: { 'acs:SecureTransport': 'true' } })]),
    );
    const [finding] = findingsOf({ owner });
    expect(finding.message).toMatch(
      new RegExp(
        `^role r trusts every RAM user and role of account ${PARTNER} with no condition on who may assume it \\(only .*SecureTransport.*\\)`,
      ),
    );
    expect(finding.content).toMatch(new RegExp(`^acs:ram::${PARTNER}:root when .*SecureTransport`));
  });

  test('each statement is judged alone: a conditioned statement is not reported for an unconditioned one', () => {
    const owner = accountJson(
      OWNER,
      roleResources('r', [
        trustStatement([`acs:ram::${PARTNER}:root`], MFA),
        trustStatement([`acs:ram::${OWNER}:root`]),
      ]),
    );
    const trust = findingsOf({ owner }).filter((f) => f.id === 'XA-TRUST-NO-CONDITION');
    expect(trust.map((f) => f.content)).toEqual([`acs:ram::${OWNER}:root`]);
  });
});
