import { GraphAcknowledgement, GraphGroup, GraphPolicy, GraphRole, GraphStack, GraphUser } from '../graph-model';
import { SystemPolicies } from '../system-policies';
import { addTo } from '../../policy/private/multimap';
import { ByScopeAndName, holderKey, isUnknownScope, scopeOf } from './scopes';
import { StackReader } from './stack-reader';
import { JsonObject, RawStack } from './synth-reader';
import { joinUnknownAccounts } from './unknown-account-joins';
import { contentExpression, withAnyContent, withAnyContents } from './unknown-content';

export { holderKey, scopeOf } from './scopes';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Everything the builder reads from the output. */
export interface GraphParts {
  stacks: GraphStack[];
  roles: GraphRole[];
  users: GraphUser[];
  groups: GraphGroup[];
  acknowledgements: GraphAcknowledgement[];
  /** Policies that principals whose names are Terraform values the output does not know hold. */
  unknownHolders: UnknownHolder[];
  /**
   * The user names of console logins (`alicloud_ram_login_profile`) that are Terraform values the output
   * does not know (`${var.who}`), by account (as `scopeOf` gives it): any user of the account may be the one.
   */
  unknownLogins: Map<string, string[]>;
  /** Policies principals may hold for some values of Terraform expressions, by `holderKey`. */
  possible: Map<string, PossibleHolding[]>;
  /** Console logins users may have for some values (a login of a stack of unknown account), by `holderKey`. */
  possibleLogins: Map<string, string[]>;
}

/**
 * Policies a user, group or role may hold beside its own, for some values of a Terraform expression the output
 * does not know: an attachment's policy name (`${var.policy}`: any custom policy of the account, or any system
 * policy this tool knows), a membership's group name (any group of the account), a role attachment's role name
 * (the policy may be any role's of the account).
 */
export interface PossibleHolding {
  /** The expression as written. */
  readonly expression: string;
  /**
   * Each value it could take: the policies the principal then also holds (one whose content the output does not
   * hold stands for any content, `withAnyContent`).
   */
  readonly choices: PossibleChoice[];
}

/** One value of a `PossibleHolding`'s expression. */
export interface PossibleChoice {
  /** The policies the principal then also holds. */
  readonly policies: GraphPolicy[];
  /** The contents, unknown to the output, of those policies it does not hold (`the content of custom policy p`). */
  readonly contents: string[];
}

/**
 * A user or group named by a Terraform value the output does not resolve (`${var.user}`), and the
 * policies that reach it through an attachment or a membership: some RAM user of the account holds them.
 */
export interface UnknownHolder {
  readonly accountId?: string;
  /** Where its name is looked for: its account, or its stack when the output does not say the account. */
  readonly scope: string;
  /** The stack that names it. */
  readonly stack: string;
  /** The name as written, e.g. `${var.user}`. */
  readonly name: string;
  /** `user` or `group`: what the expression names. */
  readonly kind: 'user' | 'group';
  /** The policies (a group's list is filled as its attachments are read). */
  readonly policies: GraphPolicy[];
  /** The other Terraform values it holds them through (a membership's group name, `${var.group}`). */
  readonly through?: string[];
  /** The group, by name, through which it holds its policies (a member named by a value of a literal group). */
  readonly group?: string;
}

/** The account part of the ARNs of a stack whose account the output does not say. */
export const UNKNOWN_ACCOUNT = '<unknown account>';

/** The ARN of a RAM user or role; `<unknown account>` when the output does not say whose it is. */
export function arnOf(accountId: string | undefined, kind: string, name: string): string {
  return `acs:ram::${accountId ?? UNKNOWN_ACCOUNT}:${kind}/${name}`;
}

/**
 * Builds the graph of one output: roles, users, groups, policies, memberships and attachments. Everything
 * is joined by account, not by stack: a custom policy, a group or a role of one stack is the one an
 * attachment, a membership or a login profile of another stack of the same account names. So the stacks
 * are read in two passes: what they define, then what they attach.
 */
