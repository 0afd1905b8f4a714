import * as fs from 'fs';
import { AccessGraph, AccessReport, Decision, PolicyEvaluator } from '../../lib/analysis';
import { PolicyDocument } from '../../lib/policy';
import { accountJson, handWrittenOut, Json, policyText, roleResources, trustStatement } from '../support/hand-written';
import { OTHER, OWNER, PARTNER } from '../support/ids';

// Properties, not examples (issue 10, class 3): on random policies drawn from a fixed vocabulary, a finding
// fires exactly when PolicyEvaluator, asked independently (another made-up name, every context of the
// vocabulary), allows what the finding says. Seeded; the seed of a failing case is in the test name.

const CASES = Number(process.env.FINDINGS_PROPERTY_CASES ?? 250);
const SEED = Number(process.env.FINDINGS_PROPERTY_SEED ?? 20261201);

/** A small seeded PRNG (mulberry32): the same seed draws the same cases. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS = ['sts:AssumeRole', 'sts:*', '*', 'log:GetLogStoreLogs', 'log:*', 'ecs:DescribeInstances', 'ram:*'];
const NOT_ACTIONS = [['ram:*'], ['sts:*'], ['log:*'], ['sts:AssumeRole']];
const RESOURCES = [
  '*',
  `acs:ram:*:${OWNER}:role/*`,
  'acs:ram:*:*:role/*',
  `acs:ram::${OWNER}:role/r`,
  'acs:log:*:*:*',
  'acs:log:*:*:project/*',
  `acs:log:*:${OWNER}:project/p/*`,
  `acs:log:cn-hangzhou:${OWNER}:project/p/logstore/l`,
  'acs:ecs:*:*:*',
];
/**
 * Role patterns that single out some names (a prefix, a suffix, a length, an account prefix), for the
 * XA-ASSUME-ANY-ROLE property: a Deny of one of them must not hide an Allow on every other role.
 */
const ROLE_PATTERNS = [
  'acs:ram::*:role/x*',
  'acs:ram::*:role/f*',
  'acs:ram::*:role/*7f3a',
  'acs:ram::*:role/????????????',
  'acs:ram::*:role/?*',
  'acs:ram::0*:role/*',
  'acs:ram::5*:role/*',
  `acs:ram::${OWNER}:role/*`,
];
/**
 * Action patterns that single out some names (a service prefix, a name prefix, a length of service or
 * name), for the XA-WILDCARD-* properties: a Deny of one must not hide a wide Allow, an Allow of one is
 * wide only where it reaches names nobody names.
 */
const ACTION_PATTERNS = [...ACTIONS, 'x*:*', 'log:X*', '*:X*', `log:${'?'.repeat(17)}`, '????:*'];
/** Resource patterns that single out some names (a prefix, a suffix, a length, a region of one or more characters). */
const NAME_PATTERNS = [
  ...RESOURCES,
  'acs:log:*:*:project/x*',
  'acs:log:*:*:project/*x',
  'acs:log:*:*:project/????????????',
  'acs:ram:?*:*:*',
  'acs:ram:*:*:role/*',
  'acs:*:cn-*:*:*',
];
const CONDITIONS: (Json | undefined)[] = [
  undefined,
  undefined,
  { Bool: { 'acs:MFAPresent': 'true' } },
  { Bool: { 'acs:MFAPresent': 'false' } },
  { StringNotEquals: { 'sts:ExternalId': 'e' } },
  { IpAddress: { 'acs:SourceIp': '203.0.113.0/24' } },
  { NotIpAddress: { 'acs:SourceIp': '203.0.113.0/24' } },
];

/** Every request context of the vocabulary: each key absent or one of the values the conditions name or not. */
const CONTEXTS: { [key: string]: string[] }[] = [];
for (const mfa of [undefined, 'true', 'false']) {
  for (const externalId of [undefined, 'e', 'z']) {
    for (const ip of [undefined, '203.0.113.5', '198.51.100.9']) {
      CONTEXTS.push({
        ...(mfa ? { 'acs:MFAPresent': [mfa] } : {}),
        ...(externalId ? { 'sts:ExternalId': [externalId] } : {}),
        ...(ip ? { 'acs:SourceIp': [ip] } : {}),
      });
    }
  }
}

