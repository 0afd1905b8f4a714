import { Effect, PolicyDocument, PolicyStatement, PrincipalType } from '../../policy';
import { AccessGraph } from '../access-graph';
import { Decision } from '../decision';
import { FindingId, Severity } from '../finding';
import { GraphRole } from '../graph-model';
import { PolicyEvaluator } from '../policy-evaluator';
import { SystemPolicies } from '../system-policies';
import { describeConditions } from './describe';
import { FindingDraft } from './finding-draft';
import { aloneOf, PROBE_NAME } from './probes';
import { meetingContext, RequestContext } from './satisfying-context';
import { sortStrings } from './sort';
import { anybodyContext, restrictsWho } from './who-keys';

let stsAllList: PolicyDocument[] | undefined;

/** What `meetingContext([])` gives, shared: no condition to meet (the evaluator never changes a context). */
const NO_CONDITIONS_MET: RequestContext = Object.freeze({}) as RequestContext;

/** `[AliyunSTSAssumeRoleAccess]`: what the probe caller holds (one list for every role). */
function stsAllPolicies(): PolicyDocument[] {
  return (stsAllList ??= [SystemPolicies.lookup('AliyunSTSAssumeRoleAccess')!.document]);
}

/**
 * `XA-TRUST-NO-CONDITION`, asked of the evaluator: for each Allow trust statement naming an account root,
 * can a RAM user of that account that no policy names assume the role, bringing what any caller brings for
 * the keys that can restrict who (no MFA, an arbitrary address, no known external ID; see who-keys.ts) and
 * meeting the conditions on how or when (`acs:SecureTransport`, `acs:CurrentTime`, ...)? If yes, the
 * statement lets every user and role of the account in. The Deny statements of
 * the trust policy still apply; the other Allow statements do not, so each statement is judged alone.
 */
export function trustNoConditionFindings(graph: AccessGraph, role: GraphRole): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  let denies: PolicyStatement[] | undefined;
  for (const s of role.trustPolicy.statements) if (s.effect === Effect.DENY) (denies ??= []).push(s);
  const stsAll = stsAllPolicies();
  for (const statement of graph.allowTrustOf(role)) {
    const roots = statement.principals.filter((p) => p.type === PrincipalType.RAM && p.identifier.endsWith(':root'));
    if (roots.length === 0) continue;
    const unconditional = statement.conditions.length === 0;
    const howOrWhen = unconditional ? statement.conditions : statement.conditions.filter((c) => !restrictsWho(c));
    // The statement alone, with the Denies: the trust policy itself when that is all it holds (the common case).
    const alone =
      denies !== undefined
        ? new PolicyDocument([statement, ...denies])
        : role.trustPolicy.statements.length === 1
          ? role.trustPolicy
          : aloneOf(statement).document;
    // Conditions on how or when that no request meets let nobody in; those the analysis cannot decide are
    // taken as met (the finding is reported rather than missed).
    const met = howOrWhen.length === 0 ? NO_CONDITIONS_MET : meetingContext(howOrWhen);
    if (met === undefined) continue;
    const admitted = roots.filter((p) => {
      if (p.accountId === undefined) return false;
      if (met === 'undecided') return true;
      const caller = `acs:ram::${p.accountId}:user/${PROBE_NAME}`;
      // No condition on the statement: no who-key to bring, and `met` is the empty context.
      const context = unconditional ? met : { ...met, ...anybodyContext(statement.conditions, caller) };
      return PolicyEvaluator.evaluateAssumeRole(stsAll, alone, caller, role.arn, context) === Decision.ALLOW;
    });
    if (admitted.length === 0) continue;
    const accounts = sortStrings(admitted.map((p) => p.accountId!));
    const words = describeConditions(howOrWhen);
    drafts.push({
      stack: role.stack,
      path: role.path,
      subject: role.arn,
      id: FindingId.TRUST_NO_CONDITION,
      severity: Severity.MEDIUM,
      content: sortStrings(admitted.map((p) => p.identifier)).join(', ') + (words ? ` when ${words}` : ''),
      message:
        `role ${role.roleName} trusts every RAM user and role of account ${accounts.join(', ')} ` +
        `with no condition on who may assume it${words ? ` (only ${words}, which any of them can meet)` : ''}; ` +
        'add requireMfa, allowedSourceIps or externalId, or trust named users',
    });
  }
  return drafts;
}
