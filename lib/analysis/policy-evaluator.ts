import { Arn, Effect, PolicyDocument, PolicyStatement, PrincipalType } from '../policy';
import { AccessRequest, Decision, EvaluatorOptions } from './decision';
import { conditionHolds } from './private/condition-eval';
import { globMatches } from './private/glob';

/** What decided an AssumeRole request, side by side (see `PolicyEvaluator.explainAssumeRole`). */
export interface AssumeRoleExplanation {
  /** The final decision. */
  readonly decision: Decision;
  /** Decision A: the caller's own identity policies for `sts:AssumeRole` on the role. */
  readonly callerDecision: Decision;
  /** Decision B: the role's trust policy for this caller. */
  readonly trustDecision: Decision;
  /** Why, in one sentence. */
  readonly reason: string;
}

/** The documented defaults (no option set), shared rather than allocated on every request. */
const DEFAULT_OPTIONS: EvaluatorOptions = Object.freeze({});

/** A caller of AssumeRole, read from its ARN. */
interface Caller {
  readonly accountId: string;
  readonly kind: 'root' | 'user' | 'role';
  readonly arn: string;
  /** `acs:ram::<accountId>:root`, the principal that names the caller's whole account. */
  readonly root: string;
}

/**
 * Evaluates requests the way RAM documents it (ram-policy-reference §1-§3): default deny, explicit
 * Deny wins, anchored globs, the documented condition operators, session policies as an
 * intersection, and AssumeRole needing both the caller's own Allow and the trust policy's Allow.
 */
export class PolicyEvaluator {
  /**
   * One request against identity policies (a user's own and its groups', or a role's), optionally
   * narrowed by a session policy: Allow only when both allow; an explicit Deny anywhere wins (§2.2).
   */
  public static evaluate(
    policies: PolicyDocument[],
    request: AccessRequest,
    sessionPolicy?: PolicyDocument,
    options: EvaluatorOptions = DEFAULT_OPTIONS,
  ): Decision {
    const identity = PolicyEvaluator.decide(policies, request, options, undefined);
    if (sessionPolicy === undefined) return identity;
    const session = PolicyEvaluator.decide([sessionPolicy], request, options, undefined);
    if (identity === Decision.EXPLICIT_DENY || session === Decision.EXPLICIT_DENY) return Decision.EXPLICIT_DENY;
    return identity === Decision.ALLOW && session === Decision.ALLOW ? Decision.ALLOW : Decision.IMPLICIT_DENY;
  }

  /**
   * Whether `callerArn` may assume `roleArn`. `callerArn` is `acs:ram::<uid>:user/<name>` for a RAM
   * user, `acs:ram::<uid>:role/<name>` for a session of a role, or `acs:ram::<uid>:root` for the account
   * itself, which AssumeRole always refuses (§2.3). `context` holds condition keys such as
   * `acs:MFAPresent`, `acs:SourceIp` and `sts:ExternalId`.
   */
  public static evaluateAssumeRole(
    callerPolicies: PolicyDocument[],
    trustPolicy: PolicyDocument,
    callerArn: string,
    roleArn: string,
    context?: { [key: string]: string[] },
    options?: EvaluatorOptions,
  ): Decision {
    return PolicyEvaluator.explainAssumeRole(callerPolicies, trustPolicy, callerArn, roleArn, context, options)
      .decision;
  }

  /** `evaluateAssumeRole` with both decisions and the reason. */
  public static explainAssumeRole(
    callerPolicies: PolicyDocument[],
    trustPolicy: PolicyDocument,
    callerArn: string,
    roleArn: string,
    context: { [key: string]: string[] } = {},
    options: EvaluatorOptions = DEFAULT_OPTIONS,
  ): AssumeRoleExplanation {
    const caller = parseCaller(callerArn);
    if (!caller || caller.kind === 'root') {
      // Refused before any policy is read (§2.3), so neither side is evaluated.
      return {
        decision: Decision.IMPLICIT_DENY,
        callerDecision: Decision.IMPLICIT_DENY,
        trustDecision: Decision.IMPLICIT_DENY,
        reason: caller
          ? 'an Alibaba Cloud account itself cannot call AssumeRole; only its RAM users and roles can (§2.3)'
          : `caller "${callerArn}" is not acs:ram::<account>:user/<name>, :role/<name> or :root`,
      };
    }
    const request: AccessRequest = { action: 'sts:AssumeRole', resource: roleArn, context };
    const callerDecision = PolicyEvaluator.decide(callerPolicies, request, options, undefined);
    const trustDecision = PolicyEvaluator.decideOne(trustPolicy, request, options, caller);
    const decision =
      callerDecision === Decision.EXPLICIT_DENY || trustDecision === Decision.EXPLICIT_DENY
        ? Decision.EXPLICIT_DENY
        : callerDecision === Decision.ALLOW && trustDecision === Decision.ALLOW
          ? Decision.ALLOW
          : Decision.IMPLICIT_DENY;
    return { decision, callerDecision, trustDecision, reason: explain(callerDecision, trustDecision) };
  }

