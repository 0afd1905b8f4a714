import { AccessGraph, AccessReport, FindingId } from '../../lib/analysis';
import { doc, writeOut } from './support/hand-written';
import { handWrittenOut, Json } from '../support/hand-written';

// XA-TRUST-NO-CONDITION on hand-written trusts (trust-rules.ts): which statements name an account root, which
// conditions restrict who may assume, and how the trust policy's Denies take part. Built in the tests.

const A = '1000000000000001';
const B = '2000000000000002';
const C = '3000000000000003';
const allow = (ram: string[], extra: object = {}) => ({
  Action: 'sts:AssumeRole',
  Effect: 'Allow',
  Principal: { RAM: ram },
  ...extra,
});
const deny = (ram: string[], extra: object = {}) => ({ ...allow(ram, extra), Effect: 'Deny' });
const TAIL =
  'with no condition on who may assume it; add requireMfa, allowedSourceIps or externalId, or trust named users';

/** The TRUST_NO_CONDITION findings of role x of A with this trust, as [content, message]. */
function findingsOf(...statements: object[]): string[][] {
  const graph = AccessGraph.fromSynthOutput(
    writeOut({
      a: {
        account: A,
        resources: { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: doc(...statements) } } },
      },
    }),
  );
  return AccessReport.fromGraph(graph)
    .findings.filter((f) => f.id === FindingId.TRUST_NO_CONDITION)
    .map((f) => [f.content ?? '', f.message]);
}

describe('XA-TRUST-NO-CONDITION', () => {
  test('a root and a named user in one statement: the finding is about the root account only', () => {
    expect(findingsOf(allow([`acs:ram::${B}:root`, `acs:ram::${C}:user/dev`]))).toEqual([
      [`acs:ram::${B}:root`, `role x trusts every RAM user and role of account ${B} ${TAIL}`],
    ]);
  });

  test('each statement is judged alone: of two on one root, only the one without an external ID is a finding', () => {
    const findings = findingsOf(
      allow([`acs:ram::${B}:root`], { Condition: { StringEquals: { 'sts:ExternalId': 'e' } } }),
      allow([`acs:ram::${B}:root`]),
    );
    expect(findings).toEqual([[`acs:ram::${B}:root`, `role x trusts every RAM user and role of account ${B} ${TAIL}`]]);
  });

  test.each([
    ['an IP range every address is in', { IpAddress: { 'acs:SourceIp': '0.0.0.0/0' } }],
    ['any VPC', { StringLike: { 'acs:SourceVpc': 'vpc-*' } }],
    ['any AccessKey', { StringLike: { 'acs:AccessId': 'LTAI*' } }],
  ])('%s restricts nobody: the finding, without words for that condition', (_, condition) => {
    expect(findingsOf(allow([`acs:ram::${B}:root`], { Condition: condition }))).toEqual([
      [`acs:ram::${B}:root`, `role x trusts every RAM user and role of account ${B} ${TAIL}`],
    ]);
  });

  test('an external ID restricts who: no finding', () => {
    expect(
      findingsOf(allow([`acs:ram::${B}:root`], { Condition: { StringEquals: { 'sts:ExternalId': 'e' } } })),
    ).toEqual([]);
  });

  test('a Deny of the trust policy outside an IP range restricts who: no finding', () => {
    expect(
      findingsOf(
        allow([`acs:ram::${B}:root`]),
        deny([`acs:ram::${B}:root`], { Condition: { NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } }),
      ),
    ).toEqual([]);
  });

  test('a Deny of another account leaves the statement open: the finding stands', () => {
    expect(findingsOf(allow([`acs:ram::${B}:root`]), deny([`acs:ram::${C}:root`]))).toEqual([
      [`acs:ram::${B}:root`, `role x trusts every RAM user and role of account ${B} ${TAIL}`],
    ]);
  });
});

describe('acknowledgements are of their own stack', () => {
  test('an acknowledgement written in another stack, on the same construct path, leaves the finding open', () => {
    const trust = doc(allow([`acs:ram::${B}:root`]));
    const ack = (stack: string) => ({
      [stack]: {
        provider: { alicloud: [{ account_id: stack === 'a' ? A : C, region: 'cn-hangzhou' }] },
        '//': {
          'cdktf-xaccount': {
            acknowledgements: [
              { path: 'app', findingId: FindingId.TRUST_NO_CONDITION, content: `acs:ram::${B}:root`, reason: 'ok' },
            ],
          },
        },
      },
    });
    const role = {
      provider: { alicloud: [{ account_id: A, region: 'cn-hangzhou' }] },
      resource: {
        alicloud_ram_role: {
          x: {
            role_name: 'x',
            assume_role_policy_document: JSON.stringify(trust),
            '//': { metadata: { path: 'app/x' } },
          },
        },
      },
    };
    const reasonOf = (stacks: { [name: string]: object }) =>
      AccessReport.fromGraph(
        AccessGraph.fromSynthOutput(handWrittenOut(stacks as { [name: string]: Json })),
      ).findings.find((f) => f.id === FindingId.TRUST_NO_CONDITION)?.acknowledgedReason;
    expect(reasonOf({ a: { ...role, ...ack('a').a } })).toBe('ok');
    expect(reasonOf({ a: role, ...ack('b') })).toBeUndefined();
  });
});

