import * as fc from 'fast-check';
import { AccessGraph, Decision } from '../../lib/analysis';
import { conditionHolds } from '../../lib/analysis/private/condition-eval';
import { admittingContexts } from '../../lib/analysis/private/satisfying-context';
import { Condition, ConditionOperator } from '../../lib/policy';
import { allowB, ASSUME, denyB, grant, out, ROLE, USER } from './support/deny-output';

// The grant and Deny forms the assumer rows must read as RAM does: a Deny of the user's own policy with a
// condition, and grants by NotAction. Each is a "no" the report must not say (or a "yes" it must not say).
const row = (trust: object[], held: object[]) => {
  const graph = AccessGraph.fromSynthOutput(out(trust, held));
  return graph.assumersOf(graph.role(ROLE)!).find((r) => r.principal === USER)!;
};

describe('grant and Deny forms of the caller', () => {
  test("a Deny of the user's own policy from outside 10.0.0.0/8: yes, from inside it", () => {
    const own = {
      Action: ASSUME,
      Effect: 'Deny',
      Resource: '*',
      Condition: { NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } },
    };
    expect(row([allowB], [grant, own])).toMatchObject({
      decision: Decision.ALLOW,
      conditions: 'source IP in 10.0.0.0/8',
    });
  });

  test('a trust Deny of the role session of a service only, not of the user: asks nothing of the user', () => {
    const service = {
      ...denyB({ NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }),
      Principal: { Service: ['ecs.aliyuncs.com'] },
    };
    expect(row([allowB, service], [grant])).toMatchObject({ decision: Decision.ALLOW, conditions: '' });
  });

  test.each([
    ['NotAction ram:* on *: every action but RAM, sts:AssumeRole included', ['ram:*'], Decision.ALLOW],
    ['NotAction sts:* on *: not sts:AssumeRole', ['sts:*'], Decision.IMPLICIT_DENY],
    ['NotAction sts:AssumeRole on *: not it', ['sts:AssumeRole'], Decision.IMPLICIT_DENY],
  ])('a grant by %s', (_, notActions, decision) => {
    const r = row([allowB], [{ NotAction: notActions, Effect: 'Allow', Resource: '*' }]);
    // The statement pairs with the trust statement: one unconditional way in, or none.
    expect([r.decision, r.conditionSets]).toEqual([decision, decision === Decision.ALLOW ? [''] : []]);
  });
});

// What admittingContexts promises the admission: each context meets every required condition and fails every
// condition it says it fails, and those are conditions of the Denies, one per Deny at most.
const KEYS = ['acs:SourceIp', 'sts:ExternalId', 'acs:MFAPresent'];
const condition = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(ConditionOperator.IP_ADDRESS, ConditionOperator.NOT_IP_ADDRESS),
      fc.constantFrom('10.0.0.0/8', '10.1.0.0/16', '192.168.0.0/16'),
    )
    .map(([op, v]) => Condition.of(op, KEYS[0], [v])),
  fc
    .tuple(
      fc.constantFrom(
        ConditionOperator.STRING_EQUALS,
        ConditionOperator.STRING_NOT_EQUALS,
        ConditionOperator.STRING_LIKE,
      ),
      fc.constantFrom('e1', 'e2', 'e*'),
    )
    .map(([op, v]) => Condition.of(op, KEYS[1], [v])),
  fc.constantFrom('true', 'false').map((v) => Condition.of(ConditionOperator.BOOL, KEYS[2], [v])),
);

test('admittingContexts: every context meets the required conditions and fails the ones it names (property)', () => {
  fc.assert(
    fc.property(
      fc.array(condition, { maxLength: 2 }),
      fc.array(fc.array(condition, { minLength: 1, maxLength: 2 }), { maxLength: 3 }),
      (required, denies) => {
        let candidates = 0;
        for (const { context, failed } of admittingContexts(required, denies)) {
          candidates++;
          for (const c of required) expect([c, conditionHolds(c, context, true)]).toEqual([c, true]);
          for (const c of failed) expect([c, conditionHolds(c, context, true)]).toEqual([c, false]);
          expect(failed.every((c) => denies.filter((d) => d.includes(c)).length > 0)).toBe(true);
          expect(failed.length).toBeLessThanOrEqual(denies.length);
        }
        expect(candidates).toBeLessThanOrEqual(denies.reduce((n, d) => n * (d.length + 1), 1));
      },
    ),
    { numRuns: Number(process.env.XACCOUNT_PROPERTY_RUNS ?? 300) },
  );
});
