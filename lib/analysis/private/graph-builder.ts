import { PolicyDocument } from '../../policy';
import { ACKNOWLEDGEMENTS_KEY, XACCOUNT_METADATA_KEY } from '../../private/metadata-keys';
import { AnalysisInputError } from '../analysis-input-error';
import { GraphAcknowledgement, GraphGroup, GraphPolicy, GraphRole, GraphStack, GraphUser } from '../graph-model';
import { SystemPolicies } from '../system-policies';
import { ProviderAccounts, providerAccounts } from './provider-accounts';
import { isObject, JsonObject, RawStack, shapeOf } from './synth-reader';

/** Everything the builder reads from the output. */
export interface GraphParts {
  stacks: GraphStack[];
  roles: GraphRole[];
  users: GraphUser[];
  groups: GraphGroup[];
  acknowledgements: GraphAcknowledgement[];
  /** Policies that principals whose names are Terraform values the output does not know hold. */
  unknownHolders: UnknownHolder[];
}

/**
 * A user or group named by a Terraform value the output does not resolve (`${var.user}`), and the
 * policies that reach it through an attachment or a membership: some RAM user of the account holds them.
 */
export interface UnknownHolder {
  readonly accountId?: string;
  /** The name as written, e.g. `${var.user}`. */
  readonly name: string;
  /** `user` or `group`: what the expression names. */
  readonly kind: 'user' | 'group';
  /** The policies (a group's list is filled as its attachments are read). */
  readonly policies: GraphPolicy[];
}

const REFERENCE = /^\$\{([a-z0-9_]+)\.([^.}]+)\.([a-z0-9_]+)\}$/;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Reads one stack's resources, resolving `${type.name.attr}` references within the stack. */
class StackReader {
  private readonly resources: { [type: string]: { [name: string]: JsonObject } };
  /** References resolved from the top (see `text`), by their text. */
  private readonly resolved = new Map<string, string | undefined>();
  /** The accounts of the stack's providers, and of each resource through its provider. */
  public readonly providers: ProviderAccounts;

  constructor(private readonly raw: RawStack) {
    const resources = raw.json.resource ?? {};
    if (!isObject(resources)) this.fail(`resource ${shapeOf(resources)}, expected an object`);
    // By keys, not entries: 25,000 resources at N = 5,000, and a pair for each was garbage at once.
    for (const type of Object.keys(resources)) {
      const byName = resources[type];
      if (!isObject(byName)) this.fail(`resource.${type} ${shapeOf(byName)}, expected an object`);
      for (const name of Object.keys(byName)) {
        if (!isObject(byName[name])) this.fail(`resource.${type}.${name} ${shapeOf(byName[name])}, expected an object`);
      }
    }
    this.resources = resources as { [type: string]: { [name: string]: JsonObject } };
    this.providers = providerAccounts(raw, (problem) => this.fail(problem));
  }

  public fail(problem: string): never {
    throw new AnalysisInputError(this.raw.file, problem);
  }

  /** Calls `visit` with each resource of the type, by name (keys, not entries: no pair per resource). */
  public each(type: string, visit: (name: string, body: JsonObject) => void): void {
    const byName = this.resources[type];
    if (byName === undefined) return;
    for (const name of Object.keys(byName)) visit(name, byName[name]);
  }

  /** The account a resource's calls go to: that of its provider. */
  public accountOf(type: string, name: string, body: JsonObject): string | undefined {
    // Most resources name no provider, so use the default one's account: no place to spell out for an error.
    if (body.provider === undefined) return this.providers.defaultAccount;
    return this.providers.accountOf(body, `resource.${type}.${name}`);
  }

  /** A list of strings attribute (such as `user_names`), references followed; unknown entries left out. */
  public texts(type: string, name: string, attribute: string, body: JsonObject): string[] {
    const value = body[attribute];
    if (value === undefined) return [];
    const where = `${type}.${name}.${attribute}`;
    if (!Array.isArray(value)) this.fail(`resource.${where} ${shapeOf(value)}, expected an array`);
    return value.flatMap((v, i) => {
      if (typeof v !== 'string') this.fail(`resource.${where}[${i}] ${shapeOf(v)}, expected a string`);
      const text = this.resolve(v, () => where, 0);
      return text === undefined ? [] : [text];
    });
  }

  /** The entries of a list of strings attribute that are Terraform values the output does not resolve. */
  public unresolvedTexts(type: string, name: string, attribute: string, body: JsonObject): string[] {
    const value = body[attribute];
    if (!Array.isArray(value)) return [];
    const where = `${type}.${name}.${attribute}`;
    return value.filter((v): v is string => typeof v === 'string' && this.resolve(v, () => where, 0) === undefined);
  }

