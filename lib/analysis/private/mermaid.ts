import { AccessGraph } from '../access-graph';
import { Decision } from '../decision';
import { shortResource } from './describe';

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

/**
 * A Mermaid flowchart of accounts (subgraphs), users, groups, roles and the resources roles reach.
 * Node ids are numbered in a stable order, so the same output always gives the same diagram.
 */
export function mermaidDiagram(graph: AccessGraph): string {
  const lines = ['flowchart LR'];
  const ids = new Map<string, string>();
  const id = (key: string): string => {
    if (!ids.has(key)) ids.set(key, `n${ids.size + 1}`);
    return ids.get(key)!;
  };
  const accounts = new Map<string, string[]>();
  const place = (account: string | undefined, line: string): void => {
    const key = account ?? 'unknown';
    accounts.set(key, [...(accounts.get(key) ?? []), line]);
  };
  for (const user of graph.users) place(user.accountId, `${id(user.arn)}${label(`user ${user.userName}`)}`);
  for (const group of graph.groups)
    place(group.accountId, `${id(`group:${group.stack}:${group.groupName}`)}${label(`group ${group.groupName}`)}`);
  const edges: string[] = [];
  for (const role of graph.roles) {
    place(role.accountId, `${id(role.arn)}${label(`role ${role.roleName}`)}`);
    for (const permission of graph.permissionsOf(role).filter((p) => p.allowed.length > 0)) {
      const key = `resource:${role.accountId}:${permission.resource}`;
      if (!ids.has(key)) place(role.accountId, `${id(key)}${label(shortResource(permission.resource))}`);
      edges.push(`  ${id(role.arn)} -->|${edgeText(verbs(permission.allowed))}| ${id(key)}`);
    }
    for (const result of graph.assumersOf(role).filter((r) => r.decision === Decision.ALLOW)) {
      if (result.kind === 'user') {
        const user = graph.users.find((u) => u.arn === result.principal)!;
        const via = user.groups.length > 0 ? id(`group:${user.stack}:${user.groups[0]}`) : id(user.arn);
        const edge = `  ${via} -->|can assume| ${id(role.arn)}`;
        if (!edges.includes(edge)) edges.push(edge);
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
      const user = graph.users.find((u) => u.stack === group.stack && u.userName === member);
      if (user) edges.push(`  ${id(user.arn)} -->|member of| ${id(`group:${group.stack}:${group.groupName}`)}`);
    }
  }
  Array.from(accounts.keys())
    .sort()
    .forEach((account, i) => {
      const stacks = graph.stacks.filter((s) => (s.accountId ?? 'unknown') === account).map((s) => s.name);
      lines.push(`  subgraph a${i + 1}${label(`account ${account} (${stacks.join(', ')})`)}`);
      accounts.get(account)!.forEach((node) => lines.push(`    ${node}`));
      lines.push('  end');
    });
  lines.push(...edges);
  return lines.join('\n');
}
