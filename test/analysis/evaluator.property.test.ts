import * as fc from 'fast-check';
import { AccessRequest, Decision, EvaluatorOptions, PolicyEvaluator } from '../../lib/analysis';
import { Condition, ConditionOperator, Effect, PolicyDocument, PolicyStatement } from '../../lib/policy';
import { complementOf } from '../../lib/analysis/private/condition-eval';
import {
  ACCOUNTS,
  ACTIONS,
  CIDRS,
  DATES,
  document,
  IPS,
  NUMBERS,
  random,
  RESOURCES,
  RUNS,
  shuffled,
  STRING_KEYS,
  STRING_VALUES,
  trustStatement,
} from '../policy/support/arbitraries';

// Properties of the evaluator (issue 15). fast-check prints the seed and the shrunk counterexample on
// failure. XACCOUNT_PROPERTY_RUNS raises the number of cases.

const options = { numRuns: RUNS };

const context = fc.dictionary(
  fc.constantFrom(...STRING_KEYS, 'acs:Count', 'acs:CurrentTime', 'acs:MFAPresent', 'acs:SourceIp'),
  fc.array(fc.constantFrom(...STRING_VALUES, ...NUMBERS, ...DATES, ...IPS, 'true', 'false'), { maxLength: 2 }),
);
const request: fc.Arbitrary<AccessRequest> = fc.record({
  action: fc.constantFrom(...ACTIONS, 'LOG:getlogstorelogs', 'ecs:RunInstances'),
  resource: fc.constantFrom(...RESOURCES, 'acs:log:cn-hangzhou:1111111111111111:project/p/logstore/a'),
  context,
});
const evaluatorOptions: fc.Arbitrary<EvaluatorOptions> = fc.record(
  {
    caseSensitiveActions: fc.boolean(),
    caseSensitiveResources: fc.boolean(),
    negatedOperatorMatchesMissingKey: fc.boolean(),
  },
  { requiredKeys: [] },
);
const policies = fc.array(document, { minLength: 1, maxLength: 3 });

/** The same statements, shuffled and dealt into as many documents again. */
function redealt(docs: PolicyDocument[], seed: number): PolicyDocument[] {
  const rnd = random(seed);
  const all = shuffled(
    docs.flatMap((d) => d.statements),
    rnd,
  );
  const out = docs.map(() => new PolicyDocument());
  all.forEach((s) => out[Math.floor(rnd() * out.length)].addStatements(s));
  return out.filter((d) => !d.isEmpty);
}

