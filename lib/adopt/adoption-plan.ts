import {
  Condition,
  ConditionKey,
  ConditionOperator,
  Effect,
  PolicyDocument,
  PolicyStatement,
  Principal,
} from '../policy';
import { conditionIdentity } from '../policy/condition';
import { buildTrustPolicy, roleConditions, trustProblems, TrustSpec } from '../ram/trust-policy';
import { RecordedAccount, RecordedAttachment, RecordedPolicy, RecordedUser } from './recorded-account';

/** A role the constructs reproduce exactly: its trust is `trust`, its policies attached as recorded. */
export interface RolePlan {
  readonly roleName: string;
  readonly description?: string;
  readonly maxSessionDuration?: number;
  readonly trust: TrustSpec;
  readonly systemPolicies: string[];
  readonly customPolicies: string[];
}

/** A role left out: its trust policy is kept as recorded, with the reason. */
export interface SkippedRole {
  readonly roleName: string;
  readonly trustJson: string;
  readonly why: string;
}

/** An `AssumeRoleUserGrant` that reproduces a recorded AssumeRole policy and where it is attached. */
export interface GrantPlan {
  readonly policyName: string;
  readonly roleArn: string;
  readonly requireMfa: boolean;
  readonly allowedSourceIps?: string[];
  /** Users this grant adopts (each user is adopted by one grant only). */
  readonly users: RecordedUser[];
  /** Users adopted by an earlier grant, or left unmanaged. */
  readonly userNames: string[];
  readonly groupName?: string;
}

/** A policy attachment no construct expresses (a system policy on a user, a second holder of a grant policy, ...). */
export interface AttachmentPlan {
  readonly holder: 'user' | 'group';
  readonly holderName: string;
  readonly policyName: string;
  readonly policyType: 'System' | 'Custom';
}

/** A group membership no grant expresses. */
export interface MembershipPlan {
  readonly groupName: string;
  readonly userName: string;
}

/** What the adopted app of one account holds. */
export interface AccountPlan {
  readonly stackId: string;
  readonly accountId: string;
  /** Custom policies other than the grants' AssumeRole policies, kept as recorded (`PolicyDocument.fromJson`). */
  readonly customPolicies: RecordedPolicy[];
  readonly roles: RolePlan[];
  readonly skippedRoles: SkippedRole[];
  readonly grants: GrantPlan[];
  readonly attachments: AttachmentPlan[];
  readonly memberships: MembershipPlan[];
}

/** How the roles of the trust policies expressing the recorded one; or why they cannot. */
export function trustOf(
  roleName: string,
  accountId: string,
  trustJson: string,
): { trust: TrustSpec } | { why: string } {
  let recorded: PolicyDocument;
  try {
    recorded = PolicyDocument.fromJson(trustJson);
  } catch (e) {
    return { why: `it is not a document this library parses (${(e as Error).message.replace(/\n/g, '; ')})` };
  }
  const statements = recorded.statements;
  const odd = statements.find(
    (s) =>
      s.effect !== Effect.ALLOW ||
      s.notActions.length > 0 ||
      s.actions.length !== 1 ||
      s.actions[0] !== 'sts:AssumeRole' ||
      s.principals.length === 0 ||
      s.hasResources,
  );
  if (odd) {
    return { why: 'a statement is not "Allow sts:AssumeRole" for principals (CrossAccountRole writes only those)' };
  }
  const common = statements
    .map((s) => s.conditions)
    .reduce((kept, conditions) => kept.filter((c) => conditions.some((d) => d.sameAs(c))));
  const external = common.find(
    (c) =>
      c.operator === ConditionOperator.STRING_EQUALS && c.key === ConditionKey.EXTERNAL_ID && c.values.length === 1,
  );
  const mfa = common.find(
    (c) =>
      c.operator === ConditionOperator.BOOL &&
      c.key === ConditionKey.MFA_PRESENT &&
      c.values.length === 1 &&
      c.values[0] === 'true',
  );
  const ips = common.find((c) => c.operator === ConditionOperator.IP_ADDRESS && c.key === ConditionKey.SOURCE_IP);
  const roleWide = [external, mfa, ips].filter((c): c is Condition => c !== undefined).map(conditionIdentity);
  const accounts: string[] = [];
  const principals: Principal[] = [];
  for (const statement of statements) {
    const own = statement.conditions.filter((c) => !roleWide.includes(conditionIdentity(c)));
    for (const principal of statement.principals) {
      const root = /^acs:ram::(\d{16}):root$/.exec(principal.identifier);
      if (root && own.length === 0) accounts.push(root[1]);
      else principals.push(Principal.fromIdentifier(principal.type, principal.identifier).withConditions(...own));
    }
  }
  const trust: TrustSpec = {
    trustedAccountIds: accounts.length > 0 ? accounts : undefined,
    trustedPrincipals: principals.length > 0 ? principals : undefined,
    externalId: external?.values[0],
    requireMfa: mfa !== undefined ? true : undefined,
    allowedSourceIps: ips?.values,
  };
  const identity = { roleName, accountId };
  const problems = trustProblems(trust, identity);
  if (problems.length > 0) return { why: `CrossAccountRole refuses it: ${problems.join('; ')}` };
  if (buildTrustPolicy(trust, identity).toJsonString() !== recorded.toJsonString()) {
    return { why: 'CrossAccountRole would write a different document for the same principals' };
  }
  return { trust };
}

