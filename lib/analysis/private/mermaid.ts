import { AccessGraph } from '../access-graph';
import { AssumeResult, GraphRole } from '../graph-model';
import { Decision } from '../decision';
import { shortResource } from './describe';
import { arnOf, scopeOf } from './graph-builder';
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

/** The account an allowed row's principal belongs to (its id, or `unknown`), as the summary counts it. */
function entrantAccount(graph: AccessGraph, row: AssumeResult): string {
  if (row.kind === 'user') return graph.user(row.principal)?.accountId ?? 'unknown';
  if (row.kind === 'role') return graph.role(row.principal)?.accountId ?? accountIn(row.principal);
  return accountIn(row.principal);
}

/** The account id an entrant's words or ARN name (`acs:ram::<id>:`, `... of <id>`), else `unknown`. */
function accountIn(text: string): string {
  return /^acs:ram::(\d+):/.exec(text)?.[1] ?? / of (\d+)\b/.exec(text)?.[1] ?? 'unknown';
}

/** The rows of the role's entrants that get in (allowed and reachable). */
function entrants(graph: AccessGraph, role: GraphRole): AssumeResult[] {
  return graph.assumersOf(role).filter((r) => r.decision === Decision.ALLOW && r.reachable);
}

/** The summary's one node for every account that is not in the output (thousands of partners are one node). */
const OUTSIDE = '\u0001outside';

/**
 * Accounts as nodes, with how many roles of one the users and roles of another can assume; the accounts not in
 * the output (a trusted partner whose own grants are not known here) are one node.
 */
function accountSummary(graph: AccessGraph): string {
  const lines = ['flowchart LR'];
  const inOutput = new Set([...graph.roles, ...graph.users].map((x) => x.accountId ?? 'unknown'));
  const counts = new Map<string, number>();
  const outside = new Set<string>();
  for (const role of graph.roles) {
    const from = new Set<string>();
    for (const r of entrants(graph, role)) {
      const account = entrantAccount(graph, r);
      if (inOutput.has(account)) from.add(account);
      else {
        outside.add(r.kind === 'unrelated-account' ? 'any other' : account);
        from.add(OUTSIDE);
      }
    }
    for (const account of from) {
      const key = `${account}\u0000${role.accountId ?? 'unknown'}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const accounts = [...Array.from(inOutput).sort(), ...(outside.size > 0 ? [OUTSIDE] : [])];
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
    const text =
      account === OUTSIDE
        ? `${outside.size} account(s) not in this output: their users and roles they grant`
        : `account ${account}: ${rolesBy.get(account) ?? 0} role(s), ${usersBy.get(account) ?? 0} user(s)`;
    lines.push(`  ${id(account)}${label(text)}`);
  }
  for (const [key, n] of Array.from(counts.entries()).sort()) {
    const [from, to] = key.split('\u0000');
    lines.push(`  ${id(from)} ${from === OUTSIDE ? '-.->' : '-->'}|can assume ${n} role(s)| ${id(to)}`);
  }
  return lines.join('\n');
}

/** A node's words for an entrant: `user ${var.u}` for a user ARN, the row's own words otherwise. */
function entrantLabel(principal: string): string {
  const user = /^acs:ram::\d+:user\/(.+)$/.exec(principal);
  return user ? `user ${user[1]}` : principal;
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
      `${id(`group:${scopeOf(group.stack, group.accountId)}:${group.groupName}`)}${label(`group ${group.groupName}`)}`,
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
    for (const result of entrants(graph, role)) {
      // An entrant that gets in only for some values of Terraform expressions says so on its edge.
      const can = result.dependsOn ? 'can assume, for some values' : 'can assume';
      if (result.kind === 'role' && graph.role(result.principal)) {
        edges.push(`  ${id(result.principal)} -->|${can}| ${id(role.arn)}`);
      } else if (result.kind === 'user' && graph.user(result.principal)) {
        const user = graph.user(result.principal)!;
        const via =
          user.groups.length > 0 ? id(`group:${scopeOf(user.stack, user.accountId)}:${user.groups[0]}`) : id(user.arn);
        const edge = `  ${via} -->|${can}| ${id(role.arn)}`;
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
      } else {
        // Any other entrant (a user named by a Terraform value, a class of principals for some values): a node
        // of its own, in its account when the output has it, so that no one who gets in is left undrawn.
        const key = `entrant:${result.principal}`;
        if (!ids.has(key)) {
          const node = `${id(key)}${label(entrantLabel(result.principal))}`;
          const account = accountIn(result.principal);
          if (accounts.has(account)) place(account, node);
          else lines.push(`  ${node}`);
        }
        edges.push(`  ${id(key)} -.->|${can}| ${id(role.arn)}`);
      }
    }
  }
  for (const group of graph.groups) {
    for (const member of group.members) {
      const user = graph.user(arnOf(group.accountId, 'user', member));
      if (user)
        edges.push(
          `  ${id(user.arn)} -->|member of| ${id(`group:${scopeOf(group.stack, group.accountId)}:${group.groupName}`)}`,
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
