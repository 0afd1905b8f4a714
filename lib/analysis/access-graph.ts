import { Effect, PolicyDocument, PolicyStatement, PrincipalType } from '../policy';
import {
  AssumeResult,
  GraphAcknowledgement,
  GraphGroup,
  GraphRole,
  GraphStack,
  GraphUser,
  PermissionSummary,
} from './graph-model';
import { buildGraph, scopeOf } from './private/graph-builder';
import { AssumerComputation } from './private/assumers';
import { withoutUCloudStacks } from './private/foreign-stacks';
import { readSynthOutput } from './private/synth-reader';
import { permissionSummaries } from './private/permissions';
import { sortStrings } from './private/sort';

/** The value cached for `key`, computed once. */
function cached<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/**
 * Who can assume which role, and what each role may do, read from synthesized output only
 * (`cdktf.out`): roles and trust policies, custom and system policies, attachments, users, groups and
 * memberships of every stack. Both sides of a grant are taken into account when both accounts are in
 * the output.
 */
export class AccessGraph {
  /** Reads `<dir>/manifest.json` and every stack; throws an error whose one-line message names the file and the problem. */
  public static fromSynthOutput(dir: string): AccessGraph {
    return new AccessGraph(readSynthOutput(dir));
  }

  /** The stacks, with the accounts they manage. */
  public readonly stacks: GraphStack[];
  /** Every role the output defines, sorted by ARN. */
  public readonly roles: GraphRole[];
  /** Every user the output creates or names, sorted by ARN. */
  public readonly users: GraphUser[];
  /** Every group the output creates or names. */
  public readonly groups: GraphGroup[];
  /** Findings acknowledged in code. */
  public readonly acknowledgements: GraphAcknowledgement[];
  /** One line for each stack the graph leaves out or reads in part (UCloud stacks), for the report and the CLI. */
  public readonly notes: string[];
  private readonly groupIndex = new Map<string, GraphGroup>();
  private readonly roleIndex = new Map<string, GraphRole>();
  private readonly userIndex = new Map<string, GraphUser>();
  private readonly identityCache = new Map<GraphUser, PolicyDocument[]>();
  private readonly assumerCache = new Map<GraphRole, AssumeResult[]>();
  private readonly allowTrustCache = new Map<GraphRole, PolicyStatement[]>();
  private readonly trustedCache = new Map<GraphRole, string[]>();
  /** One list per role: the assumer computation keeps what it derives from a list by the list. */
  private readonly documentsCache = new Map<GraphRole, PolicyDocument[]>();
  private readonly assumers: AssumerComputation;

  private constructor(raws: ReturnType<typeof readSynthOutput>) {
    const { analysed, notes } = withoutUCloudStacks(raws);
    const parts = buildGraph(analysed);
    this.notes = notes;
    this.stacks = parts.stacks;
    this.roles = parts.roles.sort((a, b) => (a.arn < b.arn ? -1 : 1));
    this.users = parts.users.sort((a, b) => (a.arn < b.arn ? -1 : 1));
    this.groups = parts.groups;
    this.acknowledgements = parts.acknowledgements;
    for (const group of this.groups)
      this.groupIndex.set(`${scopeOf(group.stack, group.accountId)}\u0000${group.groupName}`, group);
    for (const role of this.roles) this.roleIndex.set(role.arn, role);
    for (const user of this.users) this.userIndex.set(user.arn, user);
    this.assumers = new AssumerComputation(
      this,
      parts.unknownHolders,
      parts.unknownLogins,
      parts.possible,
      parts.possibleLogins,
    );
  }

  /** The role with this ARN, if the output defines it. */
  public role(arn: string): GraphRole | undefined {
    return this.roleIndex.get(arn);
  }

  /** The user with this ARN, if the output names it. */
  public user(arn: string): GraphUser | undefined {
    return this.userIndex.get(arn);
  }

  /** Whether the output has a stack for this account. */
  public hasAccount(accountId: string): boolean {
    return this.stacks.some((s) => s.accounts.includes(accountId));
  }

  /** A user's identity policies: its own and those of its groups (ram-policy-reference §2.1). */
  public identityPoliciesOf(user: GraphUser): PolicyDocument[] {
    return cached(this.identityCache, user, () => {
      const groups = user.groups
        .map((name) => this.groupIndex.get(`${scopeOf(user.stack, user.accountId)}\u0000${name}`))
        .filter((g) => g !== undefined);
      return [...user.policies, ...groups.flatMap((g) => g.policies)].flatMap((p) => (p.document ? [p.document] : []));
    });
  }

  /**
   * Who can assume the role, and who cannot: the users and roles of the trusted accounts and every user
   * whose own policies name this role (each against each trust statement that could admit it, with the
   * condition sets that do), the trusted accounts themselves (never), the other users and roles of
   * trusted accounts, and an unrelated account (which stands for every other principal).
   */
  public assumersOf(role: GraphRole): AssumeResult[] {
    // Looked up without `cached`: these are asked per role by several rules, and a closure per ask adds up.
    let rows = this.assumerCache.get(role);
    if (rows === undefined) this.assumerCache.set(role, (rows = this.assumers.assumersOf(role)));
    return rows;
  }

  /** The accounts the role's Allow trust statements name (by root, user or role). */
  public trustedAccountsOf(role: GraphRole): string[] {
    let accounts = this.trustedCache.get(role);
    if (accounts === undefined) this.trustedCache.set(role, (accounts = trustedAccounts(this.allowTrustOf(role))));
    return accounts;
  }

  /** The Allow statements of the role's trust policy. */
  public allowTrustOf(role: GraphRole): PolicyStatement[] {
    let allows = this.allowTrustCache.get(role);
    if (allows === undefined) {
      allows = role.trustPolicy.statements.filter((s) => s.effect === Effect.ALLOW);
      this.allowTrustCache.set(role, allows);
    }
    return allows;
  }

  /**
   * What the role may do, grouped by resource pattern, from the documents of its policies. Computed on
   * each call (a report asks once per role): kept for the whole report, 5,000 roles' summaries were
   * copied by every young-generation collection for nothing.
   */
  public permissionsOf(role: GraphRole): PermissionSummary[] {
    return permissionSummaries(role, true);
  }

  /** The documents of the role's policies that the output or the system-policy table knows. */
  public policyDocumentsOf(role: GraphRole): PolicyDocument[] {
    let documents = this.documentsCache.get(role);
    if (documents === undefined) {
      documents = role.policies.flatMap((p) => (p.document ? [p.document] : []));
      this.documentsCache.set(role, documents);
    }
    return documents;
  }
}

/** Accounts named by RAM principals of the trust statements (root, user or role of the account). */
function trustedAccounts(statements: PolicyStatement[]): string[] {
  // Most trust policies name one account or a few: a list searched, a set past a handful (linear either way).
  const accounts: string[] = [];
  let seen: Set<string> | undefined;
  for (const s of statements) {
    for (const p of s.principals) {
      const id = p.accountId;
      if (p.type !== PrincipalType.RAM || id === undefined) continue;
      if (seen === undefined && accounts.length > 8) seen = new Set(accounts);
      if (seen ? seen.has(id) : accounts.includes(id)) continue;
      accounts.push(id);
      seen?.add(id);
    }
  }
  return sortStrings(accounts);
}
