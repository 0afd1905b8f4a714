import { AccessGraph } from '../access-graph';
import { Decision } from '../decision';
import { shortResource } from './describe';
import { arnOf } from './graph-builder';
import { addTo } from '../../policy/private/multimap';

function label(text: string): string {
  return `["${text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'))}"]`;
}

function edgeText(text: string): string {
  return text.replace(/[|"<>]/g, ' ').trim();
}

/** Short verbs for what a role does on a resource, from its action names. */
function verbs(actions: string[]): string {
  const words = new Set<string>();
  for (const action of actions) {
    const name = action.split(' ')[0].toLowerCase();
    if (name.includes('post')) words.add('write');
    else if (name.includes('consumergroup') || name.includes('checkpoint') || name.includes('cursor'))
      words.add('consume');
    else if (name.endsWith(':*') || name === '*') words.add('all actions');
    else if (name.includes(':get') || name.includes(':list') || name.includes(':describe')) words.add('read');
    else words.add(name.split(':')[1] ?? name);
  }
  return Array.from(words).sort().join(', ');
}

/** Above this many roles the diagram shows accounts only: thousands of nodes help no reader (nor renderer). */
export const MAX_DETAILED_ROLES = 40;

/** Accounts as nodes, with how many roles of one the users of another can assume. */
function accountSummary(graph: AccessGraph): string {
  const lines = ['flowchart LR'];
  const accounts = Array.from(new Set([...graph.roles, ...graph.users].map((x) => x.accountId ?? 'unknown'))).sort();
  const ids = new Map(accounts.map((account, i) => [account, `a${i + 1}`]));
  const id = (account: string) => ids.get(account) ?? 'a0'; // `a0` is what indexOf's -1 gave
  // Counted in one pass each: one filter per account was quadratic in outputs of many partner accounts.
  const count = (of: { accountId?: string }[]) => {
    const by = new Map<string, number>();
    for (const x of of) by.set(x.accountId ?? 'unknown', (by.get(x.accountId ?? 'unknown') ?? 0) + 1);
    return by;
  };
  const rolesBy = count(graph.roles);
  const usersBy = count(graph.users);
  for (const account of accounts) {
    const roles = rolesBy.get(account) ?? 0;
    const users = usersBy.get(account) ?? 0;
    lines.push(`  ${id(account)}${label(`account ${account}: ${roles} role(s), ${users} user(s)`)}`);
  }
  const counts = new Map<string, number>();
  for (const role of graph.roles) {
    const from = new Set(
      graph
        .assumersOf(role)
        .filter((r) => r.kind === 'user' && r.decision === Decision.ALLOW && r.reachable)
        .map((r) => graph.user(r.principal)?.accountId ?? 'unknown'),
    );
    for (const account of from) {
      const key = `${account}\u0000${role.accountId ?? 'unknown'}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of Array.from(counts.entries()).sort()) {
    const [from, to] = key.split('\u0000');
    lines.push(`  ${id(from)} -->|can assume ${count} role(s)| ${id(to)}`);
  }
  return lines.join('\n');
}

/**
 * A Mermaid flowchart of accounts (subgraphs), users, groups, roles and the resources roles reach;
 * for more than `MAX_DETAILED_ROLES` roles, of accounts only. Node ids are numbered in a stable
 * order, so the same output always gives the same diagram.
 */
export function mermaidDiagram(graph: AccessGraph): string {
  if (graph.roles.length > MAX_DETAILED_ROLES) return accountSummary(graph);
  const lines = ['flowchart LR'];
  const ids = new Map<string, string>();
  const id = (key: string): string => {
    if (!ids.has(key)) ids.set(key, `n${ids.size + 1}`);
    return ids.get(key)!;
  };
  const accounts = new Map<string, string[]>();
  const place = (account: string | undefined, line: string): void => {
    const key = account ?? 'unknown';
    addTo(accounts, key, line);
  };
  for (const user of graph.users) place(user.accountId, `${id(user.arn)}${label(`user ${user.userName}`)}`);
  for (const group of graph.groups)
    place(
      group.accountId,
      `${id(`group:${group.stack}:${group.accountId}:${group.groupName}`)}${label(`group ${group.groupName}`)}`,
    );
  const edges: string[] = [];
  const seen = new Set<string>();
  for (const role of graph.roles) {
    place(role.accountId, `${id(role.arn)}${label(`role ${role.roleName}`)}`);
    for (const permission of graph.permissionsOf(role).filter((p) => p.allowed.length > 0)) {
      const key = `resource:${role.accountId}:${permission.resource}`;
      if (!ids.has(key)) place(role.accountId, `${id(key)}${label(shortResource(permission.resource))}`);
      edges.push(`  ${id(role.arn)} -->|${edgeText(verbs(permission.allowed))}| ${id(key)}`);
    }
    for (const result of graph.assumersOf(role).filter((r) => r.decision === Decision.ALLOW && r.reachable)) {
      if (result.kind === 'role' && graph.role(result.principal)) {
        edges.push(`  ${id(result.principal)} -->|can assume| ${id(role.arn)}`);
      } else if (result.kind === 'user') {
        const user = graph.user(result.principal)!;
        const via =
          user.groups.length > 0 ? id(`group:${user.stack}:${user.accountId}:${user.groups[0]}`) : id(user.arn);
        const edge = `  ${via} -->|can assume| ${id(role.arn)}`;
        if (!seen.has(edge)) {
          seen.add(edge);
          edges.push(edge);
        }
      } else if (result.kind === 'external-account') {
        const account = /of (\d+)/.exec(result.principal)?.[1] ?? '?';
        const key = `external:${account}`;
        if (!ids.has(key))
          lines.push(`  ${id(key)}${label(`account ${account}: RAM users it grants (not in this output)`)}`);
        edges.push(`  ${id(key)} -.->|trusted| ${id(role.arn)}`);
      }
    }
  }
  for (const group of graph.groups) {
    for (const member of group.members) {
      const user = graph.user(arnOf(group.accountId, 'user', member));
      if (user)
        edges.push(
          `  ${id(user.arn)} -->|member of| ${id(`group:${group.stack}:${group.accountId}:${group.groupName}`)}`,
        );
    }
  }
  Array.from(accounts.keys())
    .sort()
    .forEach((account, i) => {
      const stacks = graph.stacks
        .filter((s) => (s.accounts.length > 0 ? s.accounts : ['unknown']).includes(account))
        .map((s) => s.name);
      lines.push(`  subgraph a${i + 1}${label(`account ${account} (${stacks.join(', ')})`)}`);
      accounts.get(account)!.forEach((node) => lines.push(`    ${node}`));
      lines.push('  end');
    });
  lines.push(...edges);
  return lines.join('\n');
}
