import { AccessGraph } from './access-graph';
import { Decision } from './decision';
import { Finding } from './finding';
import { GraphRole } from './graph-model';
import { findingsOf } from './private/finding-rules';
import { MAX_DETAILED_ROLES, mermaidDiagram } from './private/mermaid';
import { allowedCounts } from './private/permissions';
import { MFA_ONLY, qualifiersOf, unknownValuesWords } from './private/reachability-words';
import { SystemPolicies } from './system-policies';
import { addTo } from '../policy/private/multimap';

/** Text as one markdown line (a list item): line breaks, such as those of a reason given in code, joined. */
const oneLine = (text: string): string => (/[\r\n]/.test(text) ? text.replace(/\s*[\r\n]+\s*/g, ' ') : text);
/** Text as one table cell: pipes escaped, line breaks joined, `–` when empty (most cells need no change, and get no copy). */
const cell = (text: string): string =>
  text === '' ? '–' : text.includes('|') || /[\r\n]/.test(text) ? oneLine(text.replace(/\|/g, '\\|')) || '–' : text;
const code = (text: string): string => `\`${text}\``;

/**
 * The access report reviewers read in a pull request: per role, who can assume it and under which
 * conditions, what it can do in plain words, its findings; then every finding and a Mermaid diagram.
 */
export class AccessReport {
  /** Builds the report of a graph. */
  public static fromGraph(graph: AccessGraph): AccessReport {
    return new AccessReport(graph);
  }

  /** The version of the JSON format (`toJson().version`), documented in docs/report-format.md. */
  public static readonly FORMAT_VERSION = 2;

  /** Every finding, acknowledged ones included (with their reason). */
  public readonly findings: Finding[];

  private readonly findingsBySubject = new Map<string, Finding[]>();

  private constructor(private readonly graph: AccessGraph) {
    this.findings = findingsOf(graph);
    for (const finding of this.findings) addTo(this.findingsBySubject, finding.subject, finding);
  }

  /** The report as markdown (`access-report.md`). */
  public toMarkdown(): string {
    const g = this.graph;
    const out: string[] = ['# Cross-account access report', ''];
    out.push(
      `Stacks: ${g.stacks.map((s) => `${code(s.name)} (account ${s.accounts.join(', ') || 'unknown'})`).join(', ') || 'none'}. ` +
        `System policies are read from ${SystemPolicies.SNAPSHOT}; Alibaba may have changed them since.`,
      '',
    );
    for (const note of g.notes) out.push(`Note: ${note}.`, '');
    const open = this.findings.filter((f) => !f.acknowledgedReason);
    out.push(
      `**${g.roles.length} role(s), ${open.length} open finding(s)` +
        (open.length > 0
          ? ` (${['high', 'medium', 'low'].map((s) => `${open.filter((f) => f.severity === s).length} ${s}`).join(', ')})`
          : '') +
        `, ${this.findings.length - open.length} acknowledged.**`,
      '',
    );
    if (g.roles.length > MAX_DETAILED_ROLES) out.push(...this.compactRoles());
    else for (const role of g.roles) out.push(...this.roleSection(role));
    out.push('## Findings', '');
    if (this.findings.length === 0) out.push('None.', '');
    else {
      out.push('| severity | id | subject | finding | acknowledged |', '| --- | --- | --- | --- | --- |');
      for (const f of this.findings) {
        out.push(
          `| ${f.severity} | ${code(f.id)}<br>${code(f.fingerprint)} | ${cell(f.subject)} | ${cell(f.message)} | ${cell(f.acknowledgedReason ?? '')} |`,
        );
      }
      out.push('');
    }
    out.push('## Diagram', '', '```mermaid', mermaidDiagram(g), '```', '');
    return out.join('\n');
  }

  /** The report as a JSON object, for machines (`access-report.json`). */
  public toJson(): { [key: string]: unknown } {
    return {
      version: AccessReport.FORMAT_VERSION,
      systemPolicySnapshot: SystemPolicies.SNAPSHOT,
      stacks: this.graph.stacks.map((s) => ({ name: s.name, accountId: s.accountId ?? null, accounts: s.accounts })),
      roles: this.graph.roles.map((role) => ({
        arn: role.arn,
        stack: role.stack,
        address: role.address,
        ...(role.unresolvedRoleName !== undefined ? { unresolvedRoleName: role.unresolvedRoleName } : {}),
        trustPolicy: role.trustPolicy.toJson(),
        policies: role.policies.map((p) => ({ name: p.policyName, type: p.policyType, origin: p.origin })),
        assumers: this.graph.assumersOf(role),
        permissions: this.graph.permissionsOf(role),
      })),
      findings: this.findings,
    };
  }

