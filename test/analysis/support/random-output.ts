import * as fc from 'fast-check';
import { Decision, PolicyEvaluator } from '../../../lib/analysis';
import { PolicyDocument } from '../../../lib/policy';
import { doc, HandStack } from './hand-written';

// A fixed vocabulary: accounts, names, principals, actions, resources and conditions. Generated outputs
// are small `cdk.tf.json` folders drawn from it; the oracle enumerates every request context of it.

export const ACCOUNTS = ['1000000000000001', '2000000000000002', '3000000000000003'];
const USERS = ['u1', 'u2'];
const ROLES = ['r1', 'r2', 'r3', 'r4'];

const CONDITIONS: [string, string, string][] = [
  ['Bool', 'acs:MFAPresent', 'true'],
  ['Bool', 'acs:MFAPresent', 'false'],
  ['IpAddress', 'acs:SourceIp', '10.0.0.0/8'],
  ['IpAddress', 'acs:SourceIp', '10.1.0.0/16'],
  ['IpAddress', 'acs:SourceIp', '192.168.0.0/16'],
  ['NotIpAddress', 'acs:SourceIp', '10.1.0.0/16'],
  ['StringEquals', 'sts:ExternalId', 'e1'],
  ['StringEquals', 'sts:ExternalId', 'e2'],
  ['StringNotEquals', 'sts:ExternalId', 'e1'],
  ['StringLike', 'sts:ExternalId', 'e*'],
  // An Allow above 1.5 and a Deny from 2 let in only a decimal between them.
  ['NumericGreaterThan', 'acs:Level', '1.5'],
  ['NumericGreaterThanEquals', 'acs:Level', '2'],
];

/** Every request context of the vocabulary: each key absent or one of its values (3 × 5 × 5 × 5 = 375). */
export const CONTEXTS: { [key: string]: string[] }[] = (() => {
  const mfa = [undefined, 'true', 'false'];
  const ip = [undefined, '10.1.2.3', '10.200.0.1', '192.168.1.1', '8.8.8.8'];
  const externalId = [undefined, 'e1', 'e2', 'e3', 'e'];
  const level = [undefined, '1', '1.75', '2', '3'];
  const contexts: { [key: string]: string[] }[] = [];
  for (const m of mfa)
    for (const i of ip)
      for (const e of externalId)
        for (const l of level) {
          const c: { [key: string]: string[] } = {};
          if (m !== undefined) c['acs:MFAPresent'] = [m];
          if (i !== undefined) c['acs:SourceIp'] = [i];
          if (e !== undefined) c['sts:ExternalId'] = [e];
          if (l !== undefined) c['acs:Level'] = [l];
          contexts.push(c);
        }
  return contexts;
})();

/** Conditions of one statement: at most one per key (a statement's JSON keys them by operator and key). */
const conditions = fc.subarray(CONDITIONS, { maxLength: 2 }).map((list) => {
  const byKey = new Map(list.map((c) => [c[1], c]));
  const out: { [op: string]: { [key: string]: string } } = {};
  for (const [op, key, value] of byKey.values()) (out[op] ??= {})[key] = value;
  return Object.keys(out).length > 0 ? { Condition: out } : {};
});

