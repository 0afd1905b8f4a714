import { Condition, ConditionKey, PolicyDocument, PolicyStatement, PrincipalType } from '../../policy';
import { addTo } from '../../policy/private/multimap';
import type { AccessGraph } from '../access-graph';
import { Decision } from '../decision';
import { AssumeResult, GraphRole, GraphUser } from '../graph-model';
import { PolicyEvaluator } from '../policy-evaluator';
import { SystemPolicies } from '../system-policies';
import { AnalysisInputError } from '../analysis-input-error';
import { complementOf } from './condition-eval';
import { admittingCount, MAX_DENY_CHOICES, undecidedKeys } from './satisfying-context';
import {
  CallerStatements,
  conditionSetsOf,
  contextsFor,
  fewest,
  mayCover,
  mayDeny,
  names,
  NO_CONTEXT,
  NO_SETS,
  remember,
  Trial,
  trialsOf,
  statementsOf,
  unique,
  words,
} from './assumer-rows';
import { holderKey, PossibleHolding, scopeOf, UnknownHolder } from './graph-builder';
import { sortBy, sortStrings } from './sort';
import { callerArnsFor, expressionsOf, roleArnsFor, widenIdentity, widenTrust, Widened } from './terraform-values';
import { contentExpression, withAnyContent } from './unknown-content';

/** The complements of the failed conditions that one operator says (the others are left out: the set asks less). */
function complementsOf(failed: Condition[]): Condition[] {
  return failed.flatMap((c) => {
    const complement = complementOf(c);
    return complement ? [complement] : [];
  });
}

/** An account that appears nowhere in any output: stands for "any other account". */
const UNRELATED_ACCOUNT = '0000000000000000';

/** What an API call of a user without console login can send for `acs:MFAPresent`: nothing, or false. */
const API_CALL: { [key: string]: (string | undefined)[] } = { [ConditionKey.MFA_PRESENT]: [undefined, 'false'] };

/** No trust statement names the caller: shared by the many callers a trust policy does not name. */
const NOT_NAMED: Admission = Object.freeze({ sets: NO_SETS });
/** Named, but no request lets the caller in (shared, never mutated). */
const NOT_ADMITTED: Admission = NOT_NAMED;
/** Let in by a pair without conditions, in the empty context: one empty condition set (shared, never mutated). */
const UNCONDITIONAL: Admission = Object.freeze({
  sets: Object.freeze([Object.freeze([])]) as unknown as Condition[][],
  context: NO_CONTEXT,
});

/** A caller the assumer computation evaluates: a user or a role session of the output. */
interface Caller {
  readonly arn: string;
  readonly accountId?: string;
  readonly kind: 'user' | 'role';
  readonly policies: PolicyDocument[];
  /** Values the caller can send for some keys (users without console login: no MFA). */
  readonly restrict?: { [key: string]: (string | undefined)[] };
  /** User names of console logins the output does not know, of the caller's account: it may have one. */
  readonly loginNames?: string[];
  /** Policies it may hold for some values of Terraform expressions. */
  readonly possible?: PossibleHolding[];
  /** A role's own name when it is a Terraform value the output does not know (`${var.name}`). */
  readonly unresolvedName?: string;
  /** For a caller of a stack whose account the output does not say: that account, in words (`the account of stack s`). */
  readonly unknownAccount?: string;
  /** A caller evaluated only because its stack's account may be a trusted one: it has a row only when it may get in. */
  readonly rowIfAdmitted?: boolean;
}

/** What the pairs of statements say for one caller. */
interface Admission {
  readonly sets: Condition[][];
  readonly context?: { [key: string]: string[] };
}

/** An admission for some values of Terraform expressions: the widened role and policies that admit. */
interface WidenedAdmission extends Admission {
  readonly context: { [key: string]: string[] };
  readonly role: GraphRole;
  readonly policies: PolicyDocument[];
  readonly expressions: string[];
  /** The caller's ARN for the values that admit, when it is not the one written (a role named by an expression). */
  readonly callerArn?: string;
}

let stsAllDocuments: PolicyDocument[] | undefined;

/** `[AliyunSTSAssumeRoleAccess]`, the policies of the class rows of principals outside the output (one list, shared). */
function stsAll(): PolicyDocument[] {
  return (stsAllDocuments ??= [SystemPolicies.lookup('AliyunSTSAssumeRoleAccess')!.document]);
}

/**
 * Who can assume each role of a graph: every user and role of the output that a trust statement could
 * admit, evaluated against each pair of an Allow trust statement and an Allow grant statement on its
 * own (conditions of different statements are never merged), with every Deny; the condition sets that
 * admit are reported. Every verdict is the evaluator's.
 */
