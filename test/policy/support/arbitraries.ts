import * as fc from 'fast-check';
import { Condition, ConditionOperator, Effect, PolicyDocument, PolicyStatement, Principal } from '../../../lib/policy';

// Generators for the property tests of the policy model and the evaluator. Vocabularies are small on
// purpose: statements then share actions, resources and principals, so canonical merging has work to do.

/** XACCOUNT_PROPERTY_RUNS sets the number of cases of every property (e.g. 10000 locally). */
export const RUNS = Number(process.env.XACCOUNT_PROPERTY_RUNS ?? 200);

export const ACCOUNTS = ['1111111111111111', '2222222222222222'];
export const ACTIONS = [
  'log:GetLogStoreLogs',
  'log:PostLogStoreLogs',
  'sts:AssumeRole',
  'log:*',
  'log:Get?ogStoreLogs',
  '*',
];
export const RESOURCES = [
  '*',
  'acs:log:*:*:project/p',
  'acs:log:*:*:project/p/logstore/*',
  'acs:log:*:*:project/p/logstore/a',
  `acs:ram::${ACCOUNTS[0]}:role/r`,
  `acs:ram::${ACCOUNTS[1]}:role/*`,
];
export const STRING_KEYS = ['acs:SourceVpc', 'sts:ExternalId', 'ram:Tag'];
export const STRING_VALUES = ['vpc-1', 'VPC-1', 'vpc-*', 'v?c-1', 'ext-id', 'a', '*'];
export const NUMBERS = ['-1', '0', '1', '2.5', '10'];
export const DATES = ['2026-01-01', '2026-06-30T12:00:00Z', '2026-06-30T20:00:00+08:00', '2027-02-28T00:00:00.5Z'];
export const CIDRS = ['10.0.0.0/8', '10.1.2.3', '192.168.0.0/16', '2001:db8::/32', '0.0.0.0/0'];
export const IPS = ['10.1.2.3', '10.200.0.1', '192.168.1.1', '8.8.8.8', '2001:db8::1', '::1', 'not-an-ip'];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const some = <T>(values: readonly T[], maxLength = 3) => fc.uniqueArray(pick(values), { minLength: 1, maxLength });

/** A well-formed condition of any family, values from the vocabularies above. */
export const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc
    .tuple(
      pick([
        ConditionOperator.STRING_EQUALS,
        ConditionOperator.STRING_NOT_EQUALS,
        ConditionOperator.STRING_EQUALS_IGNORE_CASE,
        ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE,
        ConditionOperator.STRING_LIKE,
        ConditionOperator.STRING_NOT_LIKE,
      ]),
      pick(STRING_KEYS),
      some(STRING_VALUES),
    )
    .map(([op, key, values]) => Condition.of(op, key, values)),
  fc
    .tuple(pick(Object.values(ConditionOperator).filter((op) => op.startsWith('Numeric'))), some(NUMBERS))
    .map(([op, values]) => Condition.of(op, 'acs:Count', values)),
  fc
    .tuple(pick(Object.values(ConditionOperator).filter((op) => op.startsWith('Date'))), some(DATES))
    .map(([op, values]) => Condition.of(op, 'acs:CurrentTime', values)),
  fc.boolean().map((b) => Condition.bool('acs:MFAPresent', b)),
  fc
    .tuple(pick([ConditionOperator.IP_ADDRESS, ConditionOperator.NOT_IP_ADDRESS]), some(CIDRS))
    .map(([op, values]) => Condition.of(op, 'acs:SourceIp', values)),
);

/** Conditions with at most one value list per operator and key, as a statement can hold them. */
export const conditions = fc.uniqueArray(condition, {
  maxLength: 3,
  selector: (c) => `${c.operator} ${c.key}`,
});

export const principal: fc.Arbitrary<Principal> = fc.oneof(
  pick(ACCOUNTS).map((a) => Principal.account(a)),
  fc.tuple(pick(ACCOUNTS), pick(['alice', 'bob'])).map(([a, n]) => Principal.ramUser(a, n)),
  fc.tuple(pick(ACCOUNTS), pick(['ops', 'ci'])).map(([a, n]) => Principal.ramRole(a, n)),
  pick(['ecs.aliyuncs.com', 'log.aliyuncs.com']).map((s) => Principal.service(s)),
  pick(ACCOUNTS).map((a) => Principal.samlProvider(a, 'idp')),
);

const effect = pick([Effect.ALLOW, Effect.DENY]);

/** A statement of an identity policy: Action or NotAction, Resource, maybe conditions. */
export const identityStatement: fc.Arbitrary<PolicyStatement> = fc
  .record({ effect, actions: some(ACTIONS), notAction: fc.boolean(), resources: some(RESOURCES), conditions })
  .map(
    ({ effect: e, actions, notAction, resources, conditions: cs }) =>
      new PolicyStatement({
        effect: e,
        actions: notAction ? undefined : actions,
        notActions: notAction ? actions : undefined,
        resources,
        conditions: cs,
      }),
  );

/** A statement of a trust policy: principals (no resources), sts:AssumeRole or a wildcard. */
export const trustStatement: fc.Arbitrary<PolicyStatement> = fc
  .record({
    effect,
    actions: some(['sts:AssumeRole', 'sts:*', '*', 'sts:AssumeRol?']),
    principals: fc.uniqueArray(principal, { minLength: 1, maxLength: 3, selector: (p) => p.toString() }),
    conditions,
  })
  .map((props) => new PolicyStatement(props));

export const statement = fc.oneof(identityStatement, trustStatement);

/** A document of one to six statements, identity and trust statements mixed. */
export const document: fc.Arbitrary<PolicyDocument> = fc
  .array(statement, { minLength: 1, maxLength: 6 })
  .map((statements) => new PolicyDocument(statements));

/** A small deterministic generator of numbers in [0, 1), so reshuffles replay from fast-check's seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher-Yates). */
export function shuffled<T>(values: readonly T[], rnd: () => number): T[] {
  const copy = values.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * The same JSON written differently where RAM reads it the same: object keys in another order at every
 * level, value lists shuffled with some values repeated, one-value lists as a string or an array.
 */
export function rewritten(json: unknown, rnd: () => number, inValueList = false): unknown {
  if (Array.isArray(json)) {
    const items = json.map((v) => rewritten(v, rnd));
    const withRepeats = inValueList && rnd() < 0.3 ? [...items, items[0]] : items;
    const list = shuffled(withRepeats, rnd);
    return inValueList && list.length === 1 && rnd() < 0.5 ? list[0] : list;
  }
  if (typeof json === 'string') return inValueList && rnd() < 0.5 ? [json] : json;
  if (typeof json !== 'object' || json === null) return json;
  const out: { [key: string]: unknown } = {};
  for (const key of shuffled(Object.keys(json), rnd)) {
    const value = (json as { [key: string]: unknown })[key];
    // Version, Effect and the Statement list are single values; every other leaf list is a set of values.
    const isSet =
      !['Version', 'Effect', 'Statement'].includes(key) && (typeof value === 'string' || Array.isArray(value));
    out[key] = rewritten(value, rnd, isSet);
  }
  return out;
}