describe('PolicyEvaluator (property)', () => {
  test('the decision does not depend on statement order or on how statements are split into documents', () => {
    fc.assert(
      fc.property(policies, request, evaluatorOptions, fc.integer(), (docs, req, opts, seed) => {
        const decision = PolicyEvaluator.evaluate(docs, req, undefined, opts);
        expect(PolicyEvaluator.evaluate(redealt(docs, seed), req, undefined, opts)).toBe(decision);
        // One document holding every statement decides the same as the set.
        expect(
          PolicyEvaluator.evaluate([new PolicyDocument(docs.flatMap((d) => d.statements))], req, undefined, opts),
        ).toBe(decision);
      }),
      options,
    );
  });

  test('the canonical document (merged statements) decides every request as its statements do', () => {
    fc.assert(
      fc.property(document, request, evaluatorOptions, (doc, req, opts) => {
        const canonical = PolicyDocument.fromJson(doc.toJsonString());
        expect(PolicyEvaluator.evaluate([canonical], req, undefined, opts)).toBe(
          PolicyEvaluator.evaluate([doc], req, undefined, opts),
        );
      }),
      options,
    );
  });

  test('a session policy only narrows: Allow needs both, a Deny in either wins', () => {
    fc.assert(
      fc.property(policies, document, request, (docs, session, req) => {
        const identity = PolicyEvaluator.evaluate(docs, req);
        const alone = PolicyEvaluator.evaluate([session], req);
        const both = PolicyEvaluator.evaluate(docs, req, session);
        const expected =
          identity === Decision.EXPLICIT_DENY || alone === Decision.EXPLICIT_DENY
            ? Decision.EXPLICIT_DENY
            : identity === Decision.ALLOW && alone === Decision.ALLOW
              ? Decision.ALLOW
              : Decision.IMPLICIT_DENY;
        expect(both).toBe(expected);
      }),
      options,
    );
  });

  test('AssumeRole: order-independent on both sides, and Allow exactly when caller and trust both allow', () => {
    const caller = fc.constantFrom(
      ...ACCOUNTS.flatMap((a) => [
        `acs:ram::${a}:user/alice`,
        `acs:ram::${a}:role/ops`,
        `acs:ram::${a}:role/ops/session-1`,
      ]),
    );
    const trust = fc.array(trustStatement, { minLength: 1, maxLength: 5 }).map((s) => new PolicyDocument(s));
    fc.assert(
      fc.property(policies, trust, caller, context, fc.integer(), (callerPolicies, trustPolicy, arn, ctx, seed) => {
        const role = `acs:ram::${ACCOUNTS[0]}:role/r`;
        const said = PolicyEvaluator.explainAssumeRole(callerPolicies, trustPolicy, arn, role, ctx);
        const [shuffledTrust] = redealt([trustPolicy], seed);
        const again = PolicyEvaluator.explainAssumeRole(redealt(callerPolicies, seed), shuffledTrust, arn, role, ctx);
        expect(again).toEqual(said);
        const ownAllow = PolicyEvaluator.evaluate(callerPolicies, {
          action: 'sts:AssumeRole',
          resource: role,
          context: ctx,
        });
        expect(said.callerDecision).toBe(ownAllow);
        expect(said.decision === Decision.ALLOW).toBe(
          said.callerDecision === Decision.ALLOW && said.trustDecision === Decision.ALLOW,
        );
      }),
      options,
    );
  });
});

/** Decides one Allow statement with one condition on any action and resource. */
function holds(condition: Condition, ctx: { [key: string]: string[] }, opts: EvaluatorOptions = {}): boolean {
  const doc = new PolicyDocument([
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['*'], resources: ['*'], conditions: [condition] }),
  ]);
  return (
    PolicyEvaluator.evaluate([doc], { action: 'log:GetLogStoreLogs', resource: '*', context: ctx }, undefined, opts) ===
    Decision.ALLOW
  );
}

// Operators and their negations: over a key the request has, exactly one of the two holds.
const SET_PAIRS: [ConditionOperator, ConditionOperator, readonly string[], readonly string[]][] = [
  [ConditionOperator.STRING_EQUALS, ConditionOperator.STRING_NOT_EQUALS, STRING_VALUES, STRING_VALUES],
  [
    ConditionOperator.STRING_EQUALS_IGNORE_CASE,
    ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE,
    STRING_VALUES,
    STRING_VALUES,
  ],
  [ConditionOperator.STRING_LIKE, ConditionOperator.STRING_NOT_LIKE, STRING_VALUES, STRING_VALUES],
  [ConditionOperator.NUMERIC_EQUALS, ConditionOperator.NUMERIC_NOT_EQUALS, NUMBERS, [...NUMBERS, '1.0', 'x']],
  [
    ConditionOperator.DATE_EQUALS,
    ConditionOperator.DATE_NOT_EQUALS,
    DATES,
    [...DATES, '2026-06-30T04:00:00-08:00', 'x'],
  ],
  [ConditionOperator.IP_ADDRESS, ConditionOperator.NOT_IP_ADDRESS, CIDRS, IPS],
];
// Ordering operators are each other's negation for one request value against one policy value.
const ORDER_PAIRS: [ConditionOperator, ConditionOperator, readonly string[]][] = [
  [ConditionOperator.NUMERIC_LESS_THAN, ConditionOperator.NUMERIC_GREATER_THAN_EQUALS, NUMBERS],
  [ConditionOperator.NUMERIC_GREATER_THAN, ConditionOperator.NUMERIC_LESS_THAN_EQUALS, NUMBERS],
  [ConditionOperator.DATE_LESS_THAN, ConditionOperator.DATE_GREATER_THAN_EQUALS, DATES],
  [ConditionOperator.DATE_GREATER_THAN, ConditionOperator.DATE_LESS_THAN_EQUALS, DATES],
];

