import { Effect, PolicyDocument, PolicyStatement } from '../../policy';
import { AccessGraph } from '../access-graph';
import { FindingId, Severity } from '../finding';
import { GraphPolicy } from '../graph-model';
import { SystemPolicies } from '../system-policies';
import { FindingDraft } from './finding-draft';
import { freshRoleArns } from './fresh-probes';
import { hasWildcard, matchesAction, opens, PROBE_ACCOUNT } from './probes';
import { sortStrings } from './sort';

/** A user, group or role and the policies attached to it. */
interface Holder {
  readonly stack: string;
  readonly path: string;
  readonly subject: string;
  readonly label: string;
  readonly policies: GraphPolicy[];
}

const ASSUME = 'sts:AssumeRole';
// A role ARN a grant may name; the region is empty in role ARNs but `*` in documented grants (§1.4).
const ROLE_ARN = /^acs:ram:[^:]*:(\d+):role\/([^*?]+)$/;

function holdersOf(graph: AccessGraph): Holder[] {
  return [
    ...graph.users.map((u) => ({
      stack: u.stack,
      path: u.path,
      subject: u.arn,
      label: `user ${u.userName}`,
      policies: u.policies,
    })),
    ...graph.groups.map((g) => ({
      stack: g.stack,
      path: g.path,
      subject: `group ${g.groupName} (${g.accountId ?? 'unknown account'})`,
      label: `group ${g.groupName}`,
      policies: g.policies,
    })),
    ...graph.roles.map((r) => ({
      stack: r.stack,
      path: r.path,
      subject: r.arn,
      label: `role ${r.roleName}`,
      policies: r.policies,
    })),
  ];
}

/** The accounts every holder's probes are made in: one nobody names and each account of the output. */
function probeAccountsOf(outputAccounts: string[]): Set<string> {
  return new Set<string>([PROBE_ACCOUNT, ...outputAccounts]);
}

/** How a statement allows AssumeRole on the probe role, for the message: its resources, or its NotAction. */
function allowedThrough(statement: PolicyStatement): string[] {
  const resources = statement.resources.join(', ');
  return statement.notActions.length > 0
    ? [`all actions but ${statement.notActions.join(', ')} on ${resources}`]
    : statement.resources;
}

/**
 * `XA-ASSUME-ANY-ROLE`, asked of the evaluator: do the holder's policies allow `sts:AssumeRole` on a role
 * no policy names, in an account of the output, an account the policies name, or an account nobody
 * names? `*`, `acs:ram:*:*:role/*` and an Allow `NotAction: ["ram:*"]` on `*` all do, and still do beside a
 * Deny that singles out some names (`role/x*`): the made-up names are ones no pattern of the holder's
 * policies can single out (`freshRoleArns`), so `role/partner-*` does not.
 */
function assumeAnyRole(
  probeAccounts: Set<string>,
  holder: Holder,
  documents: PolicyDocument[],
  assuming: PolicyStatement[],
): FindingDraft[] {
  // Literal resources name their roles, never the made-up one: only statements with a wildcard are asked.
  const statements = assuming.filter((s) => s.resources.some(hasWildcard));
  if (statements.length === 0) return [];
  const accounts = new Set(probeAccounts);
  for (const s of statements) {
    for (const r of s.resources) {
      // A literal account the grant names, or one its account pattern matches (`9999*`, `*9`, `...?`: the
      // wildcards made digits), whose roles no policy names.
      const written = /^acs:ram:[^:]*:([^:]*):/.exec(r)?.[1];
      const account = written === undefined ? undefined : written.replace(/[*?]/g, '9');
      if (account && /^\d+$/.test(account)) accounts.add(account);
    }
  }
  const patterns = documents.flatMap((d) => d.statements).flatMap((s) => s.resources);
  const probes = freshRoleArns(Array.from(accounts), patterns);
  const through = new Set<string>();
  for (const statement of statements) {
    // No name left that the patterns cannot single out: the analysis cannot tell, so it reports.
    if (probes === undefined || probes.some((p) => opens(documents, statement, ASSUME, p)))
      allowedThrough(statement).forEach((t) => through.add(t));
  }
  if (through.size === 0) return [];
  const list = sortStrings(Array.from(through)).join(', ');
  return [
    {
      stack: holder.stack,
      path: holder.path,
      subject: holder.subject,
      id: FindingId.ASSUME_ANY_ROLE,
      severity: Severity.HIGH,
      content: list,
      message: `${holder.label} may assume any role matching ${list}; grant sts:AssumeRole on one role ARN`,
    },
  ];
}

