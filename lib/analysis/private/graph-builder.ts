import { PolicyDocument } from '../../policy';
import { ACKNOWLEDGEMENTS_KEY, XACCOUNT_METADATA_KEY } from '../../private/metadata-keys';
import { AnalysisInputError } from '../analysis-input-error';
import { GraphAcknowledgement, GraphGroup, GraphPolicy, GraphRole, GraphStack, GraphUser } from '../graph-model';
import { SystemPolicies } from '../system-policies';
import { isObject, JsonObject, RawStack } from './synth-reader';

/** Everything the builder reads from the output. */
export interface GraphParts {
  stacks: GraphStack[];
  roles: GraphRole[];
  users: GraphUser[];
  groups: GraphGroup[];
  acknowledgements: GraphAcknowledgement[];
}

const REFERENCE = /^\$\{([a-z0-9_]+)\.([^.}]+)\.([a-z0-9_]+)\}$/;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Reads one stack's resources, resolving `${type.name.attr}` references within the stack. */
class StackReader {
  private readonly resources: { [type: string]: { [name: string]: JsonObject } };

  constructor(private readonly raw: RawStack) {
    const resources = isObject(raw.json.resource) ? raw.json.resource : {};
    this.resources = resources as { [type: string]: { [name: string]: JsonObject } };
  }

  public fail(problem: string): never {
    throw new AnalysisInputError(this.raw.file, problem);
  }

  public each(type: string): [string, JsonObject][] {
    const byName = this.resources[type];
    return isObject(byName) ? Object.entries(byName).filter((e): e is [string, JsonObject] => isObject(e[1])) : [];
  }

  /** A string attribute, following references to other resources of the stack; undefined when unknown. */
  public text(type: string, name: string, attribute: string, body?: JsonObject, seen = 0): string | undefined {
    const value = (body ?? this.resources[type]?.[name])?.[attribute];
    if (typeof value !== 'string') return undefined;
    if (!value.startsWith('${')) return value.includes('${') ? undefined : value; // most values are literals
    const reference = REFERENCE.exec(value);
    if (!reference) return undefined;
    const [, refType, refName, refAttribute] = reference;
    if (refType === 'data' || refType === 'var' || refType === 'local') return undefined;
    if (!isObject(this.resources[refType]?.[refName])) {
      this.fail(`unknown resource reference "${value}" in ${type}.${name}.${attribute}`);
    }
    if (seen > 20) this.fail(`reference loop at "${value}" in ${type}.${name}.${attribute}`);
    return this.text(refType, refName, refAttribute, undefined, seen + 1);
  }

  public path(type: string, name: string, body?: JsonObject): string {
    const meta = (body ?? this.resources[type]?.[name])?.['//'];
    const path = isObject(meta) && isObject(meta.metadata) ? meta.metadata.path : undefined;
    return typeof path === 'string' ? path : `${this.raw.name}/${name}`;
  }

  /**
   * A policy document attribute. Terraform expressions inside it (such as a role ARN from a variable)
   * stay opaque strings in the parsed document; only a document that is wholly an expression is unknown.
   */
  public document(type: string, name: string, attribute: string, body?: JsonObject): PolicyDocument {
    const raw = (body ?? this.resources[type]?.[name])?.[attribute];
    const text = typeof raw === 'string' && raw.startsWith('${') ? this.text(type, name, attribute, body) : raw;
    if (typeof text !== 'string') this.fail(`${type}.${name}.${attribute} is not a literal policy document`);
    try {
      return PolicyDocument.fromJson(text);
    } catch (e) {
      const first = (e as Error).message.split('\n').slice(0, 2).join(' ').replace(/\s+/g, ' ');
      return this.fail(`${type}.${name}.${attribute} is not a valid policy (${first})`);
    }
  }

  /** The account: from the AccountGuard postcondition, else the provider's `account_id`. */
  public accountId(): string | undefined {
    const data = isObject(this.raw.json.data) ? this.raw.json.data : {};
    const reads = isObject(data.alicloud_caller_identity) ? Object.values(data.alicloud_caller_identity) : [];
    for (const read of reads) {
      const lifecycle = isObject(read) && isObject(read.lifecycle) ? read.lifecycle : {};
      const checks = Array.isArray(lifecycle.postcondition) ? lifecycle.postcondition : [];
      for (const check of checks) {
        const match = isObject(check) ? /self\.account_id == "(\d+)"/.exec(String(check.condition)) : null;
        if (match) return match[1];
      }
    }
    const providers = isObject(this.raw.json.provider) ? this.raw.json.provider.alicloud : undefined;
    const first = Array.isArray(providers) && isObject(providers[0]) ? providers[0].account_id : undefined;
    return typeof first === 'string' && /^\d+$/.test(first) ? first : undefined;
  }

  public acknowledgements(): GraphAcknowledgement[] {
    const comment = isObject(this.raw.json['//']) ? this.raw.json['//'] : {};
    const ours = isObject(comment[XACCOUNT_METADATA_KEY]) ? comment[XACCOUNT_METADATA_KEY] : {};
    const list = Array.isArray(ours[ACKNOWLEDGEMENTS_KEY]) ? ours[ACKNOWLEDGEMENTS_KEY] : [];
    return list.filter(isObject).map((a) => ({
      stack: this.raw.name,
      path: String(a.path),
      findingId: String(a.findingId),
      reason: String(a.reason),
    }));
  }
}

/** The ARN of a RAM user or role; `<unknown account>` when the output does not say whose it is. */
export function arnOf(accountId: string | undefined, kind: string, name: string): string {
  return `acs:ram::${accountId ?? '<unknown account>'}:${kind}/${name}`;
}

