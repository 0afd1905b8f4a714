import type { AccessGraph } from '../access-graph';
import { Decision } from '../decision';
import { FindingId, Severity } from '../finding';
import { FindingDraft } from './finding-draft';

/**
 * XA-TRUST-MFA-UNREACHABLE: a user the evaluator lets in only with `acs:MFAPresent` true, who has no
 * console login in the output (`alicloud_ram_login_profile`). Its requests are AccessKey API calls,
 * which never carry MFA, so the access the code means to give cannot be used: either the requirement
 * or the missing login is a mistake.
 */
export function mfaFindings(graph: AccessGraph): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  for (const role of graph.roles) {
    for (const r of graph.assumersOf(role)) {
      if (r.kind !== 'user' || r.decision !== Decision.ALLOW || r.reachable) continue;
      drafts.push({
        id: FindingId.TRUST_MFA_UNREACHABLE,
        severity: Severity.MEDIUM,
        stack: role.stack,
        path: role.path,
        subject: role.arn,
        content: r.principal,
        message:
          `${r.principal} can assume role ${role.roleName} only with MFA, but it has no console login in this output ` +
          '(alicloud_ram_login_profile), so its AccessKey API calls can never meet the condition (a console login made ' +
          'outside this output would); drop requireMfa for ' +
          'API users (use allowedSourceIps or externalId) or give the user a console login with MFA',
      });
    }
  }
  return drafts;
}