/**
 * Resources nobody names, of every service and type of the vocabulary: named `fresh-<case>`, and of letters
 * no pattern holds at lengths the patterns tell apart or not, in a region and (as RAM's own ARNs) in none.
 */
function freshResources(i: number): string[] {
  const names = [`fresh-${i}`, 'q', 'q'.repeat(12), 'q'.repeat(13)];
  return ['log', 'ecs', 'ram', 'fresh'].flatMap((service) =>
    ['cn-fresh', '', 'qq'].flatMap((region) =>
      [OWNER, OTHER].flatMap((account) =>
        ['project/', 'instance/', 'role/', ''].flatMap((type) =>
          names.map((name) => `acs:${service}:${region}:${account}:${type}${name}`),
        ),
      ),
    ),
  );
}

/** The findings of a hand-written output, whose folder is removed again (thousands of cases). */
function findingsOf(stacks: { [name: string]: Json }): { id: string }[] {
  const dir = handWrittenOut(stacks);
  try {
    return AccessReport.fromGraph(AccessGraph.fromSynthOutput(dir)).findings;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The owner stack: role r, trusted by the partner with MFA, holding a custom policy of these statements. */
function ownerRoleWith(statements: Json[]): Json {
  const trust = trustStatement([`acs:ram::${PARTNER}:root`], { Bool: { 'acs:MFAPresent': 'true' } });
  return accountJson(OWNER, roleResources('r', [trust], statements));
}

function pick<T>(next: () => number, list: T[]): T {
  return list[Math.floor(next() * list.length)];
}

/** One to four statements, a quarter of them Deny, some with NotAction, some conditioned. */
function policy(next: () => number, resources = RESOURCES, actions = ACTIONS): Json[] {
  const statements: Json[] = [];
  const count = 1 + Math.floor(next() * 4);
  for (let i = 0; i < count; i++) {
    const condition = pick(next, CONDITIONS);
    const action = next() < 0.25 ? { NotAction: pick(next, NOT_ACTIONS) } : { Action: pick(next, actions) };
    statements.push({
      Effect: next() < 0.25 ? 'Deny' : 'Allow',
      ...action,
      Resource: pick(next, resources),
      ...(condition ? { Condition: condition } : {}),
    });
  }
  return statements;
}

/**
 * Whether the evaluator allows `action` on some `resources` in some context of the vocabulary. Contexts are
 * tried only for requests that the statements' Allows, without their conditions and without the Denies, allow:
 * dropping conditions of Allows and dropping Denies only allow more, so no context allows the others.
 */
function allowsSome(statements: Json[], actions: string[], resources: string[]): boolean {
  const document = PolicyDocument.fromJson(policyText(...statements));
  const allows = statements.filter((s) => s.Effect === 'Allow').map(({ Condition: _, ...s }) => s);
  if (allows.length === 0) return false;
  const loose = PolicyDocument.fromJson(policyText(...allows));
  const empty = {};
  return actions.some((action) =>
    resources.some(
      (resource) =>
        PolicyEvaluator.evaluate([loose], { action, resource, context: empty }) === Decision.ALLOW &&
        CONTEXTS.some(
          (context) => PolicyEvaluator.evaluate([document], { action, resource, context }) === Decision.ALLOW,
        ),
    ),
  );
}

/**
 * Actions nobody names: names of letters no pattern of the vocabulary holds, of lengths its patterns tell
 * apart or not, of every service and of services nobody names (of lengths its patterns tell apart or not,
 * one under the service prefix it has); and any action of a service nobody names (`*:X*` reaches it).
 */
const FRESH_ACTIONS = ['sts', 'log', 'ecs', 'ram', 'fresh', 'q', 'wwww', 'xqq'].flatMap((service) =>
  [1, 11, 16, 17, 18, 40]
    .map((n) => `${service}:Q${'q'.repeat(n - 1)}`)
    .concat(['sts', 'log', 'ecs', 'ram'].includes(service) ? [] : [`${service}:XFresh`]),
);

describe(`finding rules agree with the evaluator (${CASES} cases each, seed ${SEED})`, () => {
  test('XA-ASSUME-ANY-ROLE fires exactly when some context allows sts:AssumeRole on a role nobody names', () => {
    const next = random(SEED);
    for (let i = 0; i < CASES; i++) {
      const statements = policy(next, [...RESOURCES, ...ROLE_PATTERNS]);
      const partner = accountJson(PARTNER, {
        alicloud_ram_user: { u: { name: 'u' } },
        alicloud_ram_policy: { p: { policy_name: 'p', policy_document: policyText(...statements) } },
        alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'p', policy_type: 'Custom' } },
      });
      const findings = findingsOf({ partner });
      const fires = findings.some((f) => f.id === 'XA-ASSUME-ANY-ROLE');
      // Names nobody names (of letters no pattern holds), of lengths the patterns tell apart or not, in the
      // accounts of the vocabulary, one under each account prefix it has, and one no prefix covers.
      const names = [1, 5, 11, 12, 13, 40, 64].flatMap((n) => ['q'.repeat(n), 'w'.repeat(n)]);
      const accounts = [OWNER, PARTNER, OTHER, '0700000000000007', '5700000000000007', '7000000000000007'];
      const roles = accounts.flatMap((a) => names.map((n) => `acs:ram::${a}:role/${n}`));
      const expected = allowsSome(statements, ['sts:AssumeRole'], roles);
      expect({ case: i, seed: SEED, statements, fires }).toEqual({ case: i, seed: SEED, statements, fires: expected });
    }
  });

  test('XA-WILDCARD-RESOURCE fires exactly when some context allows an action on a resource nobody names', () => {
    const next = random(SEED + 1);
    // Named actions and an action of each service nobody names (other than the rules' own made-up ones).
    const actions = [
      'sts:AssumeRole',
      'log:GetLogStoreLogs',
      'ecs:DescribeInstances',
      'ram:ListRoles',
      // Of every service: `*:X*` reaches log:X*, ram:X*, ... on resources a wide pattern covers.
      ...['sts', 'log', 'ecs', 'ram'].map((service) => `${service}:XFresh`),
    ].concat(FRESH_ACTIONS);
    for (let i = 0; i < CASES; i++) {
      const statements = policy(next, NAME_PATTERNS, ACTION_PATTERNS);
      const findings = findingsOf({ owner: ownerRoleWith(statements) });
      const fires = findings.some((f) => f.id === 'XA-WILDCARD-RESOURCE');
      const resources = freshResources(i);
      const expected = allowsSome(statements, actions, resources);
      expect({ case: i, seed: SEED + 1, statements, fires }).toEqual({
        case: i,
        seed: SEED + 1,
        statements,
        fires: expected,
      });
    }
  });

  test('XA-WILDCARD-ACTION fires exactly when some context allows an action nobody names on a resource', () => {
    const next = random(SEED + 2);
    const actions = FRESH_ACTIONS;
    for (let i = 0; i < CASES; i++) {
      const statements = policy(next, NAME_PATTERNS, ACTION_PATTERNS);
      const findings = findingsOf({ owner: ownerRoleWith(statements) });
      const fires = findings.some((f) => f.id === 'XA-WILDCARD-ACTION');
      const resources = [
        `acs:ram::${OWNER}:role/r`,
        `acs:log:cn-hangzhou:${OWNER}:project/p/logstore/l`,
        `acs:log:cn-fresh:${OWNER}:project/p/fresh-${i}`,
        ...freshResources(i),
        // A resource of each pattern, however narrow (`project/x*`): a wide action on it is wide all the same.
        ...NAME_PATTERNS.map((p) => p.replace(/\*/g, 'qq').replace(/\?/g, 'q')),
      ];
      const expected = allowsSome(statements, actions, resources);
      expect({ case: i, seed: SEED + 2, statements, fires }).toEqual({
        case: i,
        seed: SEED + 2,
        statements,
        fires: expected,
      });
    }
  });
});
