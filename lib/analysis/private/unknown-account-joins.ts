import { GraphGroup, GraphPolicy, GraphRole, GraphUser } from '../graph-model';
import { addTo } from '../../policy/private/multimap';
import { ByScopeAndName, holderKey, isUnknownScope, stackOfUnknownScope } from './scopes';

/** What the builder has read, for joining the names of stacks whose account the output does not say. */
export interface JoinInputs {
  readonly users: ByScopeAndName<GraphUser>;
  readonly groups: ByScopeAndName<GraphGroup>;
  readonly roles: ByScopeAndName<GraphRole>;
  /** Role attachments that name a role their scope has no role of: `{ scope, name, policy }`. */
  readonly pendingNamed: readonly { scope: string; name: string; policy: GraphPolicy }[];
  /** Records policies a holder may hold for some values of `expression` (the builder's `possible`). */
  readonly possible: (key: string, expression: string, choices: GraphPolicy[][]) => void;
  /** Console logins a user may have for some values, by `holderKey`: the expressions they depend on. */
  readonly possibleLogins: Map<string, string[]>;
}

/** The words of the accounts that two scopes share for some values: those of their stacks of unknown account. */
function sharedWords(a: string, b: string): string {
  return [a, b]
    .filter(isUnknownScope)
    .map((s) => `the account of stack ${stackOfUnknownScope(s)}`)
    .join(', ');
}

/**
 * A stack whose account the output does not say may run with any account's credentials: its names may then be
 * those of another stack's account (one the output says, or another stack of unknown account), and RAM names are
 * unique per account. So each user, group and role of such a scope may hold what the other scope's user, group or
 * role of the same name holds (its policies, its groups' policies, its console login, a role attachment of the
 * other scope to that role name), and the other's the same of its: recorded as possible holdings for some values
 * of `the account of stack <s>`.
 */
export function joinUnknownAccounts(inputs: JoinInputs): void {
  const scopes = new Set([
    ...inputs.users.scopes(),
    ...inputs.groups.scopes(),
    ...inputs.roles.scopes(),
    ...inputs.pendingNamed.map((p) => p.scope),
  ]);
  for (const unknown of Array.from(scopes).filter(isUnknownScope)) {
    for (const other of scopes) {
      if (other === unknown) continue;
      joinInto(inputs, unknown, other);
      // A pair of stacks of unknown accounts is met from both sides: each direction once.
      if (!isUnknownScope(other)) joinInto(inputs, other, unknown);
    }
  }
}

/** What `to`'s users, groups and roles may hold when `from`'s names are theirs. */
function joinInto(
  { users, groups, roles, pendingNamed, possible, possibleLogins }: JoinInputs,
  from: string,
  to: string,
) {
  const words = sharedWords(from, to);
  for (const u of users.inScope(to)) {
    const same = users.get(from, u.userName);
    if (same === undefined) continue;
    const policies = [...same.policies, ...same.groups.flatMap((g) => groups.get(from, g)?.policies ?? [])];
    possible(holderKey('user', to, u.userName), words, [policies]);
    if (same.consoleLogin) addTo(possibleLogins, holderKey('user', to, u.userName), words);
  }
  for (const g of groups.inScope(to)) {
    const same = groups.get(from, g.groupName);
    if (same !== undefined) possible(holderKey('group', to, g.groupName), words, [same.policies]);
  }
  for (const r of roles.inScope(to)) {
    const same = roles.get(from, r.roleName);
    const attached = pendingNamed.filter((p) => p.scope === from && p.name === r.roleName).map((p) => p.policy);
    const policies = [...(same?.policies ?? []), ...attached];
    if (policies.length > 0) possible(holderKey('role', to, r.roleName), words, [policies]);
  }
}
