import { GraphGroup, GraphPolicy, GraphRole, GraphUser } from '../graph-model';
import { addTo } from '../../policy/private/multimap';
import type { PossibleHolding, UnknownHolder } from './graph-builder';
import { ByScopeAndName, holderKey, isUnknownScope, scopeOfHolderKey, stackOfUnknownScope } from './scopes';

/** What the builder has read, for joining the names of stacks whose account the output does not say. */
export interface JoinInputs {
  readonly users: ByScopeAndName<GraphUser>;
  readonly groups: ByScopeAndName<GraphGroup>;
  readonly roles: ByScopeAndName<GraphRole>;
  /** Role attachments that name a role their scope has no role of: `{ scope, name, policy }`. */
  readonly pendingNamed: readonly { scope: string; name: string; policy: GraphPolicy }[];
  /** Role attachments whose role name is a Terraform value: `{ scope, expression, policy }`. */
  readonly pendingRoles: readonly { scope: string; expression: string; policy: GraphPolicy }[];
  /** Holders named by Terraform values (more are added for the groups they may share). */
  readonly unknownHolders: UnknownHolder[];
  /** Console logins of users named by Terraform values, by scope. */
  readonly unknownLogins: ReadonlyMap<string, string[]>;
  /** The possible holdings recorded so far, by `holderKey`. */
  readonly holdings: ReadonlyMap<string, readonly PossibleHolding[]>;
  /** Records policies a holder may hold for some values of `expression` and of `also` (the builder's `possible`). */
  readonly possible: (key: string, expression: string, choices: GraphPolicy[][], also?: string[]) => void;
  /** Console logins a user may have for some values, by `holderKey`: the expressions they depend on. */
  readonly possibleLogins: Map<string, string[]>;
}

/** What one way their accounts may be depends on: the account of each stack of unknown account. */
function wordsOf(unknowns: string[]): [string, ...string[]] {
  const [first, ...rest] = unknowns.map((s) => `the account of stack ${stackOfUnknownScope(s)}`);
  return [first, ...rest];
}

/**
 * A stack whose account the output does not say may run with any account's credentials, and RAM names are unique
 * per account. So the analysis considers each way some of such stacks are one account: each account of the output
 * with each group of them, and (two or more) they alone. In each, a user, group or role and those of the same name in
 * the other scopes are one: each may hold what the others hold (policies, groups of that name anywhere in the
 * way, possible holdings, a console login, role attachments to that name or to a Terraform value), recorded as
 * possible holdings for some values of `the account of stack <s>`.
 */
export function joinUnknownAccounts(inputs: JoinInputs): void {
  const scopes = new Set([
    ...inputs.users.scopes(),
    ...inputs.groups.scopes(),
    ...inputs.roles.scopes(),
    ...inputs.pendingNamed.map((p) => p.scope),
    ...inputs.pendingRoles.map((p) => p.scope),
    ...inputs.unknownHolders.map((h) => h.scope),
    ...inputs.unknownLogins.keys(),
    // (A scope may hold only a membership of `${var.g}`: a possible holding of a user it names.)
    ...Array.from(inputs.holdings.keys(), scopeOfHolderKey),
  ]);
  const unknowns = Array.from(scopes).filter(isUnknownScope);
  if (unknowns.length === 0) return;
  const knowns = Array.from(scopes).filter((s) => !isUnknownScope(s));
  // Which of them are one account with a known one, or with each other: every group of them (a Deny of one must not
  // take away what another gives), or past MAX_SUBSETS_OF each one alone and all together.
  const groupsOf = subsetsOf(unknowns);
  const ways = [...knowns.flatMap((k) => groupsOf.map((g) => [k, ...g])), ...groupsOf.filter((g) => g.length > 1)];
  // Every way reads the holdings and holders as the output gives them, not as another way added them.
  const holdings = new Map(Array.from(inputs.holdings, ([key, list]) => [key, [...list]]));
  const holders = [...inputs.unknownHolders];
  for (const way of ways) joinWay(inputs, way, holdings, holders);
}

