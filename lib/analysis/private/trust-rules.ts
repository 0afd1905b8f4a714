import { Effect, PolicyDocument, PolicyStatement, PrincipalType } from '../../policy';
import { AccessGraph } from '../access-graph';
import { Decision } from '../decision';
import { FindingId, Severity } from '../finding';
import { GraphRole } from '../graph-model';
import { PolicyEvaluator } from '../policy-evaluator';
import { SystemPolicies } from '../system-policies';
import { describeConditions } from './describe';
import { FindingDraft } from './finding-draft';
import { resourceFiller } from './fresh-probes';
import { aloneOf, PROBE_NAME } from './probes';
import { admittingContexts, admittingCount, MAX_DENY_CHOICES, undecidedKeys } from './satisfying-context';
import { sortStrings } from './sort';
import { anybodyValues, restrictsWho } from './who-keys';
import { mayDeny, NO_CONTEXT } from './assumer-rows';

let stsAllList: PolicyDocument[] | undefined;

/** `[AliyunSTSAssumeRoleAccess]`: what the probe caller holds (one list for every role). */
function stsAllPolicies(): PolicyDocument[] {
  return (stsAllList ??= [SystemPolicies.lookup('AliyunSTSAssumeRoleAccess')!.document]);
}

/**
 * `XA-TRUST-NO-CONDITION`, asked of the evaluator: for each Allow trust statement naming an account root,
 * can a RAM user of that account that no policy names assume the role, bringing what any caller may bring for
 * the keys that can restrict who (no MFA or none sent, an address no condition names, no external ID or a
 * made-up one; see who-keys.ts) and choosing freely the keys on how or when (`acs:SecureTransport`,
 * `acs:CurrentTime`, ...)? If some such request gets in, the statement lets every user and role of the
 * account in. The Deny statements of the trust policy still apply, and the request is sought past them as
 * the assumer rows seek it (for each way of failing one condition of each Deny that may apply); the other
 * Allow statements do not apply, so each statement is judged alone. Where the analysis cannot tell (more
 * ways past the Denies than it tries, conditions it cannot decide), the finding is reported.
 */
export function trustNoConditionFindings(graph: AccessGraph, role: GraphRole): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  let denies: PolicyStatement[] | undefined;
  for (const s of role.trustPolicy.statements) if (s.effect === Effect.DENY) (denies ??= []).push(s);
  const stsAll = stsAllPolicies();
  for (const statement of graph.allowTrustOf(role)) {
    const roots = statement.principals.filter((p) => p.type === PrincipalType.RAM && p.identifier.endsWith(':root'));
    if (roots.length === 0) continue;
    const howOrWhen =
      statement.conditions.length === 0 ? statement.conditions : statement.conditions.filter((c) => !restrictsWho(c));
    // The statement alone, with the Denies: the trust policy itself when that is all it holds (the common case).
    const alone =
      denies !== undefined
        ? new PolicyDocument([statement, ...denies])
        : role.trustPolicy.statements.length === 1
          ? role.trustPolicy
          : aloneOf(statement).document;
    const question: Question = { role, statement, denies: denies ?? [], alone, stsAll };
    const admitted = roots.filter((p) => p.accountId !== undefined && anybodyGetsIn(question, p.accountId));
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

/** What is asked of one Allow trust statement: the role, the statement, the trust policy's Denies, and both as one document. */
interface Question {
  readonly role: GraphRole;
  readonly statement: PolicyStatement;
  readonly denies: PolicyStatement[];
  /** The statement and the Denies as one document (the trust policy itself when that is all it holds). */
  readonly alone: PolicyDocument;
  /** `[AliyunSTSAssumeRoleAccess]`: what the made-up callers hold. */
  readonly stsAll: PolicyDocument[];
}

/**
 * Whether a user or role of `accountId` that no policy names, holding AliyunSTSAssumeRoleAccess, gets in
 * through `statement` and the Denies (`alone`) with some request an arbitrary caller could send: the
 * evaluator's decision on each candidate context that meets the statement's conditions and gets past each
 * Deny that may apply, the who-keys restricted to what such a caller brings. The callers' names are ones no
 * principal of the Denies nor `acs:PrincipalARN` value can single out (a Deny of `user/x*` or of every user
 * does not hide that the others, or the account's roles, get in).
 */
function anybodyGetsIn(question: Question, accountId: string): boolean {
  const callers = callersOf(accountId, question.statement, question.denies);
  // No name left that the patterns cannot single out: the analysis cannot tell, so it reports.
  if (callers === undefined) return true;
  const root = `acs:ram::${accountId}:root`;
  return callers.some((caller) => callerGetsIn(question, root, caller));
}

/** The text that can tell callers apart: the Denies' principals and every `acs:PrincipalARN` value. */
function callerPatterns(statement: PolicyStatement, denies: PolicyStatement[]): string[] {
  const patterns: string[] = [];
  for (const s of [statement, ...denies]) {
    if (s !== statement) for (const p of s.principals) patterns.push(p.identifier);
    for (const c of s.conditions) if (c.key.toLowerCase() === 'acs:principalarn') patterns.push(...c.values);
  }
  return patterns;
}

/**
 * Made-up callers of the account: a user, and where the patterns can tell them apart, a role too, named
 * with text no pattern holds (one per class of lengths the patterns with `?` tell apart). Undefined when the
 * patterns hold every character a made-up name may use.
 */
function callersOf(accountId: string, statement: PolicyStatement, denies: PolicyStatement[]): string[] | undefined {
  const patterns = callerPatterns(statement, denies);
  if (patterns.length === 0) return [`acs:ram::${accountId}:user/${PROBE_NAME}`];
  const fill = resourceFiller(patterns);
  const users = fill(`acs:ram::${accountId}:user/*`);
  const roles = fill(`acs:ram::${accountId}:role/*`);
  return users === undefined || roles === undefined ? undefined : [...users, ...roles];
}

/** `anybodyGetsIn` for one made-up caller of the account whose root is `root`. */
function callerGetsIn(question: Question, root: string, caller: string): boolean {
  const { role, statement, denies, alone, stsAll } = question;
  const applying = denies.filter((d) => mayDeny(d, role.arn, caller, root)).map((d) => d.conditions);
  const conditions = [...statement.conditions, ...applying.flat()];
  // No condition anywhere (most trust policies): one empty request says it.
  if (conditions.length === 0) {
    return PolicyEvaluator.evaluateAssumeRole(stsAll, alone, caller, role.arn, NO_CONTEXT) === Decision.ALLOW;
  }
  if (admittingCount(applying) > MAX_DENY_CHOICES) return true;
  const restrict = anybodyValues(conditions, caller);
  if (restrict === undefined) return true;
  for (const { context } of admittingContexts(statement.conditions, applying, restrict)) {
    if (PolicyEvaluator.evaluateAssumeRole(stsAll, alone, caller, role.arn, context) === Decision.ALLOW) return true;
  }
  return undecidedKeys(conditions, restrict).length > 0;
}