  /** One row per role, for outputs too large to read role by role; `--json` keeps every detail. */
  private compactRoles(): string[] {
    const out = [
      '## Roles',
      '',
      `${this.graph.roles.length} roles: one row each (more than ${MAX_DETAILED_ROLES}); \`cdktf-xaccount report --json\` writes every detail.`,
      '',
      '| role | can assume it | what it can do | findings |',
      '| --- | --- | --- | --- |',
    ];
    for (const role of this.graph.roles) {
      const who = this.graph
        .assumersOf(role)
        .filter((r) => r.decision === Decision.ALLOW)
        .map((r) => (r.conditions ? `${r.principal} (when ${r.conditions})` : r.principal) + qualifiersOf(r));
      // What the summaries permissionsOf gives allow, counted (the table shows no words, denials or policies).
      const what = allowedCounts(role).map((p) => `${p.count} action(s) on ${code(p.resource)}`);
      const findings = (this.findingsBySubject.get(role.arn) ?? []).map(
        (f) => `${f.severity} ${code(f.id)}${f.acknowledgedReason ? ' (acknowledged)' : ''}`,
      );
      out.push(
        `| ${code(role.arn)} | ${cell(who.join('<br>'))} | ${cell(what.join('<br>'))} | ${cell(findings.join('<br>'))} |`,
      );
    }
    out.push('');
    return out;
  }

  private roleSection(role: GraphRole): string[] {
    const out = [
      `## Role ${code(role.roleName)} (account ${role.accountId ?? 'unknown'}, stack ${code(role.stack)})`,
      '',
    ];
    out.push(`${code(role.arn)} · ${code(role.address)} · construct ${code(role.path)}`, '');
    out.push('### Who can assume it', '', '| principal | can assume | when | why |', '| --- | --- | --- | --- |');
    for (const r of this.graph.assumersOf(role)) {
      const verdict =
        r.decision === Decision.ALLOW
          ? `**yes${r.reachable ? '' : `, ${MFA_ONLY}`}${r.dependsOn ? `, ${unknownValuesWords(r.dependsOn)}` : ''}**`
          : r.decision === Decision.EXPLICIT_DENY
            ? 'no (explicit deny)'
            : 'no';
      const why = [r.unreachableReason ?? r.reason, ...(r.via ?? []).map((c) => `via ${c}`)].join('<br>');
      out.push(
        `| ${cell(r.principal)} | ${verdict} | ${cell(r.decision === Decision.ALLOW ? r.conditions || 'always' : '')} | ${cell(why)} |`,
      );
    }
    out.push('', '### What it can do', '');
    const permissions = this.graph.permissionsOf(role);
    if (permissions.length === 0) out.push('Nothing this tool can see.', '');
    else {
      out.push('| resource | allowed | denied | when | policy |', '| --- | --- | --- | --- | --- |');
      for (const p of permissions) {
        out.push(
          `| ${cell(p.resourceWords)}<br>${code(p.resource)} | ${cell(p.allowed.join('<br>'))} | ${cell(p.denied.join('<br>'))} | ${cell(p.conditions)} | ${cell(p.policies.join(', '))} |`,
        );
      }
      out.push('');
    }
    const unknown = role.policies.filter((p) => !p.document);
    if (unknown.length > 0) {
      out.push(
        `Not analysed (content unknown): ${unknown.map((p) => `${code(p.policyName)} (${p.origin})`).join(', ')}.`,
        '',
      );
    }
    const mine = this.findingsBySubject.get(role.arn) ?? [];
    if (mine.length > 0) {
      out.push('### Findings', '');
      for (const f of mine) {
        out.push(
          oneLine(
            `- **${f.severity}** ${code(f.id)}: ${f.message}${f.acknowledgedReason ? ` (acknowledged: ${f.acknowledgedReason})` : ''}`,
          ),
        );
      }
      out.push('');
    }
    return out;
  }
}
