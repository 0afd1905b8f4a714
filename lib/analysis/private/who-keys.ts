import { Condition, ConditionKey } from '../../policy';
import { inCidr } from './condition-eval';
import { conditionValueFiller } from './fresh-probes';

/**
 * Condition keys that can restrict WHO may assume a role, not only how or when (ram-policy-reference §1.7,
 * §3.3): the caller's sign-in (`acs:MFAPresent`), where it calls from (`acs:SourceIp`, `acs:SourceVpc`),
 * what it knows (`sts:ExternalId`, the confused-deputy check of §3.3), and which identity or credential it
 * is (`acs:PrincipalARN`, `acs:AccessId`, `sts:SourceIdentity`). Each maps to the value an arbitrary caller
 * that no policy names would bring: no MFA, an address that no condition of the statement names (see
 * PROBE_ADDRESSES), a made-up VPC, external ID, AccessKey and source identity that no value of the conditions
 * can single out by its text (a Deny of external IDs `x*` does not refuse them all; `conditionValueFiller`). A condition that such a caller meets (`0.0.0.0/0`, `StringLike "*"`,
 * `MFAPresent false`) restricts nobody. Every other key (`acs:SecureTransport`, `acs:CurrentTime`, tags,
 * ...) says how or when, so it is met as a user who follows the rules would meet it; an unknown key is
 * treated so too, the direction in which a finding is reported rather than missed.
 */
const ANYBODY: { [lowerCaseKey: string]: (callerArn: string, named: string[]) => string[] | undefined } = {
  [ConditionKey.MFA_PRESENT.toLowerCase()]: () => ['false'],
  [ConditionKey.SOURCE_IP.toLowerCase()]: (_, named) => [probeAddress(named)],
  [ConditionKey.SOURCE_VPC.toLowerCase()]: (_, named) => conditionValueFiller(named)('vpc-*'),
  [ConditionKey.EXTERNAL_ID.toLowerCase()]: (_, named) => conditionValueFiller(named)('*'),
  'acs:principalarn': (callerArn) => [callerArn],
  'acs:accessid': (_, named) => conditionValueFiller(named)('LTAI*'),
  'sts:sourceidentity': (_, named) => conditionValueFiller(named)('*'),
};

/**
 * Addresses an arbitrary caller may call from, of documentation and shared ranges (RFC 5737, RFC 6598) and
 * private ones. The probe takes the first that none of the conditions' CIDR blocks contains: one fixed
 * address would fall inside a statement that happens to allow that very range (a partner's 198.51.100.0/24)
 * and make it look open to anybody. A block of every address (`0.0.0.0/0`, `::/0`) names no one, so when
 * every candidate is inside some block, the first outside all but those is taken.
 */
const PROBE_ADDRESSES = ['198.51.100.77', '203.0.113.77', '192.0.2.77', '100.64.7.77', '10.77.77.77', '172.31.77.77'];

function probeAddress(named: string[]): string {
  const outside = (blocks: string[]) => PROBE_ADDRESSES.find((ip) => !blocks.some((cidr) => inCidr(ip, cidr)));
  return outside(named) ?? outside(named.filter((cidr) => !/\/0+$/.test(cidr.trim()))) ?? PROBE_ADDRESSES[0];
}

/** IPv6 addresses of the documentation range (RFC 3849) an arbitrary caller may call from: the first no block names. */
const PROBE_ADDRESSES_6 = ['2001:db8::77', '2001:db8:7777::77'];

function probeAddress6(named: string[]): string {
  return PROBE_ADDRESSES_6.find((ip) => !named.some((cidr) => inCidr(ip, cidr))) ?? PROBE_ADDRESSES_6[0];
}

/** Whether the condition's key can restrict who may assume (keys compared case-insensitively). */
export function restrictsWho(condition: Condition): boolean {
  return ANYBODY[condition.key.toLowerCase()] !== undefined;
}

/**
 * What an arbitrary caller may send for each who-key these conditions name, under each key's own spelling, as
 * `restrict` for the candidate contexts (`undefined`: the key is left out): a key a request may lack (MFA, a
 * VPC, an external ID, a source identity) absent or the made-up value; `acs:SourceIp` an address that none of
 * the conditions' blocks contains (every request has one); `acs:PrincipalARN` the caller's own ARN and
 * `acs:AccessId` a made-up key (every AssumeRole call has both). `conditions` are all that may apply: the
 * Allow statement's and the Denies', so the probe address is one no Deny names either. Undefined when the values
 * of the conditions hold every character a made-up value may use: the analysis cannot tell.
 */
export function anybodyValues(
  conditions: Condition[],
  callerArn: string,
): { [key: string]: (string | undefined)[] } | undefined {
  const restrict: { [key: string]: (string | undefined)[] } = {};
  for (const c of conditions) {
    const lower = c.key.toLowerCase();
    const value = ANYBODY[lower];
    if (!value || Object.prototype.hasOwnProperty.call(restrict, c.key)) continue;
    const named = conditions.filter((other) => other.key.toLowerCase() === lower).flatMap((o) => o.values);
    const made = value(callerArn, named);
    if (made === undefined) return undefined;
    // An arbitrary caller may call over IPv6 too: a block of every IPv4 address names none of those.
    const address = lower === ConditionKey.SOURCE_IP.toLowerCase() ? [...made, probeAddress6(named)] : made;
    restrict[c.key] = ALWAYS_SENT.has(lower) ? address : [undefined, ...address];
  }
  return restrict;
}

/** Who-keys every AssumeRole request carries (its source address, its caller, its AccessKey). */
const ALWAYS_SENT = new Set([ConditionKey.SOURCE_IP.toLowerCase(), 'acs:principalarn', 'acs:accessid']);