export function buildGraph(raws: RawStack[]): GraphParts {
  const parts: GraphParts = {
    stacks: [],
    roles: [],
    users: [],
    groups: [],
    acknowledgements: [],
    unknownHolders: [],
    unknownLogins: new Map(),
    possibleLogins: new Map(),
    possible: new Map(),
  };
  const custom = new ByScopeAndName<{ policy: GraphPolicy; address: string; stack: string; unknownName?: string }>();
  const roles = new ByScopeAndName<Mutable<GraphRole>>();
  const users = new ByScopeAndName<Mutable<GraphUser>>();
  const groups = new ByScopeAndName<Mutable<GraphGroup>>();
  const systems = new Map<string, GraphPolicy>();
  const readers = raws.map((raw) => new StackReader(raw));

  /** A second definition of a role or custom policy: RAM holds one, and the analysis cannot tell which. */
  const twice = (r: StackReader, what: string, first: { stack: string; address: string }, address: string) =>
    r.fail(
      `${what} is defined twice: by ${first.address} in stack ${first.stack} and by ${address} in stack ` +
        `${r.stackName} (RAM names are unique per account; Terraform cannot create both)`,
    );

  /** The name as written when it is a Terraform value the output does not resolve. */
  const unresolved = (body: JsonObject, attribute: string, resolved: string | undefined): string | undefined =>
    resolved === undefined && typeof body[attribute] === 'string' ? (body[attribute] as string) : undefined;
  for (const r of readers) {
    const stack = r.stackName;
    parts.stacks.push({
      name: stack,
      accountId: r.providers.defaultAccount,
      accounts: r.providers.accounts,
      file: r.file,
    });
    parts.acknowledgements.push(...r.acknowledgements());
    const customOrigin = `custom policy of stack ${stack}`;
    r.each('alicloud_ram_policy', (name, body) => {
      const t = 'alicloud_ram_policy';
      const written = r.text(t, name, 'policy_name', body);
      const policyName = written ?? name;
      const unknownName = unresolved(body, 'policy_name', written);
      const accountId = r.accountOf(t, name, body);
      const scope = scopeOf(stack, accountId);
      // A name that is a Terraform value is kept apart (under a key no RAM name can be), never taken for another.
      const key = unknownName === undefined ? policyName : unknownKey(stack, `${t}.${name}`);
      const earlier = custom.get(scope, key);
      if (earlier) twice(r, `custom policy ${policyName} of ${accountWords(accountId)}`, earlier, `${t}.${name}`);
      const document = r.document(t, name, 'policy_document', body);
      custom.add(scope, key, {
        unknownName,
        policy: { policyName, policyType: 'Custom', document, origin: customOrigin },
        address: `${t}.${name}`,
        stack,
      });
    });
    r.each('alicloud_ram_role', (name, body) => {
      const t = 'alicloud_ram_role';
      const written = r.text(t, name, 'role_name', body);
      const roleName = written ?? name;
      const accountId = r.accountOf(t, name, body);
      const unknownName = unresolved(body, 'role_name', written);
      const scope = scopeOf(stack, accountId);
      const key = unknownName === undefined ? roleName : unknownKey(stack, `${t}.${name}`);
      const earlier = roles.get(scope, key);
      if (earlier) twice(r, `role ${roleName} of ${accountWords(accountId)}`, earlier, `${t}.${name}`);
      roles.add(scope, key, {
        stack,
        accountId,
        roleName,
        arn: arnOf(accountId, 'role', roleName),
        address: `${t}.${name}`,
        path: r.path(t, name, body),
        trustPolicy: r.document(t, name, 'assume_role_policy_document', body),
        policies: [],
        ...(unknownName !== undefined ? { unresolvedRoleName: unknownName } : {}),
      });
    });
  }

  // Names that are Terraform values the output does not know, resolved to their possible values after both passes.
  const pendingPolicies: { key: string; scope: string; expression: string; custom: boolean }[] = [];
  const pendingGroups: { scope: string; userName: string; expression: string }[] = [];
  const pendingRoles: { scope: string; expression: string; policy: GraphPolicy }[] = [];
  const pendingNamed: { scope: string; name: string; policy: GraphPolicy }[] = [];
  const pendingLiterals: { key: string; scope: string; name: string }[] = [];
  // Users named by Terraform values in groups named by Terraform values: they may be in any group of the account.
  const pendingUnknownMembers: { accountId?: string; scope: string; stack: string; who: string; expression: string }[] =
    [];
  // Attached policies whose content the output does not hold: their holders may hold any content.
  const unknownContents: { key: string; expression: string; policy: GraphPolicy }[] = [];

  for (const r of readers) {
    const stack = r.stackName;
    /** An attachment whose policy name is a value the output does not know: the holder may hold another policy. */
    const maybePolicy = (
      kind: 'user' | 'group' | 'role',
      type: string,
      name: string,
      body: JsonObject,
      holder: string,
    ) => {
      const written = r.text(type, name, 'policy_name', body);
      const expression = unresolved(body, 'policy_name', written);
      const scope = scopeOf(stack, r.accountOf(type, name, body));
      const isCustom = (r.text(type, name, 'policy_type', body) ?? 'Custom') === 'Custom';
      if (expression !== undefined) {
        const reference = referencedKey(stack, 'alicloud_ram_policy', expression);
        if (reference === undefined || !custom.get(scope, reference)) {
          pendingPolicies.push({ key: holderKey(kind, scope, holder), scope, expression, custom: isCustom });
        }
      } else if (isCustom && written !== undefined && !custom.get(scope, written)) {
        // A literal name no custom policy of the account has may be that of one whose name is unknown.
        pendingLiterals.push({ key: holderKey(kind, scope, holder), scope, name: written });
      }
    };
    const policy = (type: string, name: string, body: JsonObject): GraphPolicy => {
      const policyName = r.text(type, name, 'policy_name', body) ?? `${type}.${name}`;
      const policyType = r.text(type, name, 'policy_type', body) ?? 'Custom';
      if (policyType === 'Custom') {
        const scope = scopeOf(stack, r.accountOf(type, name, body));
        const reference = referencedKey(stack, 'alicloud_ram_policy', body.policy_name);
        return (
          (reference === undefined ? undefined : custom.get(scope, reference)?.policy) ??
          custom.get(scope, policyName)?.policy ?? {
            policyName,
            policyType,
            origin: 'custom policy not defined in this output',
          }
        );
      }
      // One (immutable) entry per system policy and type: thousands of roles attach the same one.
      const shared = systems.get(`${policyType}\u0000${policyName}`);
      if (shared) return shared;
      const known = SystemPolicies.lookup(policyName);
      const entry: GraphPolicy = known
        ? { policyName, policyType, document: known.document, origin: `system policy, ${known.source}` }
        : { policyName, policyType, origin: 'system policy whose content this tool does not know' };
      systems.set(`${policyType}\u0000${policyName}`, entry);
      return entry;
    };
    /** An attached policy whose content the output does not hold: the holder may hold any content. */
    const contentUnknown = (key: string, attached: GraphPolicy, type: string, name: string, body: JsonObject) => {
      if (attached.document) return;
      const nameExpression = unresolved(body, 'policy_name', r.text(type, name, 'policy_name', body));
      unknownContents.push({ key, expression: contentExpression(attached, nameExpression), policy: attached });
    };
    const user = (
      accountId: string | undefined,
      userName: string,
      createdHere: boolean,
      path: string,
    ): Mutable<GraphUser> => {
      const scope = scopeOf(stack, accountId);
      const existing = users.get(scope, userName);
      if (existing) {
        // The stack that creates a user is its stack, whichever stack named it first.
        if (createdHere && !existing.createdHere) Object.assign(existing, { stack, createdHere, path });
        return existing;
      }
      const arn = arnOf(accountId, 'user', userName);
      const created = { stack, accountId, userName, arn, createdHere, path, groups: [], policies: [] };
      users.add(scope, userName, created);
      return created;
    };
    const group = (accountId: string | undefined, groupName: string, path: string): Mutable<GraphGroup> => {
      const scope = scopeOf(stack, accountId);
      const existing = groups.get(scope, groupName);
      if (existing) return existing;
      const created = { stack, accountId, groupName, members: [], policies: [], path };
      groups.add(scope, groupName, created);
      return created;
    };
    const unknown = (
      accountId: string | undefined,
      name: string,
      kind: 'user' | 'group',
      policies: GraphPolicy[],
      group?: string,
    ) =>
      parts.unknownHolders.push({
        accountId,
        scope: scopeOf(stack, accountId),
        stack,
        name,
        kind,
        policies,
        ...(group !== undefined ? { group } : {}),
      });
    const join = (
      accountId: string | undefined,
      groupName: string | undefined,
      userName: string | undefined,
      path: string,
    ): void => {
      if (!groupName || !userName) return;
      const g = group(accountId, groupName, path);
      if (!g.members.includes(userName)) g.members.push(userName);
      const u = user(accountId, userName, false, path);
      if (!u.groups.includes(groupName)) u.groups.push(groupName);
    };

    // A user or group whose name is a Terraform value is not the one its resource's name would name: what names it
    // (an attachment, a membership, by `${alicloud_ram_user.u.name}` or by the same value) is read as naming an
    // unknown user or group, which may be any of the account.
    r.each('alicloud_ram_user', (name, body) => {
      const t = 'alicloud_ram_user';
      const userName = r.text(t, name, 'name', body);
      if (userName !== undefined || body.name === undefined)
        user(r.accountOf(t, name, body), userName ?? name, true, r.path(t, name, body));
    });
    r.each('alicloud_ram_group', (name, body) => {
      const t = 'alicloud_ram_group';
      const groupName = r.text(t, name, 'group_name', body);
      if (groupName !== undefined || body.group_name === undefined)
        group(r.accountOf(t, name, body), groupName ?? name, r.path(t, name, body));
    });
    r.each('alicloud_ram_user_group_attachment', (name, body) => {
      const t = 'alicloud_ram_user_group_attachment';
      const accountId = r.accountOf(t, name, body);
      const groupName = r.text(t, name, 'group_name', body);
      const userName = r.text(t, name, 'user_name', body);
      join(accountId, groupName, userName, r.path(t, name, body));
      const inGroup = unresolved(body, 'group_name', groupName);
      if (userName && inGroup !== undefined) {
        pendingGroups.push({ scope: scopeOf(stack, accountId), userName, expression: inGroup });
      }
      const who = unresolved(body, 'user_name', userName);
      if (groupName && who !== undefined)
        unknown(accountId, who, 'user', group(accountId, groupName, r.path(t, name, body)).policies, groupName);
      if (who !== undefined && inGroup !== undefined) {
        pendingUnknownMembers.push({ accountId, scope: scopeOf(stack, accountId), stack, who, expression: inGroup });
      }
    });
    r.each('alicloud_ram_group_membership', (name, body) => {
      const t = 'alicloud_ram_group_membership';
      const accountId = r.accountOf(t, name, body);
      const groupName = r.text(t, name, 'group_name', body);
      const members = r.texts(t, name, 'user_names', body);
      members.forEach((u) => join(accountId, groupName, u, r.path(t, name, body)));
      const inGroup = unresolved(body, 'group_name', groupName);
      if (inGroup !== undefined) {
        for (const userName of members) {
          pendingGroups.push({ scope: scopeOf(stack, accountId), userName, expression: inGroup });
        }
      }
      for (const who of r.unresolvedTexts(t, name, 'user_names', body)) {
        if (groupName)
          unknown(accountId, who, 'user', group(accountId, groupName, r.path(t, name, body)).policies, groupName);
        else if (inGroup !== undefined) {
          pendingUnknownMembers.push({ accountId, scope: scopeOf(stack, accountId), stack, who, expression: inGroup });
        }
      }
    });
    r.each('alicloud_ram_role_policy_attachment', (name, body) => {
      const t = 'alicloud_ram_role_policy_attachment';
      const scope = scopeOf(stack, r.accountOf(t, name, body));
      const roleName = r.text(t, name, 'role_name', body);
      const which = unresolved(body, 'role_name', roleName);
      // `${alicloud_ram_role.x.role_name}` of a role whose own name is unknown: that role.
      const byReference = referencedKey(stack, 'alicloud_ram_role', which);
      const role = roles.get(scope, roleName ?? byReference ?? '');
      const attached = policy(t, name, body);
      role?.policies.push(attached);
      if (which !== undefined && !role) pendingRoles.push({ scope, expression: which, policy: attached });
      // A literal name no role of the account has may be that of a role whose name is unknown.
      if (roleName !== undefined && !role) pendingNamed.push({ scope, name: roleName, policy: attached });
      if (roleName) maybePolicy('role', t, name, body, roleName);
      const holder = role?.roleName ?? roleName;
      if (holder !== undefined) contentUnknown(holderKey('role', scope, holder), attached, t, name, body);
    });
    r.each('alicloud_ram_user_policy_attachment', (name, body) => {
      const t = 'alicloud_ram_user_policy_attachment';
      const userName = r.text(t, name, 'user_name', body);
      if (userName) {
        const accountId = r.accountOf(t, name, body);
        const attached = policy(t, name, body);
        user(accountId, userName, false, r.path(t, name, body)).policies.push(attached);
        maybePolicy('user', t, name, body, userName);
        contentUnknown(holderKey('user', scopeOf(stack, accountId), userName), attached, t, name, body);
      }
      const who = unresolved(body, 'user_name', userName);
      if (who !== undefined) unknown(r.accountOf(t, name, body), who, 'user', [policy(t, name, body)]);
    });
    r.each('alicloud_ram_group_policy_attachment', (name, body) => {
      const t = 'alicloud_ram_group_policy_attachment';
      const groupName = r.text(t, name, 'group_name', body);
      if (groupName) {
        const accountId = r.accountOf(t, name, body);
        const attached = policy(t, name, body);
        group(accountId, groupName, r.path(t, name, body)).policies.push(attached);
        maybePolicy('group', t, name, body, groupName);
        contentUnknown(holderKey('group', scopeOf(stack, accountId), groupName), attached, t, name, body);
      }
      const which = unresolved(body, 'group_name', groupName);
      if (which !== undefined) unknown(r.accountOf(t, name, body), which, 'group', [policy(t, name, body)]);
    });
    r.each('alicloud_ram_login_profile', (name, body) => {
      const t = 'alicloud_ram_login_profile';
      const userName = r.text(t, name, 'user_name', body);
      if (userName) user(r.accountOf(t, name, body), userName, false, r.path(t, name, body)).consoleLogin = true;
      const who = unresolved(body, 'user_name', userName);
      if (who !== undefined) addTo(parts.unknownLogins, scopeOf(stack, r.accountOf(t, name, body)), who);
    });
  }
  /** `also`: more expressions the choices depend on (the account of a stack of unknown account). */
  const possible = (key: string, expression: string, choices: GraphPolicy[][], also: string[] = []) => {
    if (choices.length === 0) return;
    addTo(parts.possible, key, {
      expression,
      // A choice may hold policies whose content the output does not hold: they stand for any content.
      choices: choices.map((policies) => ({
        policies: withAnyContents(policies),
        contents: [...also, ...policies.filter((p) => !p.document).map((p) => contentExpression(p, undefined))],
      })),
    });
  };
  const knownSystem = SystemPolicies.known().map((name) => {
    const known = SystemPolicies.lookup(name)!;
    return {
      policyName: name,
      policyType: 'System',
      document: known.document,
      origin: `system policy, ${known.source}`,
    };
  });
  for (const p of pendingPolicies) {
    const choices = p.custom ? custom.inScope(p.scope).map((c) => c.policy) : knownSystem;
    possible(
      p.key,
      p.expression,
      choices.map((c) => [c]),
    );
  }
  // A group named by a Terraform value may be any group of its account: one the output names, or one that
  // attachments name by another such value (`${var.g}`, `${alicloud_ram_group.g.group_name}` of a group so named).
  // Of a stack whose account the output does not say, any group of the output; and any such stack's may be the account's.
  const unknownGroups = parts.unknownHolders.filter((h) => h.kind === 'group');
  const mayShare = (scope: string, other: string) => other === scope || isUnknownScope(scope) || isUnknownScope(other);
  const groupChoices = (scope: string): GraphPolicy[][] => [
    ...groups
      .values()
      .filter((x) => mayShare(scope, scopeOf(x.stack, x.accountId)))
      .map((x) => x.policies),
    ...unknownGroups.filter((h) => mayShare(scope, h.scope)).map((h) => h.policies),
  ];
  for (const g of pendingGroups) possible(holderKey('user', g.scope, g.userName), g.expression, groupChoices(g.scope));
  for (const p of pendingLiterals) {
    for (const c of custom.inScope(p.scope).filter((c) => c.unknownName !== undefined)) {
      possible(p.key, `${c.unknownName} (as ${p.name})`, [[c.policy]]);
    }
  }
  for (const m of pendingUnknownMembers) {
    for (const policies of groupChoices(m.scope)) {
      parts.unknownHolders.push({
        accountId: m.accountId,
        scope: m.scope,
        stack: m.stack,
        name: m.who,
        kind: 'user',
        policies,
        through: [m.expression],
      });
    }
  }
  // A user or group named by a Terraform value may be one the output names literally: that one may hold its policies.
  // One of a stack whose account the output does not say may be one of any account.
  const asLiterals = (holders: UnknownHolder[]) => {
    for (const h of holders) {
      const through = h.through ? `, through ${h.through.join(', ')}` : '';
      const of = h.accountId === undefined ? `, of the account of stack ${h.stack}` : '';
      const all: (GraphUser | GraphGroup)[] = h.kind === 'user' ? users.values() : groups.values();
      for (const x of all) {
        const scope = scopeOf(x.stack, x.accountId);
        if (!mayShare(h.scope, scope)) continue;
        const name = 'userName' in x ? x.userName : x.groupName;
        const unknownOf = of || (isUnknownScope(scope) ? `, of the account of stack ${x.stack}` : '');
        possible(holderKey(h.kind, scope, name), `${h.name} (as ${name}${through}${unknownOf})`, [h.policies]);
      }
    }
  };
  const written = parts.unknownHolders.length;
  asLiterals(parts.unknownHolders);
  // After the holdings above, which the names of stacks of unknown account share; then the holders that adds.
  joinUnknownAccounts({
    users,
    groups,
    roles,
    pendingNamed,
    pendingRoles,
    unknownHolders: parts.unknownHolders,
    unknownLogins: parts.unknownLogins,
    holdings: parts.possible,
    possible,
    possibleLogins: parts.possibleLogins,
  });
  asLiterals(parts.unknownHolders.slice(written));
  for (const p of pendingNamed) {
    for (const role of roles.inScope(p.scope).filter((x) => x.unresolvedRoleName !== undefined)) {
      possible(holderKey('role', p.scope, role.roleName), `${role.unresolvedRoleName} (as ${p.name})`, [[p.policy]]);
    }
  }
  for (const p of pendingRoles) {
    for (const role of roles.inScope(p.scope))
      possible(holderKey('role', p.scope, role.roleName), p.expression, [[p.policy]]);
  }
  // After the others: a choice the output names explains an allow better than "any content" does.
  for (const u of unknownContents) possible(u.key, u.expression, [[withAnyContent(u.policy)]]);
  // By loops: spreading a list of hundreds of thousands into push's arguments overflows the stack.
  for (const role of roles.values()) parts.roles.push(role);
  for (const user of users.values()) parts.users.push(user);
  for (const group of groups.values()) parts.groups.push(group);
  return parts;
}

/** The key of a role or custom policy whose name is a Terraform value: its stack and address (no RAM name has `\u0000`). */
function unknownKey(stack: string, address: string): string {
  return `\u0000${stack}\u0000${address}`;
}

/** The key of the resource of `type` that a name reference (`${alicloud_ram_role.x.role_name}`) names, if it is one. */
function referencedKey(stack: string, type: string, text: unknown): string | undefined {
  const reference = typeof text === 'string' ? /^\$\{([a-z0-9_]+)\.([^.}]+)\.[a-z0-9_]+\}$/.exec(text) : null;
  return reference && reference[1] === type ? unknownKey(stack, `${type}.${reference[2]}`) : undefined;
}

/** How an error names an account: `account <id>`, or the stack's unknown account. */
function accountWords(accountId: string | undefined): string {
  return accountId === undefined ? 'an account this output does not name' : `account ${accountId}`;
}
