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
}

/** Problems with the trust inputs, each naming the property and value. */
export function trustProblems(spec: TrustSpec): string[] {
  const problems: string[] = [];
  const accounts = spec.trustedAccountIds ?? [];
  const principals = spec.trustedPrincipals ?? [];
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
export function buildTrustPolicy(spec: TrustSpec): PolicyDocument {
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