  /** A string attribute, following references to other resources of the stack; undefined when unknown. */
  public text(type: string, name: string, attribute: string, body?: JsonObject, seen = 0): string | undefined {
    const value = (body ?? this.resources[type]?.[name])?.[attribute];
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      this.fail(`resource.${type}.${name}.${attribute} ${shapeOf(value)}, expected a string`);
    // Most values are literals: the place is spelled out only for a reference (and its error messages).
    if (!value.includes('${')) return value;
    // A reference is resolved once per stack (a role's name is referenced by each of its attachments); only
    // from the top, where resolving it cannot meet the depth limit sooner than it did the first time.
    if (seen > 0) return this.resolve(value, () => `${type}.${name}.${attribute}`, seen);
    if (this.resolved.has(value)) return this.resolved.get(value);
    const resolved = this.resolve(value, () => `${type}.${name}.${attribute}`, seen);
    this.resolved.set(value, resolved);
    return resolved;
  }

  /** A value with references followed; `where` names its place for the error messages. */
  private resolve(value: string, where: () => string, seen: number): string | undefined {
    if (!value.startsWith('${')) return value.includes('${') ? undefined : value; // most values are literals
    const reference = REFERENCE.exec(value);
    if (!reference) return undefined;
    const [, refType, refName, refAttribute] = reference;
    if (refType === 'data' || refType === 'var' || refType === 'local') return undefined;
    if (!Object.prototype.hasOwnProperty.call(this.resources[refType] ?? {}, refName)) {
      this.fail(`unknown resource reference "${value}" in ${where()}`);
    }
    if (seen > 20) this.fail(`reference loop at "${value}" in ${where()}`);
    return this.text(refType, refName, refAttribute, undefined, seen + 1);
  }

  public path(type: string, name: string, body?: JsonObject): string {
    const meta = (body ?? this.resources[type]?.[name])?.['//'];
    const path = isObject(meta) && isObject(meta.metadata) ? meta.metadata.path : undefined;
    if (path !== undefined && typeof path !== 'string') {
      this.fail(`resource.${type}.${name}.//.metadata.path ${shapeOf(path)}, expected a string`);
    }
    return path ?? `${this.raw.name}/${name}`;
  }

  /**
   * A policy document attribute. Terraform expressions inside it (such as a role ARN from a variable)
   * stay opaque strings in the parsed document; only a document that is wholly an expression is unknown.
   */
  public document(type: string, name: string, attribute: string, body?: JsonObject): PolicyDocument {
    const raw = (body ?? this.resources[type]?.[name])?.[attribute];
    const text = typeof raw === 'string' && raw.startsWith('${') ? this.text(type, name, attribute, body) : raw;
    if (typeof text !== 'string') {
      this.fail(
        `resource.${type}.${name}.${attribute} ${raw === undefined ? 'is missing' : 'is not a literal policy document'}`,
      );
    }
    try {
      return PolicyDocument.fromJson(text);
    } catch (e) {
      const first = (e as Error).message.split('\n').slice(0, 2).join(' ').replace(/\s+/g, ' ');
      return this.fail(`resource.${type}.${name}.${attribute} is not a valid policy (${first})`);
    }
  }

  public acknowledgements(): GraphAcknowledgement[] {
    const at = `//.${XACCOUNT_METADATA_KEY}.${ACKNOWLEDGEMENTS_KEY}`;
    const comment = isObject(this.raw.json['//']) ? this.raw.json['//'] : {};
    const ours = isObject(comment[XACCOUNT_METADATA_KEY]) ? comment[XACCOUNT_METADATA_KEY] : {};
    const list = ours[ACKNOWLEDGEMENTS_KEY] ?? [];
    if (!Array.isArray(list)) this.fail(`${at} ${shapeOf(list)}, expected an array`);
    return list.map((a: unknown, i: number) => {
      if (!isObject(a)) return this.fail(`${at}[${i}] ${shapeOf(a)}, expected an object`);
      const field = (name: string, required: boolean): string | undefined => {
        const value = a[name];
        if (value === undefined && !required) return undefined;
        if (typeof value !== 'string') this.fail(`${at}[${i}].${name} ${shapeOf(value)}, expected a string`);
        return value;
      };
      return {
        stack: this.raw.name,
        path: field('path', true)!,
        findingId: field('findingId', true)!,
        reason: field('reason', true)!,
        ...(a.fingerprint !== undefined ? { fingerprint: field('fingerprint', false) } : {}),
        ...(a.content !== undefined ? { content: field('content', false) } : {}),
      };
    });
  }
}

