import { RamLimits } from '../limits';
import { isTerraformExpression, quote } from './expression';

// Each check returns the messages for one value (empty when it is fine or is a Terraform
// expression), shaped `<what> "<value>" <why> (<rule>)`; constructs prefix their path.

const ACCOUNT_ID = /^\d{16}$/;
const ROLE_NAME = /^[A-Za-z0-9.-]{1,64}$/;
const POLICY_NAME = /^[A-Za-z0-9-]{1,128}$/;
const USER_NAME = /^[A-Za-z0-9._-]{1,64}$/;
const GROUP_NAME = /^[A-Za-z0-9-]{1,64}$/;
const EXTERNAL_ID = /^[A-Za-z0-9_+=,.@:/-]+$/;

/** ram-policy-reference §3.2: account IDs (UIDs) are 16 digits. */
export const ACCOUNT_ID_RULE = 'a 16-digit Alibaba Cloud account ID';

function literal(value: string | undefined): value is string {
  return value !== undefined && !isTerraformExpression(value);
}

/** An account ID: 16 digits (ram-policy-reference §3.2). */
export function checkAccountId(what: string, value: string | undefined): string[] {
  if (!literal(value) || ACCOUNT_ID.test(value)) return [];
  return [`${what} ${quote(value)} is not an account ID (${ACCOUNT_ID_RULE})`];
}

/** A role name: 1-64 letters, digits, `.` and `-` (§1.8). */
export function checkRoleName(what: string, value: string | undefined): string[] {
  if (!literal(value) || ROLE_NAME.test(value)) return [];
  return [`${what} ${quote(value)} is not a valid RAM role name (1-64 characters: letters, digits, "." and "-")`];
}

/** A policy name: 1-128 letters, digits and `-` (§1.8). */
export function checkPolicyName(what: string, value: string | undefined): string[] {
  if (!literal(value) || POLICY_NAME.test(value)) return [];
  return [`${what} ${quote(value)} is not a valid RAM policy name (1-128 characters: letters, digits and "-")`];
}

/** A RAM user name: 1-64 letters, digits, `.`, `_` and `-`. */
export function checkUserName(what: string, value: string | undefined): string[] {
  if (!literal(value) || USER_NAME.test(value)) return [];
  return [`${what} ${quote(value)} is not a valid RAM user name (1-64 characters: letters, digits, ".", "_" and "-")`];
}

/** A RAM group name: 1-64 letters, digits and `-`. */
export function checkGroupName(what: string, value: string | undefined): string[] {
  if (!literal(value) || GROUP_NAME.test(value)) return [];
  return [`${what} ${quote(value)} is not a valid RAM group name (1-64 characters: letters, digits and "-")`];
}

/** A string of `min` to `max` characters. */
export function checkLength(what: string, value: string | undefined, min: number, max: number): string[] {
  if (!literal(value) || (value.length >= min && value.length <= max)) return [];
  return [`${what} ${quote(value)} is ${value.length} characters long (allowed: ${min}-${max})`];
}

/** A role or policy description: 1-1,024 characters (§1.8). */
export function checkDescription(what: string, value: string | undefined): string[] {
  return checkLength(what, value, 1, RamLimits.DESCRIPTION_MAX_LENGTH);
}

/** A role's maximum session duration: whole seconds from 3,600 to 43,200 (§3.4). */
export function checkSessionDuration(what: string, value: number | undefined): string[] {
  if (value === undefined) return [];
  const { MIN_SESSION_DURATION: min, MAX_SESSION_DURATION: max } = RamLimits;
  if (Number.isInteger(value) && value >= min && value <= max) return [];
  return [`${what} "${value}" is out of range (whole seconds from ${min} to ${max})`];
}

/** ram-policy-reference §3.3: 2-1,224 characters of letters, digits and `_ + = , . @ : / -`. */
export function checkExternalId(what: string, value: string | undefined): string[] {
  if (!literal(value)) return [];
  const { EXTERNAL_ID_MIN_LENGTH: min, EXTERNAL_ID_MAX_LENGTH: max } = RamLimits;
  if (value.length >= min && value.length <= max && EXTERNAL_ID.test(value)) return [];
  return [
    `${what} ${quote(value)} is not a valid external ID (${min}-${max} characters: letters, digits and _+=,.@:/-)`,
  ];
}

/** An optional list that, when given, has at least one value. */
export function checkNonEmptyList(what: string, values: readonly unknown[] | undefined): string[] {
  return values !== undefined && values.length === 0
    ? [`${what} is an empty list (leave it out or give at least one value)`]
    : [];
}
