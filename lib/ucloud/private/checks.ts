import { isTerraformExpression, quote } from '../../policy/private/expression';

// Checks of UCloud names, shaped like lib/policy/private/checks.ts: `<what> "<value>" <why> (<rule>)`,
// empty for a good value or a Terraform expression (left to Terraform). UCloud documents none of
// these limits; each rule says where it comes from (schema/ucloud/SOURCES.md, "Names").

/** A Company ID: the account number UCloud shows under the console avatar (`65818677` in its guide). */
const COMPANY_ID = /^[1-9]\d{3,19}$/;
/** Role, user and group names: the characters UCloud's own examples use, at most 64 (inferred). */
const NAME = /^[A-Za-z0-9_.@-]{1,64}$/;
/** The STS RoleSessionName rule of the AssumeRole API (documented). */
const SESSION_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** The rule of a Company ID, as error messages state it. */
export const COMPANY_ID_RULE = 'a UCloud Company ID: 4-20 digits, shown under the console avatar';
const NAME_RULE = '1-64 characters: letters, digits, "_", ".", "@" and "-"';

function literal(value: string | undefined): value is string {
  return value !== undefined && !isTerraformExpression(value);
}

/** A Company ID (account number). Token values are not allowed: the URNs are built from it. */
export function checkCompanyId(what: string, value: string): string[] {
  if (COMPANY_ID.test(value)) return [];
  return [`${what} ${quote(value)} is not a Company ID (${COMPANY_ID_RULE})`];
}

/** A UCloud role, user or group name (`kind` says which). */
export function checkUCloudName(kind: string, what: string, value: string | undefined): string[] {
  if (!literal(value) || NAME.test(value)) return [];
  return [`${what} ${quote(value)} is not a valid UCloud ${kind} name (${NAME_RULE})`];
}

/** An STS session name (ucloud-global sts-api/assume_role: 1-64 letters, digits, `_`, `-`, `.`). */
export function checkSessionName(what: string, value: string | undefined): string[] {
  if (!literal(value) || SESSION_NAME.test(value)) return [];
  return [
    `${what} ${quote(value)} is not a valid STS session name (1-64 characters: letters, digits, "_", "-" and ".")`,
  ];
}
