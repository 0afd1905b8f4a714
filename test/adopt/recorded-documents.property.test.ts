// Properties of how adopt reads recorded documents. A trust policy (trustOf): every trust policy CrossAccountRole
// writes, however the console spells it, is adopted as a CrossAccountRole that writes it again; and
// whatever the document, an adopted trust never writes a different one (else the role is left out).
// An AssumeRole policy (grantOf): AssumeRoleUserGrant's own documents are recognized, nothing else is.
import * as fc from 'fast-check';
import { PolicyDocument, PolicyStatement, Principal } from '../../lib';
import { grantOf, trustOf } from '../../lib/adopt/adoption-plan';
import { buildTrustPolicy, roleConditions, trustProblems, TrustSpec } from '../../lib/ram/trust-policy';
import { condition, document, random, rewritten, RUNS } from '../policy/support/arbitraries';

const OWNER = '1111111111111111';
const PARTNERS = ['2222222222222222', '3333333333333333'];
const ROLE = { roleName: 'partner-role', accountId: OWNER };

const partnerPrincipal: fc.Arbitrary<Principal> = fc
  .tuple(
    fc.oneof(
      fc.tuple(fc.constantFrom(...PARTNERS), fc.constantFrom('alice', 'bob')).map(([a, n]) => Principal.ramUser(a, n)),
      fc.tuple(fc.constantFrom(...PARTNERS), fc.constantFrom('ops')).map(([a, n]) => Principal.ramRole(a, n)),
      fc.constantFrom(...PARTNERS).map((a) => Principal.account(a)),
    ),
    fc.option(condition, { nil: undefined }),
  )
  .map(([p, c]) => (c ? p.withConditions(c) : p));

const spec: fc.Arbitrary<TrustSpec> = fc
  .record({
    trustedAccountIds: fc.subarray(PARTNERS),
    trustedPrincipals: fc.uniqueArray(partnerPrincipal, { maxLength: 3, selector: (p) => p.toString() }),
    services: fc.subarray(['ecs.aliyuncs.com']),
    externalId: fc.option(fc.constant('ext-1'), { nil: undefined }),
    requireMfa: fc.option(fc.boolean(), { nil: undefined }),
    allowedSourceIps: fc.option(fc.subarray(['203.0.113.0/24', '198.51.100.7'], { minLength: 1 }), { nil: undefined }),
  })
  .map(({ services, ...rest }) => ({
    ...rest,
    trustedPrincipals: [...rest.trustedPrincipals, ...services.map((s) => Principal.service(s))],
  }))
  .filter((s) => trustProblems(s, ROLE).length === 0 && renders(s));

/** Whether CrossAccountRole can write the spec (a principal's condition may clash with a role-wide one). */
function renders(s: TrustSpec): boolean {
  try {
    buildTrustPolicy(s, ROLE).toJsonString();
    return true;
  } catch {
    return false;
  }
}

describe('adopt reading recorded documents (trustOf, grantOf)', () => {
  test('every trust policy CrossAccountRole writes, in any spelling, is adopted and written again the same', () => {
    fc.assert(
      fc.property(spec, fc.integer(), (s, seed) => {
        const written = buildTrustPolicy(s, ROLE);
        const console = JSON.stringify(rewritten(written.toJson(), random(seed)), undefined, 4);
        const result = trustOf(ROLE.roleName, OWNER, console);
        expect(result).toHaveProperty('trust');
        if ('trust' in result) expect(buildTrustPolicy(result.trust, ROLE).toJsonString()).toBe(written.toJsonString());
      }),
      { numRuns: RUNS },
    );
  });

  test('an adopted trust writes exactly the recorded document; any other document is left out with a reason', () => {
    fc.assert(
      fc.property(document, (d) => {
        const result = trustOf(ROLE.roleName, OWNER, d.toJsonString());
        if ('trust' in result) {
          expect(buildTrustPolicy(result.trust, ROLE).toJsonString()).toBe(
            PolicyDocument.fromJson(d.toJsonString()).toJsonString(),
          );
        } else {
          expect(result.why).not.toBe('');
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('grantOf recognizes every AssumeRoleUserGrant document, and only documents that grant writes exactly', () => {
    const grant = fc.record({
      roleArn: fc.constantFrom(`acs:ram::${OWNER}:role/partner-role`, `acs:ram::${PARTNERS[0]}:role/a.b`),
      requireMfa: fc.boolean(),
      allowedSourceIps: fc.option(fc.subarray(['203.0.113.0/24', '198.51.100.7'], { minLength: 1 }), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(grant, fc.integer(), (g, seed) => {
        const written = new PolicyDocument([
          new PolicyStatement({ actions: ['sts:AssumeRole'], resources: [g.roleArn], conditions: roleConditions(g) }),
        ]);
        const console = JSON.stringify(rewritten(written.toJson(), random(seed)));
        const found = grantOf({ policyName: 'p', document: PolicyDocument.fromJson(console) });
        expect(found).toEqual({ ...g, allowedSourceIps: g.allowedSourceIps && [...g.allowedSourceIps].sort() });
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(document, (d) => {
        const found = grantOf({ policyName: 'p', document: d });
        if (found) {
          const again = new PolicyDocument([
            new PolicyStatement({
              actions: ['sts:AssumeRole'],
              resources: [found.roleArn],
              conditions: roleConditions(found),
            }),
          ]);
          expect(again.toJsonString()).toBe(d.toJsonString());
        }
      }),
      { numRuns: RUNS },
    );
  });
});
