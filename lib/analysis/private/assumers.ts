import { Condition, ConditionKey, Effect, PolicyDocument, PolicyStatement, PrincipalType } from '../../policy';
import { conditionIdentity } from '../../policy/condition';
import { addTo } from '../../policy/private/multimap';
import type { AccessGraph } from '../access-graph';
import { Decision } from '../decision';
import { AssumeResult, GraphRole, GraphUser } from '../graph-model';
import { PolicyEvaluator } from '../policy-evaluator';
import { SystemPolicies } from '../system-policies';
import { describeConditions } from './describe';
import { coversAssumeRole, globMatches } from './glob';
import { candidateContexts } from './satisfying-context';

/** An account that appears nowhere in any output: stands for "any other account". */
const UNRELATED_ACCOUNT = '0000000000000000';

/** What an API call of a user without console login can send for `acs:MFAPresent`: nothing, or false. */
const API_CALL: { [key: string]: (string | undefined)[] } = { [ConditionKey.MFA_PRESENT]: [undefined, 'false'] };

/** The condition sets (as conditions) of each result, for AccessDiff's comparison by identity, not words. */
const SETS = new WeakMap<AssumeResult, Condition[][]>();

/** The condition sets under which a result's principal gets in, as conditions (empty when denied). */
export function conditionSetsOf(result: AssumeResult): Condition[][] {
  return SETS.get(result) ?? [];
}

/** A caller the assumer computation evaluates: a user or a role session of the output. */
interface Caller {
  readonly arn: string;
  readonly accountId?: string;
  readonly kind: 'user' | 'role';
  readonly policies: PolicyDocument[];
  /** Values the caller can send for some keys (users without console login: no MFA). */
  readonly restrict?: { [key: string]: (string | undefined)[] };
}

/** What the pairs of statements say for one caller. */
interface Admission {
  readonly sets: Condition[][];
  readonly context?: { [key: string]: string[] };
}

function stsAll(): PolicyDocument {
  return SystemPolicies.lookup('AliyunSTSAssumeRoleAccess')!.document;
}

/** Does a trust statement name this caller (its account's root, or its own ARN)? (ram-policy-reference §2.3) */
function names(statement: PolicyStatement, arn: string, root: string): boolean {
  return statement.principals.some(
    (p) => p.type === PrincipalType.RAM && (p.identifier === arn || p.identifier === root),
  );
}

/**
 * Could an identity statement cover `sts:AssumeRole` on the role? A superset of the evaluator's
 * matching (resources compared without case), used only to skip statements that cannot matter.
 */
function mayCover(statement: PolicyStatement, roleArn: string): boolean {
  const action =
    statement.notActions.length > 0
      ? !statement.notActions.some((a) => globMatches(a, 'sts:AssumeRole', false))
      : statement.actions.some(coversAssumeRole);
  return action && statement.resources.some((r) => globMatches(r, roleArn, false));
}

function unique(sets: Condition[][]): Condition[][] {
  if (sets.length <= 1) return [...sets]; // nothing to merge or order (most rows: no set, or one)
  const seen = new Map<string, Condition[]>();
  for (const set of sets) seen.set(set.map(conditionIdentity).sort().join('\u0000'), set);
  return Array.from(seen.entries())
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, set]) => set);
}