/** Up to this many stacks of unknown account, every group of them is tried; past it, each alone and all together. */
const MAX_SUBSETS_OF = 4;

/** The non-empty groups of `items` to try (see `MAX_SUBSETS_OF`). */
function subsetsOf(items: string[]): string[][] {
  if (items.length > MAX_SUBSETS_OF) return [...items.map((i) => [i]), items];
  const all: string[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) all.push(items.filter((_, i) => mask & (1 << i)));
  return all;
}

/** What each scope of `way` may hold when all its scopes are one account. */
function joinWay(
  inputs: JoinInputs,
  way: string[],
  holdings: ReadonlyMap<string, readonly PossibleHolding[]>,
  holders: readonly UnknownHolder[],
): void {
  const { users, groups, roles, pendingNamed, pendingRoles, possible, possibleLogins } = inputs;
  // Each way has a stack of unknown account: a holding depends on the account of each.
  const words = wordsOf(way.filter(isUnknownScope));
  const record = (key: string, policies: GraphPolicy[]) => {
    if (policies.length > 0) possible(key, words[0], [policies], words.slice(1));
  };
  for (const to of way) {
    const others = way.filter((s) => s !== to);
    for (const u of users.inScope(to)) {
      const key = holderKey('user', to, u.userName);
      const groupNames = new Set(u.groups);
      const policies: GraphPolicy[] = [];
      for (const s of others) {
        const same = users.get(s, u.userName);
        if (same !== undefined) {
          policies.push(...same.policies);
          same.groups.forEach((g) => groupNames.add(g));
          if (same.consoleLogin) addTo(possibleLogins, key, ...words);
        }
        // (A membership of `${var.g}` holds for a user name the other scope need not otherwise have.)
        for (const h of holdings.get(holderKey('user', s, u.userName)) ?? []) {
          possible(
            key,
            h.expression,
            h.choices.map((c) => c.policies),
            words,
          );
        }
        for (const login of inputs.unknownLogins.get(s) ?? []) addTo(possibleLogins, key, login, ...words);
      }
      for (const g of groupNames) {
        for (const s of way) {
          // (Its own groups' policies and possible holdings it holds already.)
          if (s === to && u.groups.includes(g)) continue;
          policies.push(...(groups.get(s, g)?.policies ?? []));
          for (const h of holdings.get(holderKey('group', s, g)) ?? []) {
            possible(
              key,
              h.expression,
              h.choices.map((c) => c.policies),
              words,
            );
          }
        }
      }
      record(key, policies);
    }
    for (const g of groups.inScope(to)) {
      record(
        holderKey('group', to, g.groupName),
        others.flatMap((s) => groups.get(s, g.groupName)?.policies ?? []),
      );
    }
    for (const r of roles.inScope(to)) {
      const key = holderKey('role', to, r.roleName);
      const named = pendingNamed.filter((p) => others.includes(p.scope));
      if (r.unresolvedRoleName === undefined) {
        record(key, [
          ...others.flatMap((s) => roles.get(s, r.roleName)?.policies ?? []),
          ...named.filter((p) => p.name === r.roleName).map((p) => p.policy),
        ]);
      } else {
        for (const p of named) possible(key, `${r.unresolvedRoleName} (as ${p.name})`, [[p.policy]], words);
      }
      for (const p of pendingRoles.filter((x) => others.includes(x.scope))) {
        possible(key, p.expression, [[p.policy]], words);
      }
    }
  }
  // A member named by a value of a literal group: the group of that name in another scope of the way is its too.
  for (const h of holders) {
    if (h.group === undefined || !way.includes(h.scope)) continue;
    for (const s of way) {
      const policies = s === h.scope ? [] : (groups.get(s, h.group)?.policies ?? []);
      if (policies.length === 0) continue;
      inputs.unknownHolders.push({
        accountId: isUnknownScope(s) ? undefined : s,
        scope: s,
        stack: isUnknownScope(s) ? stackOfUnknownScope(s) : h.stack,
        name: h.name,
        kind: 'user',
        policies,
        through: [...(h.through ?? []), ...words],
      });
    }
  }
}