/** `XA-GRANT-UNKNOWN-ROLE`: the role ARNs the holder's policies allow AssumeRole on that the output does not define. */
function grantsOfUnknownRoles(
  graph: AccessGraph,
  defined: Set<string>,
  holder: Holder,
  documents: PolicyDocument[],
  allows: PolicyStatement[],
  assuming: PolicyStatement[],
): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  // A role ARN named in any Allow counts (another statement, such as `sts:AssumeRole` on `*`, may open it).
  const named = new Set<string>();
  for (const s of allows) for (const r of s.resources) if (ROLE_ARN.test(r)) named.add(r);
  for (const resource of named) {
    const [, accountId, roleName] = ROLE_ARN.exec(resource)!;
    if (defined.has(`${accountId}:${roleName}`)) continue;
    const arn = `acs:ram::${accountId}:role/${roleName}`;
    if (!assuming.some((s) => opens(documents, s, ASSUME, arn))) continue;
    const known = graph.hasAccount(accountId);
    drafts.push({
      stack: holder.stack,
      path: holder.path,
      subject: holder.subject,
      id: FindingId.GRANT_UNKNOWN_ROLE,
      severity: known ? Severity.HIGH : Severity.LOW,
      content: arn,
      message: known
        ? `${holder.label} may assume ${resource}, which account ${accountId}'s stack does not define`
        : `${holder.label} may assume ${resource} in account ${accountId}, which this output does not include`,
    });
  }
  return drafts;
}

/** The findings about what users, groups and roles may do: broad system policies, any-role and unknown-role grants. */
export function holderFindings(graph: AccessGraph): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  const defined = new Set(graph.roles.map((r) => `${r.accountId}:${r.roleName}`));
  const probeAccounts = probeAccountsOf(graph.stacks.flatMap((s) => s.accounts));
  for (const holder of holdersOf(graph)) {
    for (const policy of holder.policies) {
      const alternative =
        policy.policyType === 'System' ? SystemPolicies.lookup(policy.policyName)?.narrowerAlternative : undefined;
      if (alternative) {
        drafts.push({
          stack: holder.stack,
          path: holder.path,
          subject: holder.subject,
          id: FindingId.BROAD_SYSTEM_POLICY,
          severity: Severity.MEDIUM,
          content: policy.policyName,
          message: `${holder.label} has system policy ${policy.policyName}; use ${alternative} instead`,
        });
      }
    }
    const documents: PolicyDocument[] = [];
    const allows: PolicyStatement[] = [];
    for (const p of holder.policies) {
      if (!p.document) continue;
      documents.push(p.document);
      for (const s of p.document.statements) if (s.effect === Effect.ALLOW) allows.push(s);
    }
    // Only an Allow whose action test passes for sts:AssumeRole can open it (`opens` asks that first):
    // a holder with none (most roles: log and read-only policies) has no finding of these two rules.
    const assuming = allows.filter((s) => matchesAction(s, ASSUME));
    if (assuming.length === 0) continue;
    drafts.push(
      ...assumeAnyRole(probeAccounts, holder, documents, assuming),
      ...grantsOfUnknownRoles(graph, defined, holder, documents, allows, assuming),
    );
  }
  return drafts;
}