/** Words of the condition sets: `""` for one unconditional set, otherwise each set in parentheses. */
function words(sets: Condition[][]): { conditions: string; conditionSets: string[] } {
  if (sets.length === 0) return { conditions: '', conditionSets: [] };
  const conditionSets = Array.from(new Set(sets.map(describeConditions))).sort();
  const conditions =
    conditionSets.length <= 1
      ? (conditionSets[0] ?? '')
      : conditionSets.map((w) => `(${w || 'no condition'})`).join(' or ');
  return { conditions, conditionSets };
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

  constructor(private readonly graph: AccessGraph) {}

  /** The rows of a role, with the chains of one more hop for roles that can assume it. */
  public assumersOf(role: GraphRole): AssumeResult[] {
    return this.directRows(role).map((row) => {
      if (row.kind !== 'role' || row.decision !== Decision.ALLOW) return row;
      const caller = this.graph.role(row.principal);
      if (!caller) return row;
      const via = this.entrantsOf(caller)
        .filter((who) => who !== `role ${caller.arn}`) // a role assuming itself adds no one
        .map((who) => `${who} → role ${caller.arn} → role ${role.arn}`);
      const withVia = { ...row, via };
      SETS.set(withVia, conditionSetsOf(row));
      return withVia;
    });
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
      const named = this.graph
        .identityPoliciesOf(user)
        .flatMap((d) => d.statements)
        .filter((s) => s.effect === Effect.ALLOW)
        .flatMap((s) => s.resources);
      for (const arn of new Set(named)) addTo(this.usersByGrantedRole, arn, user);
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
    const users = new Set<GraphUser>([
      ...accounts.flatMap((a) => this.usersByAccount!.get(a) ?? []),
      ...(this.usersByGrantedRole!.get(role.arn) ?? []),
    ]);
    const roles = accounts.flatMap((a) => this.rolesByAccount!.get(a) ?? []);
    const callers: Caller[] = [
      ...Array.from(users).map((u) => ({
        arn: u.arn,
        accountId: u.accountId,
        kind: 'user' as const,
        policies: this.graph.identityPoliciesOf(u),
        restrict: u.createdHere && !u.consoleLogin ? API_CALL : undefined,
      })),
      ...roles.map((r) => ({
        arn: r.arn,
        accountId: r.accountId,
        kind: 'role' as const,
        policies: this.graph.policyDocumentsOf(r),
      })),
    ];
    return callers.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
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
    const root = `acs:ram::${caller.accountId}:root`;
    const trust = this.graph.allowTrustOf(role).filter((s) => names(s, caller.arn, root));
    // No trust statement names the caller: no pair can admit it (the evaluator's decision is asked by the rows).
    if (trust.length === 0) return { sets: [] };
    const trustDeny = role.trustPolicy.statements.filter((s) => s.effect === Effect.DENY);
    const statements = caller.policies.flatMap((d) => d.statements);
    const grants = statements.filter((s) => s.effect === Effect.ALLOW && mayCover(s, role.arn));
    const grantDeny = statements.filter((s) => s.effect === Effect.DENY);
    const denyConditions = [...trustDeny, ...grantDeny].flatMap((s) => s.conditions);
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
        for (const context of candidateContexts([...set, ...denyConditions], restrict)) {
          const decision = PolicyEvaluator.evaluateAssumeRole(grantDocs, trustDoc, caller.arn, role.arn, context);
          if (decision === Decision.ALLOW) {
            sets.push(set);
            admitting ??= context;
            break;
          }
        }
      }
    }
    return { sets: unique(sets), context: admitting };
  }

  /** One row for a caller of the output. */
  private callerRow(role: GraphRole, caller: Caller): AssumeResult {
    const admitted = this.admission(role, caller);
    const context = admitted.context ?? {};
    const explained = PolicyEvaluator.explainAssumeRole(
      caller.policies,
      role.trustPolicy,
      caller.arn,
      role.arn,
      context,
    );
    let reachable = true;
    let unreachableReason: string | undefined;
    if (explained.decision === Decision.ALLOW && caller.restrict) {
      const viaApi = this.admission(role, caller, caller.restrict);
      if (viaApi.sets.length === 0) {
        reachable = false;
        unreachableReason =
          `${caller.arn} gets in only with acs:MFAPresent true (an MFA sign-in), but it has no console login in ` +
          'this output (alicloud_ram_login_profile), and its AccessKey API calls never carry MFA';
      }
    }
    const sets = explained.decision === Decision.ALLOW ? admitted.sets : [];
    const result: AssumeResult = {
      principal: caller.arn,
      kind: caller.kind,
      decision: explained.decision,
      ...words(sets),
      reachable,
      ...(unreachableReason ? { unreachableReason } : {}),
      reason: unreachableReason ? `${explained.reason}, but the request can never be sent` : explained.reason,
    };
    SETS.set(result, sets);
    return result;
  }

  /** A row for a class of principals: evaluated like a caller holding `policies`. */
  private classRow(
    role: GraphRole,
    principal: string,
    kind: string,
    callerArns: string[],
    policies: PolicyDocument[],
    reason: string,
  ): AssumeResult {
    const results = callerArns.map((arn) => {
      const accountId = /^acs:ram::(\d+):/.exec(arn)?.[1];
      const admitted = this.admission(role, { arn, accountId, policies });
      // A pair that admits implies the whole documents allow (they hold the same Denies and more Allows).
      const decision = admitted.context
        ? Decision.ALLOW
        : PolicyEvaluator.evaluateAssumeRole(policies, role.trustPolicy, arn, role.arn, {});
      return { decision, sets: decision === Decision.ALLOW ? admitted.sets : [] };
    });
    const allowed = results.filter((r) => r.decision === Decision.ALLOW);
    const decision =
      allowed.length > 0
        ? Decision.ALLOW
        : results.some((r) => r.decision === Decision.EXPLICIT_DENY)
          ? Decision.EXPLICIT_DENY
          : Decision.IMPLICIT_DENY;
    const sets = unique(allowed.flatMap((r) => r.sets));
    const result: AssumeResult = { principal, kind, decision, ...words(sets), reachable: true, reason };
    SETS.set(result, sets);
    return result;
  }

  private compute(role: GraphRole): AssumeResult[] {
    const results: AssumeResult[] = this.callersFor(role).map((caller) => this.callerRow(role, caller));
    for (const accountId of this.graph.trustedAccountsOf(role)) {
      const root = `acs:ram::${accountId}:root`;
      results.push({
        principal: root,
        kind: 'account-root',
        decision: PolicyEvaluator.evaluateAssumeRole([stsAll()], role.trustPolicy, root, role.arn, {}),
        conditions: '',
        conditionSets: [],
        reachable: true,
        reason: 'an Alibaba Cloud account itself cannot call AssumeRole; only its RAM users and roles can',
      });
      // Principals of the account the trust names one by one (user/x or role/x ARNs), when the account is not in the output.
      const named = this.graph
        .allowTrustOf(role)
        .flatMap((s) => s.principals)
        .filter((p) => p.type === PrincipalType.RAM && p.accountId === accountId && !p.identifier.endsWith(':root'))
        .map((p) => p.identifier);
      if (this.graph.hasAccount(accountId)) {
        results.push(
          this.classRow(
            role,
            `any other RAM user or role of ${accountId}`,
            'ungranted-user',
            [`acs:ram::${accountId}:user/x`, `acs:ram::${accountId}:role/x`],
            [],
            `holds no sts:AssumeRole permission in account ${accountId}`,
          ),
        );
      } else {
        results.push(
          this.classRow(
            role,
            `RAM users and roles of ${accountId} that it grants sts:AssumeRole on this role`,
            'external-account',
            [`acs:ram::${accountId}:user/x`, `acs:ram::${accountId}:role/x`, ...new Set(named)],
            [stsAll()],
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
        [`acs:ram::${UNRELATED_ACCOUNT}:user/x`, `acs:ram::${UNRELATED_ACCOUNT}:role/x`],
        [stsAll()],
        'the trust policy does not name its account',
      ),
    );
    return results;
  }
}