  /**
   * Basic evaluation of one policy set: any matching Deny gives ExplicitDeny, else any matching
   * Allow gives Allow, else ImplicitDeny (§2.1). With a caller, statements must also name it.
   */
  private static decide(
    policies: PolicyDocument[],
    request: AccessRequest,
    options: EvaluatorOptions,
    caller: Caller | undefined,
  ): Decision {
    let allowed = false;
    // Indexed loops: this is the innermost loop of every report, and iterators and closures here were a
    // large part of what a report at scale allocated (and then spent its time collecting).
    for (let i = 0; i < policies.length; i++) {
      const decision = PolicyEvaluator.decideOne(policies[i], request, options, caller);
      if (decision === Decision.EXPLICIT_DENY) return decision;
      if (decision === Decision.ALLOW) allowed = true;
    }
    return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
  }

  /** `decide` of one document (a trust policy is one, and needs no list made for it). */
  private static decideOne(
    policy: PolicyDocument,
    request: AccessRequest,
    options: EvaluatorOptions,
    caller: Caller | undefined,
  ): Decision {
    let allowed = false;
    const statements = policy.statements;
    for (let j = 0; j < statements.length; j++) {
      const statement = statements[j];
      if (!statementMatches(statement, request, options, caller)) continue;
      if (statement.effect === Effect.DENY) return Decision.EXPLICIT_DENY;
      allowed = true;
    }
    return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
  }

  private constructor() {}
}

/** Whether any of the glob patterns matches the value. */
function anyMatches(patterns: string[], value: string, caseSensitive: boolean): boolean {
  for (let i = 0; i < patterns.length; i++) if (globMatches(patterns[i], value, caseSensitive)) return true;
  return false;
}

const NO_CONTEXT: { [key: string]: string[] } = Object.freeze({}) as { [key: string]: string[] };

function statementMatches(
  statement: PolicyStatement,
  request: AccessRequest,
  options: EvaluatorOptions,
  caller: Caller | undefined,
): boolean {
  const actionCase = options.caseSensitiveActions ?? false;
  const actionOk =
    statement.notActions.length > 0
      ? !anyMatches(statement.notActions, request.action, actionCase)
      : anyMatches(statement.actions, request.action, actionCase);
  if (!actionOk) return false;
  // Trust statements have no Resource element: the role they belong to is the resource.
  if (caller === undefined || statement.hasResources) {
    const resourceCase = options.caseSensitiveResources ?? true;
    if (!anyMatches(statement.resources, request.resource, resourceCase)) return false;
  }
  if (caller !== undefined) {
    const principals = statement.principals;
    let named = false;
    for (let i = 0; i < principals.length && !named; i++) {
      named = principalMatches(principals[i].type, principals[i].identifier, caller);
    }
    if (!named) return false;
  }
  const negatedMissing = options.negatedOperatorMatchesMissingKey ?? true;
  const conditions = statement.conditions;
  const context = request.context ?? NO_CONTEXT;
  for (let i = 0; i < conditions.length; i++) if (!conditionHolds(conditions[i], context, negatedMissing)) return false;
  return true;
}

/** `root` covers the account's RAM users and roles; `user/x` and `role/x` name exactly one (§2.3). */
function principalMatches(type: string, identifier: string, caller: Caller): boolean {
  if (type !== PrincipalType.RAM) return false; // services and IdPs are never RAM users or role sessions
  if (identifier === caller.root) return caller.kind !== 'root';
  return identifier === caller.arn;
}

/** Parsed callers by ARN: a report asks about the same few thousand callers again and again. */
const callers = new Map<string, Caller | undefined>();
const MAX_CACHED_CALLERS = 100_000;

function parseCaller(arn: string): Caller | undefined {
  const known = callers.get(arn);
  if (known !== undefined || callers.has(arn)) return known; // one lookup for the many known callers
  // Arn.parseRamIdentity refuses `user/<name>/<more>`: only a role session has a fourth segment, and
  // a role session ARN (`role/<name>/<session>`) is the role for trust purposes.
  const parts = Arn.parseRamIdentity(arn);
  const caller = parts && {
    accountId: parts.accountId,
    kind: parts.kind as Caller['kind'],
    arn: parts.identityArn,
    root: `acs:ram::${parts.accountId}:root`,
  };
  if (callers.size >= MAX_CACHED_CALLERS) callers.clear();
  callers.set(arn, caller);
  return caller;
}

function explain(callerDecision: Decision, trustDecision: Decision): string {
  if (callerDecision === Decision.EXPLICIT_DENY)
    return "the caller's own policies explicitly deny sts:AssumeRole on the role";
  if (trustDecision === Decision.EXPLICIT_DENY) return 'the trust policy explicitly denies this caller';
  if (callerDecision !== Decision.ALLOW && trustDecision !== Decision.ALLOW) {
    return "neither the trust policy nor the caller's own policies allow it";
  }
  if (callerDecision !== Decision.ALLOW)
    return "the trust policy allows it, but the caller's own policies do not allow sts:AssumeRole on the role";
  if (trustDecision !== Decision.ALLOW)
    return "the caller may call sts:AssumeRole, but the role's trust policy does not name it (or its conditions do not hold)";
  return "both the trust policy and the caller's own policies allow it";
}