/**
 * Values by account and name (names are unique per account, not per stack: one stack may manage several
 * accounts, a provider each), kept in the order their keys were first set, as a map keyed by one string
 * would keep them, without making that string for every lookup (tens of thousands at N = 5,000).
 */
class ByAccountAndName<V> {
  private readonly byAccount = new Map<string, Map<string, number>>();
  private readonly list: V[] = [];

  public get(accountId: string | undefined, name: string): V | undefined {
    const at = this.byAccount.get(accountId ?? '')?.get(name);
    return at === undefined ? undefined : this.list[at];
  }

  /** Sets the value; a key set before keeps its place. */
  public set(accountId: string | undefined, name: string, value: V): void {
    let names = this.byAccount.get(accountId ?? '');
    if (names === undefined) this.byAccount.set(accountId ?? '', (names = new Map()));
    const at = names.get(name);
    if (at === undefined) {
      names.set(name, this.list.length);
      this.list.push(value);
    } else this.list[at] = value;
  }

  /** The values in the order their keys were first set. */
  public values(): V[] {
    return this.list;
  }
}

/** The ARN of a RAM user or role; `<unknown account>` when the output does not say whose it is. */
export function arnOf(accountId: string | undefined, kind: string, name: string): string {
  return `acs:ram::${accountId ?? '<unknown account>'}:${kind}/${name}`;
}

