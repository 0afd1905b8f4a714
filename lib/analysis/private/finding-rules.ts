import { Effect, PolicyStatement, PrincipalType } from '../../policy';
import { AccessGraph } from '../access-graph';
import { Decision } from '../decision';
import { Finding, FindingId, Severity } from '../finding';
import { GraphAcknowledgement, GraphPolicy } from '../graph-model';
import { SystemPolicies } from '../system-policies';
import { compareStrings } from '../../policy/private/expression';
import { coversAssumeRole } from './glob';
import { mfaFindings } from './mfa-rule';
import { isRevokedRole } from './revoked-roles';

type Draft = Omit<Finding, 'acknowledgedReason'>;

const ROLE_ARN = /^acs:ram:[^:]*:(\d+):role\/([^*?]+)$/;

function allowsAssumeRole(statement: PolicyStatement): boolean {
  return statement.effect === Effect.ALLOW && statement.actions.some(coversAssumeRole);
}

function customStatements(policies: GraphPolicy[]): PolicyStatement[] {
  return policies.filter((p) => p.policyType === 'Custom').flatMap((p) => p.document?.statements ?? []);
}

function roleFindings(graph: AccessGraph): Draft[] {
  const drafts: Draft[] = [];
  for (const role of graph.roles) {
    const at = { stack: role.stack, path: role.path, subject: role.arn };
    for (const statement of graph.allowTrustOf(role)) {
      const roots = statement.principals.filter((p) => p.type === PrincipalType.RAM && p.identifier.endsWith(':root'));
      if (roots.length > 0 && statement.conditions.length === 0) {
        drafts.push({
          ...at,
          id: FindingId.TRUST_NO_CONDITION,
          severity: Severity.MEDIUM,
          message:
            `role ${role.roleName} trusts every RAM user and role of account ${roots.map((p) => p.accountId).join(', ')} ` +
            'with no condition; add requireMfa, allowedSourceIps or externalId, or trust named users',
        });
      }
    }
    const statements = customStatements(role.policies).filter((s) => s.effect === Effect.ALLOW);
    const wildActions = statements.flatMap((s) => [
      ...s.actions.filter((a) => a === '*' || a.endsWith(':*')),
      ...s.notActions.map((a) => `all but ${a}`),
    ]);
    if (wildActions.length > 0) {
      drafts.push({
        ...at,
        id: FindingId.WILDCARD_ACTION,
        severity: Severity.HIGH,
        message: `role ${role.roleName} may use ${Array.from(new Set(wildActions)).join(', ')}; name the actions it needs`,
      });
    }
    if (statements.some((s) => s.resources.includes('*'))) {
      drafts.push({
        ...at,
        id: FindingId.WILDCARD_RESOURCE,
        severity: Severity.MEDIUM,
        message: `role ${role.roleName} has a custom policy on resource "*"; scope it to the resources it needs`,
      });
    }
    // A revoked role trusts only itself: no account is left for a grant to serve.
    for (const accountId of isRevokedRole(role) ? [] : graph.trustedAccountsOf(role)) {
      if (!graph.hasAccount(accountId)) continue;
      const served = graph
        .assumersOf(role)
        .some(
          (r) => r.kind === 'user' && r.principal.startsWith(`acs:ram::${accountId}:`) && r.decision === Decision.ALLOW,
        );
      if (!served) {
        drafts.push({
          ...at,
          id: FindingId.TRUST_UNSERVED,
          severity: Severity.LOW,
          message: `role ${role.roleName} trusts account ${accountId}, but no user of that account in this output can assume it (no AssumeRoleUserGrant?)`,
        });
      }
    }
  }
  return drafts;
}

function holderFindings(graph: AccessGraph): Draft[] {
  const drafts: Draft[] = [];
  const defined = new Set(graph.roles.map((r) => `${r.accountId}:${r.roleName}`));
  const holders = [
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
  for (const holder of holders) {
    const at = { stack: holder.stack, path: holder.path, subject: holder.subject };
    for (const policy of holder.policies) {
      const alternative =
        policy.policyType === 'System' ? SystemPolicies.lookup(policy.policyName)?.narrowerAlternative : undefined;
      if (alternative) {
        drafts.push({
          ...at,
          id: FindingId.BROAD_SYSTEM_POLICY,
          severity: Severity.MEDIUM,
          message: `${holder.label} has system policy ${policy.policyName}; use ${alternative} instead`,
        });
      }
    }
    const statements = holder.policies.flatMap((p) => p.document?.statements ?? []).filter(allowsAssumeRole);
    const wild = statements.flatMap((s) => s.resources).filter((r) => !ROLE_ARN.test(r));
    if (wild.length > 0) {
      drafts.push({
        ...at,
        id: FindingId.ASSUME_ANY_ROLE,
        severity: Severity.HIGH,
        message: `${holder.label} may assume any role matching ${Array.from(new Set(wild)).join(', ')}; grant sts:AssumeRole on one role ARN`,
      });
    }
    for (const resource of new Set(statements.flatMap((s) => s.resources).filter((r) => ROLE_ARN.test(r)))) {
      const [, accountId, roleName] = ROLE_ARN.exec(resource)!;
      if (defined.has(`${accountId}:${roleName}`)) continue;
      const known = graph.hasAccount(accountId);
      drafts.push({
        ...at,
        id: FindingId.GRANT_UNKNOWN_ROLE,
        severity: known ? Severity.HIGH : Severity.LOW,
        message: known
          ? `${holder.label} may assume ${resource}, which account ${accountId}'s stack does not define`
          : `${holder.label} may assume ${resource} in account ${accountId}, which this output does not include`,
      });
    }
  }
  return drafts;
}

function acknowledgement(finding: Draft, acknowledgements: GraphAcknowledgement[]): string | undefined {
  const match = acknowledgements.find(
    (a) =>
      a.findingId === finding.id &&
      a.stack === finding.stack &&
      (finding.path === a.path || finding.path.startsWith(`${a.path}/`)),
  );
  return match?.reason;
}

const ORDER: { [severity: string]: number } = { [Severity.HIGH]: 0, [Severity.MEDIUM]: 1, [Severity.LOW]: 2 };

/** Every finding of the graph, sorted by severity, id and subject, with acknowledgements applied. */
export function findingsOf(graph: AccessGraph): Finding[] {
  const drafts = [...roleFindings(graph), ...holderFindings(graph), ...mfaFindings(graph)];
  const findings: Finding[] = drafts.map((f) => {
    const reason = graph.acknowledgements.length > 0 ? acknowledgement(f, graph.acknowledgements) : undefined;
    return reason === undefined ? f : { ...f, acknowledgedReason: reason };
  });
  // Field by field: concatenating keys inside the comparator allocated two strings per comparison.
  return findings.sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] || compareStrings(a.id, b.id) || compareStrings(a.subject, b.subject),
  );
}