/** Builds the graph of one output: roles, users, groups, policies, memberships and attachments. */
export function buildGraph(raws: RawStack[]): GraphParts {
  const parts: GraphParts = { stacks: [], roles: [], users: [], groups: [], acknowledgements: [] };
  for (const raw of raws) {
    const r = new StackReader(raw);
    const accountId = r.accountId();
    parts.stacks.push({ name: raw.name, accountId, file: raw.file });
    parts.acknowledgements.push(...r.acknowledgements());

    const custom = new Map<string, GraphPolicy>();
    for (const [name, body] of r.each('alicloud_ram_policy')) {
      const policyName = r.text('alicloud_ram_policy', name, 'policy_name', body) ?? name;
      const document = r.document('alicloud_ram_policy', name, 'policy_document', body);
      custom.set(policyName, {
        policyName,
        policyType: 'Custom',
        document,
        origin: `custom policy of stack ${raw.name}`,
      });
    }
    const policy = (type: string, name: string, body: JsonObject): GraphPolicy => {
      const policyName = r.text(type, name, 'policy_name', body) ?? `${type}.${name}`;
      const policyType = r.text(type, name, 'policy_type', body) ?? 'Custom';
      if (policyType === 'Custom') {
        return custom.get(policyName) ?? { policyName, policyType, origin: 'custom policy not defined in this output' };
      }
      const known = SystemPolicies.lookup(policyName);
      return known
        ? { policyName, policyType, document: known.document, origin: `system policy, ${known.source}` }
        : { policyName, policyType, origin: 'system policy whose content this tool does not know' };
    };

    const roles = new Map<string, Mutable<GraphRole>>();
    for (const [name, body] of r.each('alicloud_ram_role')) {
      const roleName = r.text('alicloud_ram_role', name, 'role_name', body) ?? name;
      roles.set(roleName, {
        stack: raw.name,
        accountId,
        roleName,
        arn: arnOf(accountId, 'role', roleName),
        address: `alicloud_ram_role.${name}`,
        path: r.path('alicloud_ram_role', name, body),
        trustPolicy: r.document('alicloud_ram_role', name, 'assume_role_policy_document', body),
        policies: [],
      });
    }
    const users = new Map<string, Mutable<GraphUser>>();
    const user = (userName: string, createdHere: boolean, path: string): Mutable<GraphUser> => {
      const existing = users.get(userName);
      if (existing) {
        if (createdHere && !existing.createdHere) Object.assign(existing, { createdHere, path });
        return existing;
      }
      const arn = arnOf(accountId, 'user', userName);
      const created = { stack: raw.name, accountId, userName, arn, createdHere, path, groups: [], policies: [] };
      users.set(userName, created);
      return created;
    };
    const groups = new Map<string, Mutable<GraphGroup>>();
    const group = (groupName: string, path: string): Mutable<GraphGroup> => {
      const existing = groups.get(groupName) ?? {
        stack: raw.name,
        accountId,
        groupName,
        members: [],
        policies: [],
        path,
      };
      groups.set(groupName, existing);
      return existing;
    };
    const join = (groupName: string | undefined, userName: string | undefined, path: string): void => {
      if (!groupName || !userName) return;
      const g = group(groupName, path);
      if (!g.members.includes(userName)) g.members.push(userName);
      const u = user(userName, false, path);
      if (!u.groups.includes(groupName)) u.groups.push(groupName);
    };

    for (const [name, body] of r.each('alicloud_ram_user')) {
      user(r.text('alicloud_ram_user', name, 'name', body) ?? name, true, r.path('alicloud_ram_user', name, body));
    }
    for (const [name, body] of r.each('alicloud_ram_group')) {
      group(r.text('alicloud_ram_group', name, 'group_name', body) ?? name, r.path('alicloud_ram_group', name, body));
    }
    for (const [name, body] of r.each('alicloud_ram_user_group_attachment')) {
      const t = 'alicloud_ram_user_group_attachment';
      join(r.text(t, name, 'group_name', body), r.text(t, name, 'user_name', body), r.path(t, name, body));
    }
    for (const [name, body] of r.each('alicloud_ram_group_membership')) {
      const names = Array.isArray(body.user_names)
        ? body.user_names.filter((u): u is string => typeof u === 'string')
        : [];
      const t = 'alicloud_ram_group_membership';
      names.forEach((u) => join(r.text(t, name, 'group_name', body), u, r.path(t, name, body)));
    }
    for (const [name, body] of r.each('alicloud_ram_role_policy_attachment')) {
      const role = roles.get(r.text('alicloud_ram_role_policy_attachment', name, 'role_name', body) ?? '');
      role?.policies.push(policy('alicloud_ram_role_policy_attachment', name, body));
    }
    for (const [name, body] of r.each('alicloud_ram_user_policy_attachment')) {
      const t = 'alicloud_ram_user_policy_attachment';
      const userName = r.text(t, name, 'user_name', body);
      if (userName) user(userName, false, r.path(t, name, body)).policies.push(policy(t, name, body));
    }
    for (const [name, body] of r.each('alicloud_ram_group_policy_attachment')) {
      const t = 'alicloud_ram_group_policy_attachment';
      const groupName = r.text(t, name, 'group_name', body);
      if (groupName) group(groupName, r.path(t, name, body)).policies.push(policy(t, name, body));
    }
    for (const [name, body] of r.each('alicloud_ram_login_profile')) {
      const t = 'alicloud_ram_login_profile';
      const userName = r.text(t, name, 'user_name', body);
      if (userName) user(userName, false, r.path(t, name, body)).consoleLogin = true;
    }
    parts.roles.push(...roles.values());
    parts.users.push(...users.values());
    parts.groups.push(...groups.values());
  }
  return parts;
}