export class AssumerComputation {
  private readonly direct = new Map<GraphRole, AssumeResult[]>();
  private usersByAccount?: Map<string, GraphUser[]>;
  private usersByGrantedRole?: Map<string, GraphUser[]>;
  private rolesByAccount?: Map<string, GraphRole[]>;
  /** The callers that stand for a class of principals, by their ARNs' account (made once, not per role). */
  private readonly classCallers = new Map<string, { arn: string; accountId?: string }[]>();
  // The caches below are keyed by the graph's own lists and documents and live as long as the computation, so
  // they are maps, not weak maps: a weak-map entry cost about five times a map entry, and a report at N = 5,000
  // made tens of thousands.
  /** The statements of each caller's policies by effect: users' lists are asked about once per role that names them. */
  private readonly split = new Map<PolicyDocument[], CallerStatements>();
  private readonly roots = new Map<string | undefined, string>();
  private readonly trustLists = new Map<GraphRole, PolicyDocument[]>();
  /** Each list of identity policies widened for unknown Terraform values (null: it holds none). */
  private readonly widened = new Map<PolicyDocument[], Widened | null>();
  /** Each trust policy widened for unknown Terraform values (null: it holds none). */
  private readonly widenedTrusts = new Map<PolicyDocument, Widened | null>();

  constructor(
    private readonly graph: AccessGraph,
    /** Policies held by users and groups whose names are Terraform values the output does not know. */
    private readonly unknownHolders: UnknownHolder[] = [],
    /** Console logins of users named by Terraform values the output does not know, by account scope. */
    private readonly unknownLogins: Map<string, string[]> = new Map(),
    /** Policies principals may hold for some values of Terraform expressions, by `holderKey`. */
    private readonly possible: Map<string, PossibleHolding[]> = new Map(),
    /** Console logins users may have for some values (a login of a stack of unknown account), by `holderKey`. */
    private readonly possibleLogins: Map<string, string[]> = new Map(),
  ) {}

  /** What a user may hold for some values (its own attachments and memberships, and its groups'). */
  private possibleOfUser(u: GraphUser): PossibleHolding[] | undefined {
    if (this.possible.size === 0) return undefined;
    const scope = scopeOf(u.stack, u.accountId);
    const list = [
      ...(this.possible.get(holderKey('user', scope, u.userName)) ?? []),
      ...u.groups.flatMap((g) => this.possible.get(holderKey('group', scope, g)) ?? []),
    ];
    return list.length > 0 ? list : undefined;
  }

  /**
   * The admission of a caller holding, beside its own policies, one of the choices of a policy it may hold for
   * some values of a Terraform expression: undefined when none admits.
   */
  private possibleAdmission(
    role: GraphRole,
    caller: Caller,
    restrict?: { [key: string]: (string | undefined)[] },
  ): WidenedAdmission | undefined {
    for (const holding of caller.possible ?? []) {
      for (const choice of holding.choices) {
        const extra = choice.policies.flatMap((p) => (p.document ? [p.document] : []));
        if (extra.length === 0) continue;
        const policies = [...caller.policies, ...extra];
        const holder = { arn: caller.arn, accountId: caller.accountId, policies };
        const admitted = this.admission(role, holder, restrict);
        // What the allow depends on: the expression, and the content of the choice's policies the output does not hold.
        const expressions = [holding.expression, ...choice.contents];
        if (admitted.context) return { ...admitted, context: admitted.context, role, policies, expressions };
        // The choice together with the other unknowns (the role's name, values in the documents): a yes for some values of all.
        const widened = this.widenedAdmission(role, holder, restrict);
        if (widened) {
          const all = [...expressions, ...widened.expressions.filter((e) => !expressions.includes(e))];
          return { ...widened, expressions: all };
        }
      }
    }
    return undefined;
  }