describe('negation pairs give opposite results on keys the request has (property)', () => {
  test.each(SET_PAIRS)('%s / %s', (positive, negative, policyValues, requestValues) => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...policyValues), { minLength: 1, maxLength: 3 }),
        fc.array(fc.constantFrom(...requestValues), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (values, present, negatedMissing) => {
          const ctx = { 'acs:Key': present };
          const opts = { negatedOperatorMatchesMissingKey: negatedMissing };
          const p = holds(Condition.of(positive, 'acs:Key', values), ctx, opts);
          const n = holds(Condition.of(negative, 'acs:Key', values), ctx, opts);
          expect([p, n]).toEqual([p, !p]);
        },
      ),
      options,
    );
  });

  test.each(ORDER_PAIRS)('%s / %s', (less, atLeast, values) => {
    fc.assert(
      fc.property(fc.constantFrom(...values), fc.constantFrom(...values), (policyValue, requestValue) => {
        const ctx = { 'acs:Key': [requestValue] };
        const p = holds(Condition.of(less, 'acs:Key', [policyValue]), ctx);
        expect(holds(Condition.of(atLeast, 'acs:Key', [policyValue]), ctx)).toBe(!p);
      }),
      options,
    );
  });

  test('Bool "true" / Bool "false" on a request value of either spelling', () => {
    fc.assert(
      fc.property(fc.constantFrom('true', 'false', 'TRUE', 'False'), (value) => {
        const ctx = { 'acs:MFAPresent': [value] };
        expect(holds(Condition.bool('acs:MFAPresent', false), ctx)).toBe(
          !holds(Condition.bool('acs:MFAPresent', true), ctx),
        );
        expect(holds(Condition.bool('acs:MFAPresent', true), ctx)).toBe(value.toLowerCase() === 'true');
      }),
      options,
    );
  });

  test('over a missing key, a positive operator never holds and a negated one follows the option', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SET_PAIRS), fc.boolean(), ([positive, negative, values], negatedMissing) => {
        const opts = { negatedOperatorMatchesMissingKey: negatedMissing };
        for (const ctx of [{}, { 'acs:Key': [] }] as { [key: string]: string[] }[]) {
          expect(holds(Condition.of(positive, 'acs:Key', [values[0]]), ctx, opts)).toBe(false);
          expect(holds(Condition.of(negative, 'acs:Key', [values[0]]), ctx, opts)).toBe(negatedMissing);
        }
      }),
      options,
    );
  });
});

// The report says a way past a Deny as the complement of the condition it fails: exactly the pairs above,
// which are complements on a missing key too under the evaluator's default (a negated operator holds there).
describe('complementOf: the condition that holds exactly where a condition fails (default options)', () => {
  test.each(SET_PAIRS)('%s / %s, either way round', (positive, negative, policyValues, requestValues) => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.uniqueArray(fc.constantFrom(...policyValues), { minLength: 1, maxLength: 3 }),
        fc.array(fc.constantFrom(...requestValues), { maxLength: 3 }),
        (flip, values, present) => {
          const condition = Condition.of(flip ? negative : positive, 'acs:Key', values);
          const complement = complementOf(condition)!;
          expect([complement.operator, complement.key, complement.values]).toEqual([
            flip ? positive : negative,
            'acs:Key',
            condition.values,
          ]);
          const ctx: { [key: string]: string[] } = present.length > 0 ? { 'acs:Key': present } : {};
          expect(holds(complement, ctx)).toBe(!holds(condition, ctx));
        },
      ),
      options,
    );
  });

  test('orderings and Bool have none: both sides fail on a missing key', () => {
    for (const [less, atLeast] of ORDER_PAIRS) {
      expect(complementOf(Condition.of(less, 'acs:Key', ['1']))).toBeUndefined();
      expect(complementOf(Condition.of(atLeast, 'acs:Key', ['1']))).toBeUndefined();
    }
    expect(complementOf(Condition.bool('acs:MFAPresent', true))).toBeUndefined();
  });
});