/** Builds the graph of one output: roles, users, groups, policies, memberships and attachments. */
export function buildGraph(raws: RawStack[]): GraphParts {
  const parts: GraphParts = { stacks: [], roles: [], users: [], groups: [], acknowledgements: [], unknownHolders: [] };
  for (const raw of raws) {
    const r = new StackReader(raw);
    parts.stacks.push({
      name: raw.name,
      accountId: r.providers.defaultAccount,
      accounts: r.providers.accounts,
      file: raw.file,
    });
    parts.acknowledgements.push(...r.acknowledgements());

    const custom = new ByAccountAndName<GraphPolicy>();
    const customOrigin = `custom policy of stack ${raw.name}`;
    r.each('alicloud_ram_policy', (name, body) => {
      const t = 'alicloud_ram_policy';
      const policyName = r.text(t, name, 'policy_name', body) ?? name;
      const document = r.document(t, name, 'policy_document', body);
      custom.set(r.accountOf(t, name, body), policyName, {
        policyName,
        policyType: 'Custom',
        document,
        origin: customOrigin,
      });
    });
    const systems = new Map<string, GraphPolicy>();
    const policy = (type: string, name: string, body: JsonObject): GraphPolicy => {
      const policyName = r.text(type, name, 'policy_name', body) ?? `${type}.${name}`;
      const policyType = r.text(type, name, 'policy_type', body) ?? 'Custom';
      if (policyType === 'Custom') {
        return (
          custom.get(r.accountOf(type, name, body), policyName) ?? {
            policyName,
            policyType,
            origin: 'custom policy not defined in this output',
          }
        );
      }
      // One (immutable) entry per system policy and type of the stack: thousands of roles attach the same one.
      const shared = systems.get(`${policyType}\u0000${policyName}`);
      if (shared) return shared;
      const known = SystemPolicies.lookup(policyName);
      const entry: GraphPolicy = known
        ? { policyName, policyType, document: known.document, origin: `system policy, ${known.source}` }
        : { policyName, policyType, origin: 'system policy whose content this tool does not know' };
      systems.set(`${policyType}\u0000${policyName}`, entry);
      return entry;
    };

    const roles = new ByAccountAndName<Mutable<GraphRole>>();
    r.each('alicloud_ram_role', (name, body) => {
      const t = 'alicloud_ram_role';
      const written = r.text(t, name, 'role_name', body);
      const roleName = written ?? name;
      const accountId = r.accountOf(t, name, body);
      const unresolved = written === undefined && typeof body.role_name === 'string' ? body.role_name : undefined;
      roles.set(accountId, roleName, {
        stack: raw.name,
        accountId,
        roleName,
        arn: arnOf(accountId, 'role', roleName),
        address: `${t}.${name}`,
        path: r.path(t, name, body),
        trustPolicy: r.document(t, name, 'assume_role_policy_document', body),
        policies: [],
        ...(unresolved !== undefined ? { unresolvedRoleName: unresolved } : {}),
      });
    });
    const users = new ByAccountAndName<Mutable<GraphUser>>();
    const user = (
      accountId: string | undefined,
      userName: string,
      createdHere: boolean,
      path: string,
    ): Mutable<GraphUser> => {
      const existing = users.get(accountId, userName);
      if (existing) {
        if (createdHere && !existing.createdHere) Object.assign(existing, { createdHere, path });
        return existing;
      }
      const arn = arnOf(accountId, 'user', userName);
      const created = { stack: raw.name, accountId, userName, arn, createdHere, path, groups: [], policies: [] };
      users.set(accountId, userName, created);
      return created;
    };
    const groups = new ByAccountAndName<Mutable<GraphGroup>>();
    const group = (accountId: string | undefined, groupName: string, path: string): Mutable<GraphGroup> => {
      const existing = groups.get(accountId, groupName) ?? {
        stack: raw.name,
        accountId,
        groupName,
        members: [],
        policies: [],
        path,
      };
      groups.set(accountId, groupName, existing);
      return existing;
    };
    /** The name as written when it is a Terraform value the output does not resolve. */
    const unresolved = (body: JsonObject, attribute: string, resolved: string | undefined): string | undefined =>
      resolved === undefined && typeof body[attribute] === 'string' ? (body[attribute] as string) : undefined;
    const unknown = (accountId: string | undefined, name: string, kind: 'user' | 'group', policies: GraphPolicy[]) =>
      parts.unknownHolders.push({ accountId, name, kind, policies });
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

    r.each('alicloud_ram_user', (name, body) => {
      const t = 'alicloud_ram_user';
      user(r.accountOf(t, name, body), r.text(t, name, 'name', body) ?? name, true, r.path(t, name, body));
    });
    r.each('alicloud_ram_group', (name, body) => {
      const t = 'alicloud_ram_group';
      group(r.accountOf(t, name, body), r.text(t, name, 'group_name', body) ?? name, r.path(t, name, body));
    });
    r.each('alicloud_ram_user_group_attachment', (name, body) => {
      const t = 'alicloud_ram_user_group_attachment';
      const accountId = r.accountOf(t, name, body);
      const groupName = r.text(t, name, 'group_name', body);
      const userName = r.text(t, name, 'user_name', body);
      join(accountId, groupName, userName, r.path(t, name, body));
      const who = unresolved(body, 'user_name', userName);
      if (groupName && who !== undefined)
        unknown(accountId, who, 'user', group(accountId, groupName, r.path(t, name, body)).policies);
    });
    r.each('alicloud_ram_group_membership', (name, body) => {
      const t = 'alicloud_ram_group_membership';
      const accountId = r.accountOf(t, name, body);
      const groupName = r.text(t, name, 'group_name', body);
      r.texts(t, name, 'user_names', body).forEach((u) => join(accountId, groupName, u, r.path(t, name, body)));
      if (groupName) {
        for (const who of r.unresolvedTexts(t, name, 'user_names', body)) {
          unknown(accountId, who, 'user', group(accountId, groupName, r.path(t, name, body)).policies);
        }
      }
    });
    r.each('alicloud_ram_role_policy_attachment', (name, body) => {
      const t = 'alicloud_ram_role_policy_attachment';
      const role = roles.get(r.accountOf(t, name, body), r.text(t, name, 'role_name', body) ?? '');
      role?.policies.push(policy(t, name, body));
    });
    r.each('alicloud_ram_user_policy_attachment', (name, body) => {
      const t = 'alicloud_ram_user_policy_attachment';
      const userName = r.text(t, name, 'user_name', body);
      if (userName)
        user(r.accountOf(t, name, body), userName, false, r.path(t, name, body)).policies.push(policy(t, name, body));
      const who = unresolved(body, 'user_name', userName);
      if (who !== undefined) unknown(r.accountOf(t, name, body), who, 'user', [policy(t, name, body)]);
    });
    r.each('alicloud_ram_group_policy_attachment', (name, body) => {
      const t = 'alicloud_ram_group_policy_attachment';
      const groupName = r.text(t, name, 'group_name', body);
      if (groupName)
        group(r.accountOf(t, name, body), groupName, r.path(t, name, body)).policies.push(policy(t, name, body));
      const which = unresolved(body, 'group_name', groupName);
      if (which !== undefined) unknown(r.accountOf(t, name, body), which, 'group', [policy(t, name, body)]);
    });
    r.each('alicloud_ram_login_profile', (name, body) => {
      const t = 'alicloud_ram_login_profile';
      const userName = r.text(t, name, 'user_name', body);
      if (userName) user(r.accountOf(t, name, body), userName, false, r.path(t, name, body)).consoleLogin = true;
    });
    // By loops: spreading a list of hundreds of thousands into push's arguments overflows the stack.
    for (const role of roles.values()) parts.roles.push(role);
    for (const user of users.values()) parts.users.push(user);
    for (const group of groups.values()) parts.groups.push(group);
  }
  return parts;
}