/** The AssumeRole grant a custom policy is, when `AssumeRoleUserGrant` writes exactly that document. */
export function grantOf(
  policy: RecordedPolicy,
): { roleArn: string; requireMfa: boolean; allowedSourceIps?: string[] } | undefined {
  const statements = policy.document.statements;
  if (statements.length !== 1 || statements[0].resources.length !== 1) return undefined;
  const statement = statements[0];
  const has = (operator: string, key: string) =>
    statement.conditions.find((c) => c.operator === operator && c.key === key);
  const spec = {
    requireMfa: has(ConditionOperator.BOOL, ConditionKey.MFA_PRESENT) !== undefined,
    allowedSourceIps: has(ConditionOperator.IP_ADDRESS, ConditionKey.SOURCE_IP)?.values,
  };
  const roleArn = statement.resources[0];
  const expected = new PolicyDocument([
    new PolicyStatement({ actions: ['sts:AssumeRole'], resources: [roleArn], conditions: roleConditions(spec) }),
  ]);
  if (!/^acs:ram::\d{16}:role\/[A-Za-z0-9.-]{1,64}$/.test(roleArn)) return undefined;
  return expected.toJsonString() === policy.document.toJsonString() ? { roleArn, ...spec } : undefined;
}

/** Decides which construct reproduces each recorded object of one account. */
export function planAccount(account: RecordedAccount): AccountPlan {
  const roleCustom = new Set(account.roles.flatMap((r) => r.policies.filter(isCustom).map((p) => p.policyName)));
  const grantPolicies = new Map<string, ReturnType<typeof grantOf>>();
  for (const policy of account.customPolicies.values()) {
    const grant = roleCustom.has(policy.policyName) ? undefined : grantOf(policy);
    if (grant) grantPolicies.set(policy.policyName, grant);
  }

  const roles: RolePlan[] = [];
  const skippedRoles: SkippedRole[] = [];
  for (const role of account.roles) {
    const result = trustOf(role.roleName, account.accountId, role.trustJson);
    if ('why' in result) {
      skippedRoles.push({ roleName: role.roleName, trustJson: role.trustJson, why: result.why });
      continue;
    }
    roles.push({
      roleName: role.roleName,
      description: role.description,
      maxSessionDuration: role.maxSessionDuration,
      trust: result.trust,
      systemPolicies: role.policies.filter((p) => !isCustom(p)).map((p) => p.policyName),
      customPolicies: role.policies.filter(isCustom).map((p) => p.policyName),
    });
  }

  const grants: GrantPlan[] = [];
  const attachments: AttachmentPlan[] = [];
  const memberships: MembershipPlan[] = [];
  const adoptedUsers = new Set<string>();
  const grantGroups = new Set<string>();
  const usersOf = (names: string[]) => {
    const users = account.users.filter((u) => names.includes(u.userName) && !adoptedUsers.has(u.userName));
    users.forEach((u) => adoptedUsers.add(u.userName));
    return { users, userNames: names.filter((n) => !users.some((u) => u.userName === n)) };
  };
  for (const [policyName, grant] of grantPolicies) {
    const direct = account.users.filter((u) => u.policies.some((p) => isCustom(p) && p.policyName === policyName));
    const groups = Array.from(account.groupPolicies)
      .filter(([, list]) => list.some((p) => isCustom(p) && p.policyName === policyName))
      .map(([group]) => group);
    const viaGroup: string | undefined = direct.length > 0 ? undefined : groups.find((g) => !grantGroups.has(g));
    if (direct.length === 0 && viaGroup === undefined) {
      // Only on groups that hold another grant already: kept as a custom policy with plain attachments.
      grantPolicies.delete(policyName);
      continue;
    }
    if (direct.length > 0) {
      grants.push({
        policyName,
        ...grant!,
        ...usersOf(direct.map((u) => u.userName)),
      });
    } else {
      const members = account.users.filter((u) => u.groups.includes(viaGroup!)).map((u) => u.userName);
      grantGroups.add(viaGroup!);
      grants.push({
        policyName,
        ...grant!,
        ...usersOf(members),
        groupName: viaGroup,
      });
    }
    for (const group of groups.filter((g) => g !== viaGroup)) {
      attachments.push({ holder: 'group', holderName: group, policyName, policyType: 'Custom' });
    }
  }
  for (const user of account.users) {
    for (const p of user.policies.filter((p) => !(isCustom(p) && grantPolicies.has(p.policyName)))) {
      attachments.push({
        holder: 'user',
        holderName: user.userName,
        policyName: p.policyName,
        policyType: p.policyType,
      });
    }
    for (const group of user.groups.filter((g) => !grantGroups.has(g))) {
      memberships.push({ groupName: group, userName: user.userName });
    }
  }
  for (const [group, list] of account.groupPolicies) {
    for (const p of list.filter((p) => !(isCustom(p) && grantPolicies.has(p.policyName)))) {
      attachments.push({ holder: 'group', holderName: group, policyName: p.policyName, policyType: p.policyType });
    }
  }
  const customPolicies = Array.from(account.customPolicies.values()).filter((p) => !grantPolicies.has(p.policyName));
  return {
    stackId: account.folder,
    accountId: account.accountId,
    customPolicies,
    roles,
    skippedRoles,
    grants,
    attachments,
    memberships,
  };
}

function isCustom(attachment: RecordedAttachment): boolean {
  return attachment.policyType === 'Custom';
}
