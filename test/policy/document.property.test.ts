import * as fc from 'fast-check';
import { PolicyDocument } from '../../lib/policy';
import { isValidationError } from '../../lib/policy/private/validation-error';
import { document, random, rewritten, RUNS, shuffled, statement } from './support/arbitraries';

// Properties of the policy model (issue 15). fast-check prints the seed and the shrunk counterexample on
// failure; replay one with fc.assert(..., { seed, path }). XACCOUNT_PROPERTY_RUNS raises the number of cases.

const options = { numRuns: RUNS };

/** What fromJson did with an input: a document, or the message of one of our validation errors. */
function parsed(json: string): PolicyDocument | string {
  try {
    return PolicyDocument.fromJson(json);
  } catch (e) {
    if (!isValidationError(e)) throw e; // a TypeError, a RangeError, ...: a crash, not a clear message
    return e.message;
  }
}

describe('PolicyDocument round trip and canonical form (property)', () => {
  test('fromJson(render(d)) is d: the same canonical text and statements that render the same way', () => {
    fc.assert(
      fc.property(document, (d) => {
        const text = d.toJsonString();
        const back = PolicyDocument.fromJson(text);
        expect(back.toJsonString()).toBe(text);
        expect(PolicyDocument.fromJson(d.toPrettyJsonString()).toJsonString()).toBe(text);
        // Each statement read back is one canonical statement of d, in d's order.
        expect(back.statements.map((s) => s.toJson())).toEqual((d.toJson().Statement as unknown[]).slice());
      }),
      options,
    );
  });

  test('canonical JSON is idempotent: rendering what was read back changes nothing', () => {
    fc.assert(
      fc.property(document, (d) => {
        const once = PolicyDocument.fromJson(d.toJsonString());
        const twice = PolicyDocument.fromJson(once.toJsonString());
        expect(twice.toJsonString()).toBe(once.toJsonString());
        expect(new PolicyDocument(once.statements).toJsonString()).toBe(once.toJsonString());
      }),
      options,
    );
  });

  test('canonical JSON does not depend on statement order, repeated statements, key order or value order', () => {
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 6 }), fc.integer(), (statements, seed) => {
        const rnd = random(seed);
        const canonical = new PolicyDocument(statements).toJsonString();
        const reordered = new PolicyDocument(shuffled([...statements, statements[0]], rnd));
        expect(reordered.toJsonString()).toBe(canonical);
        // The same document hand-written another way: keys, lists and one-value forms all rearranged.
        const raw = JSON.stringify(rewritten(JSON.parse(canonical), rnd));
        expect(PolicyDocument.fromJson(raw).toJsonString()).toBe(canonical);
        // Statements added one at a time, in any order, end in the same text.
        const stepwise = new PolicyDocument();
        for (const s of shuffled(statements, rnd)) stepwise.addStatements(s);
        expect(stepwise.toJsonString()).toBe(canonical);
      }),
      options,
    );
  });

  test('the rendered document is valid for what its statements are: identity or trust problems only from the mix', () => {
    fc.assert(
      fc.property(document, (d) => {
        const trust = d.statements.filter((s) => s.principals.length > 0).length;
        const all = d.statements.length;
        expect(d.validateForIdentityPolicy().length === 0).toBe(trust === 0);
        expect(d.validateForTrustPolicy().length === 0).toBe(trust === all);
      }),
      options,
    );
  });
});

// JSON that is shaped like a policy, with anything at all in its slots.
const slot = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('1', 'Allow', 'Deny', 'allow', 'log:GetLogStoreLogs', '*', 'acs:ram::1111111111111111:root'),
  fc.array(fc.constantFrom('log:GetLogStoreLogs', '', '*', 'acs:log:*:*:project/p', '${var.x}')),
);
const conditionLike = fc.dictionary(
  fc.constantFrom(
    'StringEquals',
    'NumericLessThan',
    'DateEquals',
    'Bool',
    'IpAddress',
    'StringEqualsIfExists',
    '__proto__',
  ),
  fc.oneof(fc.dictionary(fc.constantFrom('acs:SourceIp', 'a:b', 'bad key', 'constructor'), slot), slot),
);
const principalLike = fc.oneof(
  fc.dictionary(fc.constantFrom('RAM', 'Service', 'Federated', 'AWS', 'toString'), slot),
  slot,
);
const statementLike = fc.oneof(
  fc.record(
    {
      Effect: slot,
      Action: slot,
      NotAction: slot,
      Resource: slot,
      Principal: principalLike,
      Condition: fc.oneof(conditionLike, slot),
      Sid: slot,
      hasOwnProperty: slot,
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);
const documentLike = fc.oneof(
  fc.record(
    { Version: slot, Statement: fc.oneof(fc.array(statementLike, { maxLength: 4 }), slot), Id: slot },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);

describe('PolicyDocument.fromJson on arbitrary input (property)', () => {
  test('a failing property names the seed that replays it', () => {
    expect(() =>
      fc.assert(
        fc.property(document, (d) => d.isEmpty),
        options,
      ),
    ).toThrow(/seed: -?\d+, path: /);
  });

  const acceptedOrRefused = (json: string) => {
    const result = parsed(json);
    if (typeof result === 'string') {
      expect(result).toMatch(/^PolicyDocument\.fromJson: (not valid JSON|invalid policy document:\n {2}- )/);
    } else {
      // Anything accepted renders, validates and reads back without a crash.
      const text = result.toJsonString();
      result.validateForIdentityPolicy();
      result.validateForTrustPolicy();
      expect(PolicyDocument.fromJson(text).toJsonString()).toBe(text);
    }
  };

  test('arbitrary strings: only our validation errors', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), acceptedOrRefused), options);
  });

  test('arbitrary JSON: only our validation errors', () => {
    fc.assert(fc.property(fc.json({ maxDepth: 4 }), acceptedOrRefused), options);
  });

  test('policy-shaped JSON with anything in its slots: only our validation errors', () => {
    fc.assert(
      fc.property(documentLike, (doc) => acceptedOrRefused(JSON.stringify(doc))),
      { numRuns: RUNS * 3 },
    );
  });
});
