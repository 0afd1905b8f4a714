import { Condition, ConditionKey, PolicyDocument, PolicyStatement, Principal, PrincipalType } from '../policy';
import { isIpOrCidr } from '../policy/private/ip';
import { checkAccountId, checkExternalId, checkNonEmptyList } from '../policy/private/checks';
import { quote } from '../policy/private/expression';
import { addTo } from '../policy/private/multimap';

/** What a trust policy is built from (the trust part of `CrossAccountRoleProps`). */
export interface TrustSpec {
  readonly trustedAccountIds?: string[];
  readonly trustedPrincipals?: Principal[];
  readonly externalId?: string;
  readonly requireMfa?: boolean;
  readonly allowedSourceIps?: string[];
  readonly revoked?: boolean;
}

/** Who the role is, as far as its trust policy needs to know: its name, and its account when known. */
export interface RoleIdentity {
  readonly roleName: string;
  readonly accountId?: string;
}

/** Problems with the trust inputs, each naming the property and value. */
export function trustProblems(spec: TrustSpec, role: RoleIdentity): string[] {
  const problems: string[] = [];
  const accounts = spec.trustedAccountIds ?? [];
  const principals = spec.trustedPrincipals ?? [];
  if (spec.revoked) {
    if (accounts.length > 0 || principals.length > 0) {
      problems.push(
        `revoked is true but trustedAccountIds/trustedPrincipals name ${[...accounts, ...principals.map((p) => p.identifier)].map(quote).join(', ')} ` +
          '(a revoked role trusts no one: leave them empty, or set revoked to false to trust them)',
      );
    }
    if (role.accountId === undefined) {
      problems.push(
        "revoked is true but the role's account is unknown (give ownerAccountId, or create the role in an AccountStack " +
          'with its own provider: the revoked trust policy names the role itself, acs:ram::<owner>:role/<name>)',
      );
    }
    return problems;
  }
  if (accounts.length === 0 && principals.length === 0) {
    problems.push(
      'no trusted entity (give trustedAccountIds or trustedPrincipals: a role nobody can assume is useless)',
    );
  }
  accounts.forEach((id, i) => {
    if (id.includes('*')) {
      problems.push(
        `trustedAccountIds[${i}] ${quote(id)} is a wildcard (trust named accounts only; "*" would let any account in)`,
      );
    } else {
      problems.push(...checkAccountId(`trustedAccountIds[${i}]`, id));
    }
  });
  problems.push(...selfTrustProblems(accounts, principals, role.accountId));
  problems.push(...conditionInputProblems(spec));
  const roleConditions = spec.requireMfa || spec.externalId !== undefined || spec.allowedSourceIps !== undefined;
  const services = principals.filter((p) => p.type === PrincipalType.SERVICE);
  if (roleConditions && services.length > 0) {
    problems.push(
      `trustedPrincipals ${services.map((p) => quote(p.identifier)).join(', ')} are services, which carry no MFA, ` +
        'source IP or external ID (requireMfa, allowedSourceIps and externalId apply to accounts and RAM principals; ' +
        'put services in a role of their own)',
    );
  }
  return problems;
}

/**
 * A cross-account role must not trust its own account: `acs:ram::<owner>:root` would let every RAM user
 * and role of the owner that holds `sts:AssumeRole` on `*` (such as `AliyunSTSAssumeRoleAccess`) in, and
 * a principal of the owner is no partner (ram-policy-reference §2.3).
 */
function selfTrustProblems(accounts: string[], principals: Principal[], owner: string | undefined): string[] {
  if (owner === undefined) return [];
  const rule =
    '(a CrossAccountRole trusts other accounts: trusting its own account lets in every RAM user and role of it ' +
    'that holds sts:AssumeRole on "*"; to revoke every partner, set revoked: true)';
  return [
    ...accounts.flatMap((id, i) =>
      id === owner ? [`trustedAccountIds[${i}] ${quote(id)} is the role's own account (ownerAccountId) ${rule}`] : [],
    ),
    ...principals.flatMap((p, i) =>
      p.accountId === owner
        ? [`trustedPrincipals[${i}] ${quote(p.identifier)} belongs to the role's own account ${quote(owner)} ${rule}`]
        : [],
    ),
  ];
}

/** Problems with the inputs that become conditions (`externalId`, `allowedSourceIps`). */
export function conditionInputProblems(spec: TrustSpec): string[] {
  const problems = [
    ...checkExternalId('externalId', spec.externalId),
    ...checkNonEmptyList('allowedSourceIps', spec.allowedSourceIps),
  ];
  (spec.allowedSourceIps ?? []).forEach((ip, i) => {
    if (!isIpOrCidr(ip)) problems.push(`allowedSourceIps[${i}] ${quote(ip)} is not an IP address or CIDR block`);
  });
  return problems;
}

/** The conditions every trust statement carries. */
export function roleConditions(spec: TrustSpec): Condition[] {
  const conditions: Condition[] = [];
  // ram-policy-reference §3.3: StringEquals on sts:ExternalId, at statement level.
  if (spec.externalId !== undefined)
    conditions.push(Condition.stringEquals(ConditionKey.EXTERNAL_ID, [spec.externalId]));
  if (spec.requireMfa) conditions.push(Condition.bool(ConditionKey.MFA_PRESENT, true));
  if (spec.allowedSourceIps !== undefined)
    conditions.push(Condition.ipAddress(ConditionKey.SOURCE_IP, spec.allowedSourceIps));
  return conditions;
}

/**
 * The trust policy: one `sts:AssumeRole` statement for each distinct set of principal conditions,
 * each with the role-wide conditions. Whole accounts become `acs:ram::<id>:root`.
 */
export function buildTrustPolicy(spec: TrustSpec, role: RoleIdentity): PolicyDocument {
  if (spec.revoked) return revokedTrustPolicy(role);
  const principals = [
    ...Array.from(new Set(spec.trustedAccountIds ?? [])).map((id) => Principal.account(id)),
    ...(spec.trustedPrincipals ?? []),
  ];
  const groups = new Map<string, Principal[]>();
  for (const principal of principals) {
    addTo(groups, principal.conditionsKey, principal);
  }
  const conditions = roleConditions(spec);
  return new PolicyDocument(
    Array.from(groups.values()).map(
      (group) => new PolicyStatement({ actions: ['sts:AssumeRole'], principals: group, conditions }),
    ),
  );
}

/**
 * The trust policy of a revoked role: one Allow statement whose only principal is the role itself,
 * `acs:ram::<owner>:role/<name>`, meaning sessions of that role (ram-policy-reference §2.3, §3.2).
 * To assume the role a caller must already hold a session of it, and nobody can get a new one: no
 * account root, so no RAM user or role of the owner (even with `AliyunSTSAssumeRoleAccess`) and no
 * partner matches. A trust policy must name a principal (§3.1), and the role exists when the document
 * is written (UpdateRole), so RAM's existence check of named principals is met.
 */
function revokedTrustPolicy(role: RoleIdentity): PolicyDocument {
  return new PolicyDocument([
    new PolicyStatement({
      actions: ['sts:AssumeRole'],
      principals: [Principal.ramRole(role.accountId!, role.roleName)],
    }),
  ]);
}
