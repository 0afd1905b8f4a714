import { Condition, ConditionKey } from '../../policy';

/**
 * Condition keys that restrict WHO may assume a role, not only how or when (ram-policy-reference §1.7,
 * §3.3): the caller's sign-in (`acs:MFAPresent`: only users who signed in with MFA), where it calls from
 * (`acs:SourceIp`, `acs:SourceVpc`), what it knows (`sts:ExternalId`, the confused-deputy check of §3.3),
 * and which identity or credential it is (`acs:PrincipalARN`, `acs:AccessId`, `sts:SourceIdentity`).
 * Every other key (`acs:SecureTransport`, `acs:CurrentTime`, tags, ...) says how or when any user of the
 * trusted account may get in, so it does not stand in for naming the users: an unknown key is treated
 * as not restricting who, the direction in which a finding is reported rather than missed.
 */
const WHO_KEYS = new Set(
  [
    ConditionKey.MFA_PRESENT,
    ConditionKey.SOURCE_IP,
    ConditionKey.SOURCE_VPC,
    ConditionKey.EXTERNAL_ID,
    'acs:PrincipalARN',
    'acs:AccessId',
    'sts:SourceIdentity',
  ].map((k) => k.toLowerCase()),
);

/** Whether the condition's key restricts who may assume (condition keys are compared case-insensitively). */
export function restrictsWho(condition: Condition): boolean {
  return WHO_KEYS.has(condition.key.toLowerCase());
}
