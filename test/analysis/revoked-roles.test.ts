import { AccessGraph, AccessReport, FindingId } from '../../lib/analysis';
import { doc, writeOut } from './support/hand-written';

// A revoked role (CrossAccountRole's `revoked: true`, or the same written by hand) trusts only itself: no
// account is left to serve, so XA-TRUST-UNSERVED is not raised for it. Any other trust that names an account
// of the output none of whose principals can get in is. Read from the trust document (revoked-roles.ts).

const A = '1000000000000001';
const SELF = `acs:ram::${A}:role/x`;
const allow = (ram: string[], extra: object = {}) => ({
  Action: 'sts:AssumeRole',
  Effect: 'Allow',
  Principal: { RAM: ram },
  ...extra,
});

/** The TRUST_UNSERVED findings of role x of A (A's stack also has user dev, granted nothing). */
function unserved(...statements: object[]) {
  const graph = AccessGraph.fromSynthOutput(
    writeOut({
      a: {
        account: A,
        resources: {
          alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: doc(...statements) } },
          alicloud_ram_user: { dev: { name: 'dev' } },
        },
      },
    }),
  );
  return AccessReport.fromGraph(graph)
    .findings.filter((f) => f.id === FindingId.TRUST_UNSERVED)
    .map((f) => [f.subject, f.content, f.message]);
}

const FINDING = [
  SELF,
  `account ${A}`,
  `role x trusts account ${A}, but no user of that account in this output can assume it (no AssumeRoleUserGrant?)`,
];

describe('XA-TRUST-UNSERVED and revoked roles', () => {
  test('a trust that names only the role itself is revoked: no finding', () => {
    expect(unserved(allow([SELF]))).toEqual([]);
  });

  test('revoked, with a Deny of someone else: still revoked, no finding', () => {
    expect(unserved(allow([SELF]), { ...allow([`acs:ram::${A}:user/dev`]), Effect: 'Deny' })).toEqual([]);
  });

  test('the role itself and a user in one statement: not revoked, the account is unserved', () => {
    expect(unserved(allow([SELF, `acs:ram::${A}:user/dev`]))).toEqual([FINDING]);
  });

  test('a second Allow statement with no principal: not revoked (it names nobody, but it is not the revoked form)', () => {
    expect(unserved(allow([SELF]), { Action: 'sts:AssumeRole', Effect: 'Allow' })).toEqual([FINDING]);
  });

  test('a second statement naming the account: not revoked, the account is unserved', () => {
    expect(
      unserved(
        allow([SELF]),
        allow([`acs:ram::${A}:root`], { Condition: { StringEquals: { 'sts:ExternalId': 'e' } } }),
      ),
    ).toEqual([FINDING]);
  });
});