  /** The rows of a role, with the chains of one more hop for roles that can assume it. */
  public assumersOf(role: GraphRole): AssumeResult[] {
    const rows = this.directRows(role);
    const result = rows.slice();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row.kind !== 'role' || row.decision !== Decision.ALLOW) continue;
      const caller = this.graph.role(row.principal);
      if (!caller) continue;
      const via = this.entrantsOf(caller)
        .filter((who) => who !== `role ${caller.arn}`) // a role assuming itself adds no one
        .map((who) => `${who} → role ${caller.arn} → role ${role.arn}`);
      result[i] = remember({ ...row, via }, conditionSetsOf(row), () => trialsOf(row));
    }
    return result;
  }

  /** Who can get into a role directly: services its trust names, and the allowed rows of its assumers. */
  private entrantsOf(role: GraphRole): string[] {
    const services = this.graph
      .allowTrustOf(role)
      .flatMap((s) => s.principals)
      .filter((p) => p.type === PrincipalType.SERVICE)
      .map((p) => `service ${p.identifier}`);
    const callers = this.directRows(role)
      .filter((r) => r.decision === Decision.ALLOW && r.reachable)
      .map((r) => (r.kind === 'user' || r.kind === 'role' ? `${r.kind} ${r.principal}` : r.principal));
    return Array.from(new Set([...services, ...callers]));
  }

  private directRows(role: GraphRole): AssumeResult[] {
    let rows = this.direct.get(role);
    if (!rows) {
      rows = this.compute(role);
      this.direct.set(role, rows);
    }
    return rows;
  }

  private index(): void {
    if (this.usersByAccount) return;
    this.usersByAccount = new Map();
    this.usersByGrantedRole = new Map();
    this.rolesByAccount = new Map();
    for (const user of this.graph.users) {
      addTo(this.usersByAccount, user.accountId ?? '', user);
      const named = new Set<string>();
      for (const s of statementsOf(this.split, this.graph.identityPoliciesOf(user)).allows) {
        for (const arn of s.resources) named.add(arn);
      }
      for (const arn of named) addTo(this.usersByGrantedRole, arn, user);
    }
    for (const role of this.graph.roles) addTo(this.rolesByAccount, role.accountId ?? '', role);
  }

  /**
   * The callers worth evaluating: users and roles of the accounts the trust policy names, and users whose
   * own policies name the role. Any other principal is refused by the trust policy, which the
   * "any RAM user or role of another account" row states once.
   */
  private callersFor(role: GraphRole): Caller[] {
    this.index();
    const accounts = this.graph.trustedAccountsOf(role);
    // The users whose grants name the role, and those of the trusted accounts: a set only when both give some.
    const granted = this.usersByGrantedRole!.get(role.arn) ?? [];
    let users: Iterable<GraphUser> = granted;
    // Looked up only for users of stacks of unknown account (a set once: not a search per user).
    let grantedSet: Set<GraphUser> | undefined;
    const roles: GraphRole[] = [];
    // The principals of stacks whose account the output does not say may be of any trusted account (key '').
    for (const a of accounts.length > 0 ? [...accounts, ''] : accounts) {
      const inAccount = this.usersByAccount!.get(a);
      if (inAccount !== undefined) {
        const all: Set<GraphUser> = users instanceof Set ? users : new Set(users);
        for (const u of inAccount) all.add(u);
        users = all;
      }
      for (const r of this.rolesByAccount!.get(a) ?? []) roles.push(r);
    }
    const callers: Caller[] = [];
    for (const u of users) {
      const restricted = u.createdHere && !u.consoleLogin;
      const scope = scopeOf(u.stack, u.accountId);
      const byName = this.unknownLogins.get(scope);
      const bySharedAccount = this.possibleLogins.get(holderKey('user', scope, u.userName));
      const logins = !restricted
        ? undefined
        : bySharedAccount === undefined
          ? byName
          : [...(byName ?? []), ...bySharedAccount];
      callers.push({
        arn: u.arn,
        accountId: u.accountId,
        kind: 'user',
        policies: this.graph.identityPoliciesOf(u),
        restrict: restricted ? API_CALL : undefined,
        loginNames: logins,
        possible: this.possibleOfUser(u),
        ...(u.accountId === undefined
          ? {
              unknownAccount: `the account of stack ${u.stack}`,
              rowIfAdmitted: !(grantedSet ??= new Set(granted)).has(u),
            }
          : {}),
      });
    }
    for (const r of roles) {
      const possible = this.possible.get(holderKey('role', scopeOf(r.stack, r.accountId), r.roleName));
      callers.push({
        arn: r.arn,
        accountId: r.accountId,
        kind: 'role',
        policies: this.graph.policyDocumentsOf(r),
        possible,
        ...(r.unresolvedRoleName !== undefined ? { unresolvedName: r.unresolvedRoleName } : {}),
        ...(r.accountId === undefined
          ? { unknownAccount: `the account of stack ${r.stack}`, rowIfAdmitted: true }
          : {}),
      });
    }
    sortBy(callers, (a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
    return callers;
  }

  /**
   * The condition sets under which the caller gets in: for each Allow trust statement naming it and each
   * Allow grant statement that may cover the role, a document of that statement and every Deny, tried
   * with the candidate contexts of their conditions (restricted to what the caller can send).
   */
  private admission(
    role: GraphRole,
    caller: { arn: string; accountId?: string; policies: PolicyDocument[] },
    restrict?: { [key: string]: (string | undefined)[] },
  ): Admission {
    const root = this.rootOf(caller.accountId);
    const allowTrust = this.graph.allowTrustOf(role);
    let trust: PolicyStatement[] | undefined;
    for (const s of allowTrust) if (names(s, caller.arn, root)) (trust ??= []).push(s);
    // No trust statement names the caller: no pair can admit it (the evaluator's decision is asked by the rows).
    if (trust === undefined) return NOT_NAMED;
    const trustDeny = statementsOf(this.split, this.trustOf(role)).denies;
    const { allows, denies: grantDeny } = statementsOf(this.split, caller.policies);
    const grants = allows.filter((s) => mayCover(s, role.arn));
    // The conditions of each Deny that may apply: a request gets past it by failing one of them.
    const denies =
      trustDeny.length === 0 && grantDeny.length === 0
        ? NO_SETS
        : [...trustDeny, ...grantDeny]
            .filter((s) => s.conditions.length > 0 && mayDeny(s, role.arn, caller.arn, root))
            .map((s) => s.conditions);
    if (admittingCount(denies) > MAX_DENY_CHOICES) {
      throw new AnalysisInputError(
        this.fileOf(role),
        `role ${role.roleName}: ${denies.length} Deny statements with conditions may apply to ${caller.arn}, ` +
          `${admittingCount(denies)} ways past them, more than the ${MAX_DENY_CHOICES} this analysis tries ` +
          '(it says neither yes nor no; merge the Deny statements)',
      );
    }
    // One unconditional statement on each side and no Deny with conditions (most callers of a large output):
    // the one empty context says what the loop below would, without its lists.
    if (
      trust.length === 1 &&
      grants.length === 1 &&
      denies.length === 0 &&
      restrict === undefined &&
      trust[0].conditions.length === 0 &&
      grants[0].conditions.length === 0
    ) {
      const decision = PolicyEvaluator.evaluateAssumeRole(
        caller.policies,
        role.trustPolicy,
        caller.arn,
        role.arn,
        NO_CONTEXT,
      );
      return decision === Decision.ALLOW ? UNCONDITIONAL : NOT_ADMITTED;
    }
    const sets: Condition[][] = [];
    let admitting: { [key: string]: string[] } | undefined;
    // With one statement on each side, the pair's documents say what the whole documents say for this
    // caller and role: evaluate those, without building documents (the common case, and the costly one at scale).
    const whole = trust.length === 1 && grants.length === 1;
    for (const t of trust) {
      const trustDoc = whole ? role.trustPolicy : new PolicyDocument([t, ...trustDeny]);
      for (const g of grants) {
        const grantDocs = whole ? caller.policies : [new PolicyDocument([g, ...grantDeny])];
        const set = [...t.conditions, ...g.conditions];
        // Every way past the Denies that admits is a condition set: the pair's own conditions, and the
        // complement of each Deny condition it fails (where one operator says it: a set only ever asks less).
        const pair: Condition[][] = [];
        for (const { context, failed } of contextsFor(set, denies, restrict)) {
          const decision = PolicyEvaluator.evaluateAssumeRole(grantDocs, trustDoc, caller.arn, role.arn, context);
          if (decision !== Decision.ALLOW) continue;
          admitting ??= context;
          // Failing nothing lets it in: every other way asks more, and `fewest` would drop it.
          if (failed.length === 0) {
            pair.push(set);
            break;
          }
          pair.push([...set, ...complementsOf(failed)]);
        }
        sets.push(...fewest(pair));
      }
    }
    if (admitting === undefined && grants.length > 0)
      this.refuseUndecided(role, caller.arn, trust, grants, denies, restrict);
    return { sets: unique(sets), context: admitting };
  }

  /**
   * When no request let the caller in, but the candidates could not decide some key's conditions (conditions
   * of different kinds on one key, ...): an error naming the role and the key, never a "no".
   */
  private refuseUndecided(
    role: GraphRole,
    callerArn: string,
    trust: PolicyStatement[],
    grants: PolicyStatement[],
    denies: Condition[][],
    restrict?: { [key: string]: (string | undefined)[] },
  ): void {
    const conditions = [...trust, ...grants].flatMap((s) => s.conditions).concat(denies.flat());
    const why = conditions.length === 0 ? [] : undecidedKeys(conditions, restrict);
    if (why.length === 0) return;
    throw new AnalysisInputError(
      this.fileOf(role),
      `role ${role.roleName}: cannot decide whether ${callerArn} gets in: ${why.join('; ')} (it says neither yes nor no)`,
    );
  }

  /** The file of the role's stack, for an error about it. */
  private fileOf(role: GraphRole): string {
    return this.graph.stacks.find((s) => s.name === role.stack)?.file ?? role.stack;
  }

  /** One row for a caller of the output. */
  private callerRow(role: GraphRole, caller: Caller): AssumeResult {
    const admitted = this.admission(role, caller);
    if (admitted.context === undefined) {
      const widened = this.unknownsAdmission(role, caller);
      if (widened) return this.widenedRow(role, caller, widened);
    }
    const context = admitted.context ?? NO_CONTEXT;
    const explained = PolicyEvaluator.explainAssumeRole(
      caller.policies,
      role.trustPolicy,
      caller.arn,
      role.arn,
      context,
    );
    let reachable = true;
    let unreachableReason: string | undefined;
    let loginDependsOn: string[] | undefined;
    if (explained.decision === Decision.ALLOW && caller.restrict) {
      const viaApi = this.admission(role, caller, caller.restrict);
      // A console login whose user name the output does not know may be this user's: it gets in for some values.
      if (viaApi.sets.length === 0 && caller.loginNames)
        loginDependsOn = sortStrings(Array.from(new Set(caller.loginNames)));
      else if (viaApi.sets.length === 0) {
        reachable = false;
        unreachableReason = mfaOnlyReason(caller.arn);
      }
    }
    const sets = explained.decision === Decision.ALLOW ? admitted.sets : NO_SETS;
    const result: AssumeResult = {
      principal: caller.arn,
      kind: caller.kind,
      decision: explained.decision,
      ...words(sets),
      reachable,
      ...(unreachableReason ? { unreachableReason } : {}),
      ...(loginDependsOn ? { dependsOn: loginDependsOn } : {}),
      reason: unreachableReason
        ? `${explained.reason}, but no request of this output can be sent with MFA`
        : loginDependsOn
          ? `${explained.reason}, with an MFA sign-in: only if the console login of ${loginDependsOn.join(', ')}, which this output does not know, is this user's`
          : explained.reason,
    };
    // The gate compares trials: with a policy it may hold, it may get in where its own policies' conditions do not hold.
    return remember(result, sets, () => [
      trial(caller.arn, caller.policies, role),
      ...this.possibleTrials(role, caller),
    ]);
  }

  /** The caller's policies with each choice of each policy it may hold (`possible`), as trials for the gate. */
  private possibleTrials(role: GraphRole, caller: Caller): Trial[] {
    const trials: Trial[] = [];
    for (const holding of caller.possible ?? []) {
      for (const choice of holding.choices) {
        const extra = choice.policies.flatMap((p) => (p.document ? [p.document] : []));
        if (extra.length > 0) trials.push(trial(caller.arn, [...caller.policies, ...extra], role));
      }
    }
    return trials;
  }

  /**
   * The "no" of a caller of a stack whose account the output does not say, in words that hold for every
   * account it may be of (`accountedAdmission` found none of the trusted accounts admitting it).
   */
  private unplacedNo(role: GraphRole, caller: Caller, row: AssumeResult): AssumeResult {
    const accounts = this.graph.trustedAccountsOf(role);
    const reason =
      accounts.length === 0
        ? `the trust policy names no RAM account, whichever is ${caller.unknownAccount} (which this output does not know)`
        : `whichever account is ${caller.unknownAccount} (which this output does not know): as a principal of ` +
          `${accounts.join(', ')} the trust policy and its own policies do not let it in, and the trust policy names no other account`;
    return { ...row, reason };
  }

  /**
   * A caller's row when it gets in only for some values of Terraform expressions: the evaluator's decision
   * on the widened documents, with the expressions it depends on (never said as "no").
   */
  private widenedRow(role: GraphRole, caller: Caller, widened: WidenedAdmission): AssumeResult {
    const callerArn = widened.callerArn ?? caller.arn;
    const explained = PolicyEvaluator.explainAssumeRole(
      widened.policies,
      widened.role.trustPolicy,
      callerArn,
      widened.role.arn,
      widened.context,
    );
    const viaApi = caller.restrict ? this.unknownsAdmission(role, caller, caller.restrict) : widened;
    // Only with MFA: a console login the output does not tie to this user may be its (as in `callerRow`).
    const logins = viaApi === undefined ? caller.loginNames : undefined;
    const unreachableReason = viaApi || logins ? undefined : mfaOnlyReason(caller.arn);
    const dependsOn = logins
      ? sortStrings(Array.from(new Set([...widened.expressions, ...logins])))
      : widened.expressions;
    const values = dependsOn.join(', ');
    return remember(
      {
        principal: caller.arn,
        kind: caller.kind,
        decision: explained.decision,
        ...words(widened.sets),
        reachable: viaApi !== undefined || logins !== undefined,
        ...(unreachableReason ? { unreachableReason } : {}),
        dependsOn,
        reason: `${explained.reason}, for some values of ${values}, which this output does not know (as written, the evaluator says no)`,
      },
      widened.sets,
      () => [trial(callerArn, widened.policies, widened.role)],
    );
  }

  /**
   * The admission of a caller for some values the output does not know: Terraform values in the documents or
   * the role's name, a policy it may hold, its own name, its stack's account. Undefined when none admits.
   */
  private unknownsAdmission(
    role: GraphRole,
    caller: Caller,
    restrict?: { [key: string]: (string | undefined)[] },
  ): WidenedAdmission | undefined {
    return (
      this.widenedAdmission(role, caller, restrict) ??
      this.possibleAdmission(role, caller, restrict) ??
      this.renamedAdmission(role, caller, restrict) ??
      this.accountedAdmission(role, caller, restrict)
    );
  }

  /**
   * The admission of a caller of a stack whose account the output does not say, as a principal of each account
   * the role's trust policy names (the credentials Terraform runs with decide which it is): with its policies as
   * written, widened, or with a policy it may hold. Undefined when none admits.
   */
  private accountedAdmission(
    role: GraphRole,
    caller: Caller,
    restrict?: { [key: string]: (string | undefined)[] },
  ): WidenedAdmission | undefined {
    if (caller.unknownAccount === undefined) return undefined;
    const resource = caller.arn.split(':').slice(4).join(':');
    for (const accountId of this.graph.trustedAccountsOf(role)) {
      const placed: Caller = { ...caller, arn: `acs:ram::${accountId}:${resource}`, accountId };
      const found = this.admittedOrWidened(role, placed, restrict) ?? this.renamedAdmission(role, placed, restrict);
      if (found) {
        const callerArn = found.callerArn ?? placed.arn;
        const expressions = sortStrings(Array.from(new Set([caller.unknownAccount, ...found.expressions])));
        return { ...found, callerArn, expressions };
      }
    }
    return undefined;
  }

  /**
   * The admission of a caller standing for another (renamed, or placed in an account): with its policies as
   * written (no expression), widened, or with a policy it may hold. Undefined when none admits.
   */
  private admittedOrWidened(
    role: GraphRole,
    caller: Caller,
    restrict?: { [key: string]: (string | undefined)[] },
  ): WidenedAdmission | undefined {
    const admitted = this.admission(role, caller, restrict);
    if (admitted.context)
      return { ...admitted, context: admitted.context, role, policies: caller.policies, expressions: [] };
    return this.widenedAdmission(role, caller, restrict) ?? this.possibleAdmission(role, caller, restrict);
  }

  /**
   * The admission of a role whose own name is a Terraform value the output does not know, as a caller: under
   * each ARN that the role's trust policy singles out and the name could take (`callerArnsFor`), with the
   * caller's policies as written, widened, or with a policy it may hold. Undefined when none admits.
   */
  private renamedAdmission(
    role: GraphRole,
    caller: Caller,
    restrict?: { [key: string]: (string | undefined)[] },
  ): WidenedAdmission | undefined {
    if (caller.unresolvedName === undefined || caller.accountId === undefined) return undefined;
    for (const arn of callerArnsFor(role.trustPolicy, caller.accountId, caller.unresolvedName)) {
      const found = this.admittedOrWidened(role, { ...caller, arn }, restrict);
      if (found) {
        const expressions = sortStrings(
          Array.from(new Set([...expressionsOf(caller.unresolvedName), ...found.expressions])),
        );
        return { ...found, callerArn: arn, expressions };
      }
    }
    return undefined;
  }

  /**
   * A row for each user or group of a trusted account named by a Terraform value the output does not know
   * (`${var.user}`) whose policies let it in (kind `unknown-name`): some user of the account holds them,
   * so they are never left out as "any other user: no".
   */
  private unknownHolderRows(role: GraphRole, accountId: string): AssumeResult[] {
    const rows: AssumeResult[] = [];
    // The unknown name may be any the trust policy names in the account, or another.
    const named = new Set<string>([`acs:ram::${accountId}:user/x`]);
    for (const s of this.graph.allowTrustOf(role)) {
      for (const p of s.principals)
        if (p.accountId === accountId && p.identifier.includes(':user/')) named.add(p.identifier);
    }
    for (const holder of this.unknownHolders) {
      // A holder of a stack whose account the output does not say may be of this account.
      if (holder.accountId !== accountId && holder.accountId !== undefined) continue;
      const known = holder.policies.flatMap((p) => (p.document ? [p.document] : []));
      let row = this.unknownHolderRow(role, holder, accountId, named, known, []);
      // Policies whose content the output does not hold may hold any: tried after the known ones alone.
      const unknownContent = holder.policies.filter((p) => !p.document);
      if (!row && unknownContent.length > 0) {
        const policies = [...known, withAnyContent(unknownContent[0]).document!];
        row = this.unknownHolderRow(
          role,
          holder,
          accountId,
          named,
          policies,
          unknownContent.map((p) => contentExpression(p, undefined)),
        );
      }
      if (row) rows.push(row);
    }
    return rows;
  }

  /** The row of an unknown holder holding `policies` under one of the `named` ARNs; undefined when none gets in. */
  private unknownHolderRow(
    role: GraphRole,
    holder: UnknownHolder,
    accountId: string,
    named: Set<string>,
    policies: PolicyDocument[],
    contents: string[],
  ): AssumeResult | undefined {
    const unknownAccount = holder.accountId === undefined ? [`the account of stack ${holder.stack}`] : [];
    for (const arn of named) {
      const caller = { arn, accountId, policies };
      const admitted = this.admission(role, caller);
      const widened = admitted.context ? undefined : this.widenedAdmission(role, caller);
      const sets = admitted.context ? admitted.sets : widened?.sets;
      if (!sets) continue;
      const who = holder.kind === 'user' ? `user ${holder.name}` : `the members of group ${holder.name}`;
      return remember(
        {
          principal:
            holder.kind === 'user'
              ? `acs:ram::${accountId}:user/${holder.name}`
              : `members of group ${holder.name} of ${accountId}`,
          kind: 'unknown-name',
          decision: Decision.ALLOW,
          ...words(sets),
          reachable: true,
          dependsOn: sortStrings(
            Array.from(
              new Set([
                holder.name,
                ...(holder.through ?? []),
                ...contents,
                ...unknownAccount,
                ...(widened?.expressions ?? []),
              ]),
            ),
          ),
          reason:
            `${who} ${holder.accountId === undefined ? `of stack ${holder.stack}, which may be of account ${accountId}` : `of account ${accountId}`}, named by a Terraform value this output does not know, holds ` +
            `${holder.policies.map((p) => p.policyName).join(', ')}` +
            (holder.through ? ` (through the group ${holder.through.join(', ')} may name)` : '') +
            ', which lets it in' +
            (contents.length > 0 ? ' for some contents of the policies this output does not define' : ''),
        },
        sets,
        () => [widened ? trial(arn, widened.policies, widened.role) : trial(arn, policies, role)],
      );
    }
    return undefined;
  }

  /** The role's trust policy widened for unknown values, once per document; undefined when it holds none. */
  private widenedTrust(role: GraphRole): Widened | undefined {
    let widened = this.widenedTrusts.get(role.trustPolicy);
    if (widened === undefined) {
      widened = widenTrust(role.trustPolicy) ?? null;
      this.widenedTrusts.set(role.trustPolicy, widened);
    }
    return widened ?? undefined;
  }

  /** The identity policies widened for unknown values, once per list; undefined when they hold none. */
  private widenedPolicies(policies: PolicyDocument[]): Widened | undefined {
    let widened = this.widened.get(policies);
    if (widened === undefined) {
      widened = widenIdentity(policies) ?? null;
      this.widened.set(policies, widened);
    }
    return widened ?? undefined;
  }

  /**
   * The admission of a caller for some values of the Terraform expressions its policies, the role's trust
   * policy or the role's name hold: the same pairs of statements, on the widened documents, for each role
   * ARN an unknown name could take that a grant covers. Undefined when nothing is unknown or nothing admits.
   */
  private widenedAdmission(
    role: GraphRole,
    caller: { arn: string; accountId?: string; policies: PolicyDocument[] },
    restrict?: { [key: string]: (string | undefined)[] },
  ): WidenedAdmission | undefined {
    const identity = this.widenedPolicies(caller.policies);
    const trust = this.widenedTrust(role);
    if (!identity && !trust && role.unresolvedRoleName === undefined && role.accountId !== undefined) return undefined;
    const policies = identity?.documents ?? caller.policies;
    const trustPolicy = trust?.documents[0] ?? role.trustPolicy;
    const expressions = sortStrings(
      Array.from(
        new Set([
          ...(identity?.expressions ?? []),
          ...(trust?.expressions ?? []),
          ...expressionsOf(role.unresolvedRoleName ?? ''),
          ...(role.accountId === undefined ? [`the account of stack ${role.stack}`] : []),
        ]),
      ),
    );
    for (const arn of roleArnsFor(role, policies)) {
      const widenedRole: GraphRole = { ...role, arn, trustPolicy };
      const admitted = this.admission(
        widenedRole,
        { arn: caller.arn, accountId: caller.accountId, policies },
        restrict,
      );
      if (admitted.context) return { ...admitted, context: admitted.context, role: widenedRole, policies, expressions };
    }
    return undefined;
  }

  /** `acs:ram::<account>:root` (one string per account, not one per row). */
  private rootOf(accountId: string | undefined): string {
    let root = this.roots.get(accountId);
    if (root === undefined) {
      root = `acs:ram::${accountId}:root`;
      this.roots.set(accountId, root);
    }
    return root;
  }

  /** `[role.trustPolicy]`, one list per role, for the statements split by effect. */
  private trustOf(role: GraphRole): PolicyDocument[] {
    let list = this.trustLists.get(role);
    if (!list) {
      list = [role.trustPolicy];
      this.trustLists.set(role, list);
    }
    return list;
  }

  /** The callers `acs:ram::<account>:user/x` and `:role/x`, which stand for the account's unnamed principals. */
  private classCallersOf(accountId: string): { arn: string; accountId?: string }[] {
    let callers = this.classCallers.get(accountId);
    if (!callers) {
      callers = ['user', 'role'].map((kind) => {
        const arn = `acs:ram::${accountId}:${kind}/x`;
        // The account as the ARN reads back (all digits here: accounts come from principals and stacks).
        return { arn, accountId: /^\d+$/.test(accountId) ? accountId : accountIdOf(arn) };
      });
      this.classCallers.set(accountId, callers);
    }
    return callers;
  }

  /** A row for a class of principals: evaluated like a caller holding `policies`. */
  private classRow(
    role: GraphRole,
    principal: string,
    kind: string,
    callers: { arn: string; accountId?: string }[],
    policies: PolicyDocument[],
    reason: string,
  ): AssumeResult {
    let decision = Decision.IMPLICIT_DENY;
    let allowedSets: Condition[][] | undefined;
    for (const { arn, accountId } of callers) {
      const admitted = this.admission(role, { arn, accountId, policies });
      // A pair that admits implies the whole documents allow (they hold the same Denies and more Allows).
      const one = admitted.context
        ? Decision.ALLOW
        : PolicyEvaluator.evaluateAssumeRole(policies, role.trustPolicy, arn, role.arn, NO_CONTEXT);
      if (one === Decision.ALLOW) {
        decision = Decision.ALLOW;
        for (const set of admitted.sets) (allowedSets ??= []).push(set);
      } else if (one === Decision.EXPLICIT_DENY && decision !== Decision.ALLOW) decision = Decision.EXPLICIT_DENY;
    }
    if (decision !== Decision.ALLOW) {
      for (const { arn, accountId } of callers) {
        const widened = this.widenedAdmission(role, { arn, accountId, policies });
        if (!widened) continue;
        const values = widened.expressions.join(', ');
        return remember(
          {
            principal,
            kind,
            decision: Decision.ALLOW,
            ...words(widened.sets),
            reachable: true,
            dependsOn: widened.expressions,
            reason: `${reason}; allowed for some values of ${values}, which this output does not know`,
          },
          widened.sets,
          () => [trial(arn, widened.policies, widened.role)],
        );
      }
    }
    const sets = allowedSets ? unique(allowedSets) : NO_SETS;
    return remember({ principal, kind, decision, ...words(sets), reachable: true, reason }, sets, () =>
      callers.map(({ arn }) => trial(arn, policies, role)),
    );
  }

  private compute(role: GraphRole): AssumeResult[] {
    const results: AssumeResult[] = [];
    for (const caller of this.callersFor(role)) {
      const row = this.callerRow(role, caller);
      if (row.decision === Decision.ALLOW) results.push(row);
      else if (!caller.rowIfAdmitted) results.push(caller.unknownAccount ? this.unplacedNo(role, caller, row) : row);
    }
    for (const accountId of this.graph.trustedAccountsOf(role)) {
      const root = this.rootOf(accountId);
      results.push({
        principal: root,
        kind: 'account-root',
        decision: PolicyEvaluator.evaluateAssumeRole(stsAll(), role.trustPolicy, root, role.arn, NO_CONTEXT),
        conditions: '',
        conditionSets: [],
        reachable: true,
        reason: 'an Alibaba Cloud account itself cannot call AssumeRole; only its RAM users and roles can',
      });
      if (this.graph.hasAccount(accountId)) {
        const row = this.classRow(
          role,
          `any other RAM user or role of ${accountId}`,
          'ungranted-user',
          this.classCallersOf(accountId),
          [],
          `holds no sts:AssumeRole permission in account ${accountId}`,
        );
        results.push(row, ...this.unknownHolderRows(role, accountId));
      } else {
        // Principals of the account the trust names one by one (user/x or role/x ARNs), when the account is not in the output.
        const named = new Set<string>();
        for (const s of this.graph.allowTrustOf(role)) {
          for (const p of s.principals) {
            if (p.type === PrincipalType.RAM && p.accountId === accountId && !p.identifier.endsWith(':root')) {
              named.add(p.identifier);
            }
          }
        }
        const classCallers = this.classCallersOf(accountId);
        results.push(
          this.classRow(
            role,
            `RAM users and roles of ${accountId} that it grants sts:AssumeRole on this role`,
            'external-account',
            named.size === 0
              ? classCallers
              : [...classCallers, ...Array.from(named, (arn) => ({ arn, accountId: accountIdOf(arn) }))],
            stsAll(),
            `account ${accountId} is not in this output, so its own grants are not known here`,
          ),
        );
      }
    }
    results.push(
      this.classRow(
        role,
        'any RAM user or role of another account (even one holding AliyunSTSAssumeRoleAccess)',
        'unrelated-account',
        this.classCallersOf(UNRELATED_ACCOUNT),
        stsAll(),
        'the trust policy does not name its account',
      ),
    );
    return results;
  }
}

/** The evaluator's inputs for `callerArn` holding `policies` and the role (AccessDiff asks them again). */
function trial(callerArn: string, policies: PolicyDocument[], role: GraphRole): Trial {
  return { callerArn, policies, trustPolicy: role.trustPolicy, roleArn: role.arn };
}

/** Why a caller let in only with MFA cannot get in through this output's requests. */
function mfaOnlyReason(arn: string): string {
  return (
    `${arn} gets in only with acs:MFAPresent true (an MFA sign-in), but it has no console login in ` +
    'this output (alicloud_ram_login_profile), and its AccessKey API calls never carry MFA; a console login ' +
    'made outside this output would let it in'
  );
}

/** The account of a RAM ARN, as the class rows read it. */
function accountIdOf(arn: string): string | undefined {
  return /^acs:ram::(\d+):/.exec(arn)?.[1];
}
