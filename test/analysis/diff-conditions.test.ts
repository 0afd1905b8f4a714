import { AccessDiff, AccessGraph, Decision } from '../../lib/analysis';
import { doc, writeOut } from './support/hand-written';

// What `diff --fail-on-new-access` says when an existing access changes its conditions: a condition dropped
// or replaced is new access (with what it was before), a condition added is not. The diff compares the
// condition sets themselves, not their words: two external IDs read alike in words but are different doors.
const A = '1000000000000001';
const B = '2000000000000002';
const ROLE = `acs:ram::${A}:role/x`;
const USER = `acs:ram::${B}:user/u`;

const IP = { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } };
const externalId = (id: string) => ({ StringEquals: { 'sts:ExternalId': id } });

/** Role x of A trusting B's user u once per condition given (none: unconditionally); u granted the role. */
function graph(...conditions: (object | undefined)[]): AccessGraph {
  const trust = doc(
    ...conditions.map((c) => ({
      Action: 'sts:AssumeRole',
      Effect: 'Allow',
      Principal: { RAM: [USER] },
      ...(c ? { Condition: c } : {}),
    })),
  );
  return AccessGraph.fromSynthOutput(
    writeOut({
      a: {
        account: A,
        resources: { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: trust } } },
      },
      b: {
        account: B,
        resources: {
          alicloud_ram_user: { u: { name: 'u' } },
          alicloud_ram_policy: {
            g: {
              policy_name: 'g',
              policy_document: doc({ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: ROLE }),
            },
          },
          alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
        },
      },
    }),
  );
}

describe('new access when the conditions of an existing access change', () => {
  test('a dropped IP condition is new access, saying what it was before', () => {
    const diff = AccessDiff.between(graph(IP), graph(undefined));
    expect(diff.newAccess).toEqual([`${USER} can assume ${ROLE} (before: when source IP in 10.0.0.0/8)`]);
    expect(diff.verdict).toBe('access broadened and narrowed');
    expect(diff.toMarkdown()).toContain(`+ ${USER} can assume ${ROLE} (before: when source IP in 10.0.0.0/8)\n`);
  });

  test('an added condition is not new access (only narrowed)', () => {
    const diff = AccessDiff.between(graph(undefined), graph(IP));
    expect(diff.newAccess).toEqual([]);
    expect(diff.verdict).toBe('access narrowed');
  });

  test('an external ID replaced by another reads the same in words, but is new access', () => {
    const base = graph(externalId('old-id'));
    const head = graph(externalId('new-id'));
    const words = `${USER} can assume ${ROLE} when the agreed external ID is passed`;
    const diff = AccessDiff.between(base, head);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.newAccess).toEqual([`${words} (before: when the agreed external ID is passed)`]);
    expect(diff.verdict).toBe('access broadened');
    expect(AccessDiff.between(base, base).newAccess).toEqual([]);
  });

  test('a second external ID added beside the first is new access; removing it again is not', () => {
    const one = graph(externalId('a'));
    const two = graph(externalId('a'), externalId('b'));
    // Two sets that read alike are one set in words, and the words stay those of one set (no parentheses).
    const row = two.assumersOf(two.role(ROLE)!).find((r) => r.principal === USER);
    expect(row).toMatchObject({
      decision: Decision.ALLOW,
      conditions: 'the agreed external ID is passed',
      conditionSets: ['the agreed external ID is passed'],
    });
    expect(AccessDiff.between(one, two).newAccess).toEqual([
      `${USER} can assume ${ROLE} when the agreed external ID is passed (before: when the agreed external ID is passed)`,
    ]);
    expect(AccessDiff.between(two, one).newAccess).toEqual([]);
  });
});
