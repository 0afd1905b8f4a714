import * as crypto from 'crypto';
import { AccessGraph } from '../access-graph';
import { Decision } from '../decision';
import { Finding, FindingId, Severity } from '../finding';
import { AssumeResult, GraphAcknowledgement, GraphRole } from '../graph-model';
import { compareStrings } from '../../policy/private/expression';
import { FindingDraft } from './finding-draft';
import { UNKNOWN_ACCOUNT } from './graph-builder';
import { holderFindings } from './holder-rules';
import { mfaFindings } from './mfa-rule';
import { isRevokedRole } from './revoked-roles';
import { trustNoConditionFindings } from './trust-rules';
import { wildcardFindings } from './wildcard-rules';

/** Kinds of assumer rows that are one principal of the output (a user, or a role's sessions). */
const PRINCIPAL_KINDS = new Set(['user', 'role']);

/**
 * Whether a row says that a principal of the output that may be of `accountId` gets in: one of that account, one of a
 * stack whose account the output does not say, or a user or group of the account named by a Terraform value.
 */
function mayServe(r: AssumeResult, accountId: string): boolean {
  if (r.decision !== Decision.ALLOW || !r.reachable) return false;
  const ofAccount = r.principal.startsWith(`acs:ram::${accountId}:`);
  if (r.kind === 'unknown-name') return ofAccount || r.principal.endsWith(` of ${accountId}`);
  return PRINCIPAL_KINDS.has(r.kind) && (ofAccount || r.principal.startsWith(`acs:ram::${UNKNOWN_ACCOUNT}:`));
}

/**
 * XA-TRUST-UNSERVED: a trusted account of the output none of whose users or roles can actually assume
 * the role (allowed and reachable). A revoked role trusts only itself: no account is left to serve.
 */
function unservedFindings(graph: AccessGraph, role: GraphRole): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  for (const accountId of isRevokedRole(role) ? [] : graph.trustedAccountsOf(role)) {
    if (!graph.hasAccount(accountId)) continue;
    if (!graph.assumersOf(role).some((r) => mayServe(r, accountId))) {
      drafts.push({
        stack: role.stack,
        path: role.path,
        subject: role.arn,
        id: FindingId.TRUST_UNSERVED,
        severity: Severity.LOW,
        content: `account ${accountId}`,
        message: `role ${role.roleName} trusts account ${accountId}, but no user of that account in this output can assume it (no AssumeRoleUserGrant?)`,
      });
    }
  }
  return drafts;
}

/** `crypto.hash` (Node 20.12 and later): one call instead of a Hash object per finding. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** A short hash of what a finding is about: changes when its subject or content changes. */
export function fingerprintOf(finding: Pick<Finding, 'id' | 'subject' | 'content'>): string {
  const text = `${finding.id}\n${finding.subject}\n${finding.content}`;
  const hex = oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
  return hex.slice(0, 12);
}

const quoted = (text: string): string => JSON.stringify(text);

/** Whether an acknowledgement's binding (fingerprint, content or both) names exactly this finding. */
function bindsTo(a: GraphAcknowledgement, finding: Finding): boolean {
  if (a.fingerprint === undefined && a.content === undefined) return false;
  return (
    (a.fingerprint === undefined || a.fingerprint === finding.fingerprint) &&
    (a.content === undefined || a.content === finding.content)
  );
}

/**
 * Applies acknowledgements: one of the same id and stack, on the finding's construct or above it, whose
 * binding names this finding's content acknowledges it. One that names other content (the finding was
 * widened since) or none reopens it, with a message saying so: a security tool does not keep silencing a
 * finding whose content nobody reviewed.
 */
function acknowledge(finding: Finding, acknowledgements: GraphAcknowledgement[]): Finding {
  const candidates = acknowledgements.filter(
    (a) =>
      a.findingId === finding.id &&
      a.stack === finding.stack &&
      (finding.path === a.path || finding.path.startsWith(`${a.path}/`)),
  );
  if (candidates.length === 0) return finding;
  const match = candidates.find((a) => bindsTo(a, finding));
  if (match) return { ...finding, acknowledgedReason: match.reason };
  const bound = candidates.find((a) => a.fingerprint !== undefined || a.content !== undefined);
  const now = `it now is ${quoted(finding.content)} (fingerprint ${finding.fingerprint})`;
  const reopened = bound
    ? `the acknowledged content changed: acknowledged ${
        bound.content !== undefined ? quoted(bound.content) : `fingerprint ${bound.fingerprint}`
      }, ${now}; review it and update the acknowledgement`
    : `acknowledged without naming what (${quoted(candidates[0].reason)}); bind it with { content: ${quoted(
        finding.content,
      )} } or { fingerprint: ${quoted(finding.fingerprint)} }`;
  return { ...finding, reopened, message: `${finding.message} (acknowledgement reopened: ${reopened})` };
}

const ORDER: { [severity: string]: number } = { [Severity.HIGH]: 0, [Severity.MEDIUM]: 1, [Severity.LOW]: 2 };

/** Every finding of the graph, sorted by severity, id and subject, with acknowledgements applied. */
export function findingsOf(graph: AccessGraph): Finding[] {
  const drafts: FindingDraft[] = [];
  const add = (list: FindingDraft[]) => {
    for (const d of list) drafts.push(d);
  };
  for (const role of graph.roles) {
    add(trustNoConditionFindings(graph, role));
    add(wildcardFindings(role));
    add(unservedFindings(graph, role));
  }
  add(holderFindings(graph));
  add(mfaFindings(graph));
  const findings: Finding[] = drafts.map((d) => {
    const finding = { ...d, fingerprint: fingerprintOf(d) };
    return graph.acknowledgements.length > 0 ? acknowledge(finding, graph.acknowledgements) : finding;
  });
  // Field by field: concatenating keys inside the comparator allocated two strings per comparison.
  return findings.sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] ||
      compareStrings(a.id, b.id) ||
      compareStrings(a.subject, b.subject) ||
      compareStrings(a.content, b.content),
  );
}