const principal = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ACCOUNTS).map((a) => `acs:ram::${a}:root`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...ACCOUNTS), fc.constantFrom(...USERS))
      .map(([a, u]) => `acs:ram::${a}:user/${u}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...ACCOUNTS), fc.constantFrom(...ROLES))
      .map(([a, r]) => `acs:ram::${a}:role/${r}`),
  },
);

const trustStatement = fc
  .record({
    effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
    ram: fc.uniqueArray(principal, { minLength: 1, maxLength: 2 }),
    service: fc.boolean(),
    conditions,
  })
  .map(({ effect, ram, service, conditions: c }) =>
    service && effect === 'Allow'
      ? { Action: 'sts:AssumeRole', Effect: effect, Principal: { Service: ['ecs.aliyuncs.com'] } }
      : { Action: 'sts:AssumeRole', Effect: effect, Principal: { RAM: ram }, ...c },
  );

const resource = fc.oneof(
  fc.constant('*'),
  fc.constant('acs:ram:*:*:role/*'),
  fc.tuple(fc.constantFrom(...ACCOUNTS), fc.constantFrom(...ROLES)).map(([a, r]) => `acs:ram::${a}:role/${r}`),
  fc.constantFrom(...ACCOUNTS).map((a) => `acs:ram::${a}:role/r*`),
  fc.constant('acs:log:*:*:*'),
);

const identityStatement = fc
  .record({
    effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    action: fc.oneof(
      fc.constantFrom('sts:AssumeRole', 'sts:*', '*', 'sts:Assume*', 'log:GetLogStoreLogs').map((a) => ({ Action: a })),
      fc.constantFrom('ram:*', 'sts:*', 'log:*').map((a) => ({ NotAction: a })),
    ),
    resources: fc.uniqueArray(resource, { minLength: 1, maxLength: 2 }),
    conditions,
  })
  .map(({ effect, action, resources, conditions: c }) => ({ ...action, Effect: effect, Resource: resources, ...c }));

const identityPolicy = fc.array(identityStatement, { minLength: 1, maxLength: 2 }).map((s) => doc(...s));

/** A generated output: per account, users (with policies, group, login), a group policy, and roles. */
export interface RandomAccount {
  readonly account: string;
  readonly users: { name: string; policies: object[]; inGroup: boolean; login: boolean; system: boolean }[];
  readonly groupPolicies: object[];
  readonly roles: { name: string; trust: object; policies: object[]; system: boolean }[];
}

const randomAccount = (account: string) =>
  fc.record({
    account: fc.constant(account),
    users: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom(...USERS),
        policies: fc.array(identityPolicy, { maxLength: 2 }),
        inGroup: fc.boolean(),
        login: fc.boolean(),
        system: fc.boolean(),
      }),
      { maxLength: 2, selector: (u) => u.name },
    ),
    groupPolicies: fc.array(identityPolicy, { maxLength: 1 }),
    roles: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom(...ROLES),
        trust: fc.array(trustStatement, { minLength: 1, maxLength: 3 }).map((s) => doc(...s)),
        policies: fc.array(identityPolicy, { maxLength: 2 }),
        system: fc.boolean(),
      }),
      { maxLength: 2, selector: (r) => r.name },
    ),
  });

/** 1-3 accounts, 1-4 roles in all. */
export const randomOutput: fc.Arbitrary<RandomAccount[]> = fc
  .subarray(ACCOUNTS, { minLength: 1 })
  .chain((accounts) => fc.tuple(...accounts.map(randomAccount)))
  .filter((accounts) => {
    const roles = accounts.reduce((n, a) => n + a.roles.length, 0);
    return roles >= 1 && roles <= 4;
  });

/** The stacks of a generated output, as `writeOut` takes them. */
export function stacksOf(accounts: RandomAccount[]): { [name: string]: HandStack } {
  const stacks: { [name: string]: HandStack } = {};
  for (const a of accounts) {
    const r: { [type: string]: { [name: string]: { [attribute: string]: unknown } } } = {
      alicloud_ram_user: {},
      alicloud_ram_role: {},
      alicloud_ram_policy: {},
      alicloud_ram_user_policy_attachment: {},
      alicloud_ram_role_policy_attachment: {},
      alicloud_ram_group: { g: { group_name: 'g' } },
      alicloud_ram_group_policy_attachment: {},
      alicloud_ram_user_group_attachment: {},
      alicloud_ram_login_profile: {},
    };
    const custom = (name: string, document: object) => {
      r.alicloud_ram_policy[name] = { policy_name: name, policy_document: document };
      return { policy_name: name, policy_type: 'Custom' };
    };
    const system = { policy_name: 'AliyunSTSAssumeRoleAccess', policy_type: 'System' };
    a.groupPolicies.forEach((p, i) => {
      r.alicloud_ram_group_policy_attachment[`g-${i}`] = { group_name: 'g', ...custom(`g-${i}`, p) };
    });
    for (const u of a.users) {
      r.alicloud_ram_user[u.name] = { name: u.name };
      if (u.login) r.alicloud_ram_login_profile[u.name] = { user_name: u.name };
      if (u.inGroup) r.alicloud_ram_user_group_attachment[u.name] = { group_name: 'g', user_name: u.name };
      u.policies.forEach((p, i) => {
        r.alicloud_ram_user_policy_attachment[`${u.name}-${i}`] = { user_name: u.name, ...custom(`${u.name}-${i}`, p) };
      });
      if (u.system) r.alicloud_ram_user_policy_attachment[`${u.name}-sts`] = { user_name: u.name, ...system };
    }
    for (const role of a.roles) {
      r.alicloud_ram_role[role.name] = { role_name: role.name, assume_role_policy_document: role.trust };
      role.policies.forEach((p, i) => {
        r.alicloud_ram_role_policy_attachment[`${role.name}-${i}`] = {
          role_name: role.name,
          ...custom(`${role.name}-${i}`, p),
        };
      });
      if (role.system) r.alicloud_ram_role_policy_attachment[`${role.name}-sts`] = { role_name: role.name, ...system };
    }
    stacks[`account-${a.account}`] = { account: a.account, resources: r };
  }
  return stacks;
}

/** A principal of the output with its identity policies, read from the generator's own data. */
export interface OraclePrincipal {
  readonly arn: string;
  /** A user created here without console login: its requests never carry MFA. */
  readonly apiOnly: boolean;
  readonly policies: PolicyDocument[];
}

/** `AliyunSTSAssumeRoleAccess`, as the generator attaches it. */
export const STS_ALL = PolicyDocument.fromJson(
  JSON.stringify(doc({ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: '*' })),
);
const parse = (d: object) => PolicyDocument.fromJson(JSON.stringify(d));

/** Every user and role of the output, with its policies (a user's own, its group's and the STS system policy). */
export function principalsOf(accounts: RandomAccount[]): OraclePrincipal[] {
  return accounts.flatMap((a) => [
    ...a.users.map((u) => ({
      arn: `acs:ram::${a.account}:user/${u.name}`,
      apiOnly: !u.login,
      policies: [
        ...u.policies.map(parse),
        ...(u.inGroup ? a.groupPolicies.map(parse) : []),
        ...(u.system ? [STS_ALL] : []),
      ],
    })),
    ...a.roles.map((r) => ({
      arn: `acs:ram::${a.account}:role/${r.name}`,
      apiOnly: false,
      policies: [...r.policies.map(parse), ...(r.system ? [STS_ALL] : [])],
    })),
  ]);
}

/** Every role of the output: ARN and trust policy. */
export function rolesOf(accounts: RandomAccount[]): { arn: string; trust: PolicyDocument }[] {
  return accounts.flatMap((a) =>
    a.roles.map((r) => ({ arn: `acs:ram::${a.account}:role/${r.name}`, trust: parse(r.trust) })),
  );
}

/** The oracle: some context of the vocabulary (for API-only users, one without MFA) makes the evaluator allow. */
export function oracle(p: OraclePrincipal, role: { arn: string; trust: PolicyDocument }, apiOnly = false): boolean {
  return CONTEXTS.some(
    (context) =>
      !(apiOnly && context['acs:MFAPresent']?.[0] === 'true') &&
      PolicyEvaluator.evaluateAssumeRole(p.policies, role.trust, p.arn, role.arn, context) === Decision.ALLOW,
  );
}