// The caller and its external ID, VPC, AccessKey and source identity were once fixed made-up text (user/xaprobe-7f3a),
// which a Deny could single out to hide that every other user or role of the account gets in.
describe('a Deny that singles out some callers does not hide that the others get in', () => {
  const root = `acs:ram::${B}:root`;
  const FINDING = [[root, `role x trusts every RAM user and role of account ${B} ${TAIL}`]];
  test.each([
    ['users whose names start with x', { StringLike: { 'acs:PrincipalARN': `acs:ram::${B}:user/x*` } }],
    [
      'every user (the roles of the account still get in)',
      { StringLike: { 'acs:PrincipalARN': `acs:ram::${B}:user/*` } },
    ],
    ['names of twelve characters', { StringLike: { 'acs:PrincipalARN': `acs:ram::${B}:*/????????????` } }],
    [
      'every role (the users of the account still get in)',
      { StringLike: { 'acs:PrincipalARN': `acs:ram::${B}:role/*` } },
    ],
  ])('a Deny of %s', (_, Condition) => {
    expect(findingsOf(allow([root]), deny([root], { Condition }))).toEqual(FINDING);
  });

  test.each([
    ['external IDs that start with x', 'sts:ExternalId', 'x*'],
    ['external IDs of twelve characters', 'sts:ExternalId', '????????????'],
    ['source identities that start with x', 'sts:SourceIdentity', 'x*'],
  ])('an Allow of any value beside a Deny of %s', (_, key, denied) => {
    const any = { Condition: { StringLike: { [key]: '*' } } };
    expect(findingsOf(allow([root], any), deny([root], { Condition: { StringLike: { [key]: denied } } }))).toEqual(
      FINDING,
    );
  });

  test('a Deny of every caller but one is no finding', () => {
    const one = { Condition: { StringNotEquals: { 'acs:PrincipalARN': `acs:ram::${B}:user/ops` } } };
    expect(findingsOf(allow([root]), deny([root], one))).toEqual([]);
  });

  test('a Deny naming callers one by one (user/b, role/b) beside one on acs:PrincipalARN', () => {
    const zz = { Condition: { StringEquals: { 'acs:PrincipalARN': `acs:ram::${B}:user/zz` } } };
    const named = deny([`acs:ram::${B}:user/b`, `acs:ram::${B}:role/b`]);
    expect(findingsOf(allow([root]), named, deny([root], zz))).toEqual(FINDING);
  });

  test('a Deny of the names that start with b, by acs:PrincipalARN', () => {
    const b = { StringLike: { 'acs:PrincipalARN': [`acs:ram::${B}:user/b*`, `acs:ram::${B}:role/b*`] } };
    expect(findingsOf(allow([root]), deny([root], { Condition: b }))).toEqual(FINDING);
  });

  test('a Deny of external ID "A" ignoring case (the made-up ID is compared without case too)', () => {
    const any = { Condition: { StringLike: { 'sts:ExternalId': '*' } } };
    const a = { Condition: { StringEqualsIgnoreCase: { 'sts:ExternalId': 'A' } } };
    expect(findingsOf(allow([root], any), deny([root], a))).toEqual(FINDING);
  });
});

// Where the analysis cannot make a caller or a value, it reports: never a "no".
describe('what XA-TRUST-NO-CONDITION cannot tell, it reports', () => {
  const root = `acs:ram::${B}:root`;
  const FINDING = [[root, `role x trusts every RAM user and role of account ${B} ${TAIL}`]];
  const EVERY_RESOURCE_CHARACTER = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_.-';

  test('caller names: a value of acs:PrincipalARN holds every character a made-up name may use', () => {
    const one = { Condition: { StringEquals: { 'acs:PrincipalARN': EVERY_RESOURCE_CHARACTER } } };
    expect(findingsOf(allow([root]), deny([root], one))).toEqual(FINDING);
  });

  test('external IDs: the values hold every letter and digit', () => {
    const any = { Condition: { StringLike: { 'sts:ExternalId': '*' } } };
    const every = { Condition: { StringEquals: { 'sts:ExternalId': 'abcdefghijklmnopqrstuvwxyz0123456789' } } };
    expect(findingsOf(allow([root], any), deny([root], every))).toEqual(FINDING);
  });
});
