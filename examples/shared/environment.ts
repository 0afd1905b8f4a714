import { OssStateBackendProps } from '../../lib';
import { ValidationError } from '../../lib/policy/private/validation-error';

/**
 * What an example app reads from the environment. Every variable has a documented example default,
 * so `cdktf synth` works with no set-up; a malformed value stops the synth with a message naming it.
 */
export interface CrossAccountEnvironment {
  /** OWNER_ACCOUNT_ID: account A, which owns the resources and the role. */
  readonly ownerAccountId: string;
  /** PARTNER_ACCOUNT_ID: account B, whose RAM users assume the role. */
  readonly partnerAccountId: string;
  /** ALICLOUD_REGION: region of both providers. */
  readonly region: string;
  /** OWNER_PROFILE: CLI profile with account A's credentials (unset: environment credentials). */
  readonly ownerProfile?: string;
  /** PARTNER_PROFILE: CLI profile with account B's credentials (unset: environment credentials). */
  readonly partnerProfile?: string;
  /** STATE_BUCKET (+ STATE_LOCK_ENDPOINT, STATE_LOCK_TABLE, STATE_REGION, STATE_PREFIX): OSS state. */
  readonly stateBackend?: OssStateBackendProps;
  /** PARTNER_ACCESS=revoked: the owner's role trusts no one (`revoked: true`; default `granted`). */
  readonly partnerRevoked: boolean;
}

/** Example defaults: clearly fake account IDs that synthesize but can never deploy by accident. */
export const EXAMPLE_DEFAULTS = {
  OWNER_ACCOUNT_ID: '1000000000000001',
  PARTNER_ACCOUNT_ID: '2000000000000002',
  ALICLOUD_REGION: 'cn-hangzhou',
};

type Env = { [name: string]: string | undefined };

function value(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

/** One error for every malformed variable: one line for one problem, a list for several. */
function environmentError(problems: string[]): ValidationError {
  return new ValidationError(
    problems.length === 1
      ? `Invalid environment: ${problems[0]}`
      : `Invalid environment:\n  - ${problems.join('\n  - ')}`,
  );
}

/** Reads and checks the variables; throws one error listing every malformed one. */
export function readEnvironment(env: Env = process.env): CrossAccountEnvironment {
  const problems: string[] = [];
  const get = (name: keyof typeof EXAMPLE_DEFAULTS, rule: RegExp, text: string): string => {
    const v = value(env, name) ?? EXAMPLE_DEFAULTS[name];
    if (!rule.test(v)) problems.push(`${name} "${v}" is not ${text}`);
    return v;
  };
  const optional = (name: string, rule: RegExp, text: string): string | undefined => {
    const v = value(env, name);
    if (v !== undefined && !rule.test(v)) problems.push(`${name} "${v}" is not ${text}`);
    return v;
  };
  const accountRule = 'a 16-digit Alibaba Cloud account ID';
  const ownerAccountId = get('OWNER_ACCOUNT_ID', /^\d{16}$/, accountRule);
  const partnerAccountId = get('PARTNER_ACCOUNT_ID', /^\d{16}$/, accountRule);
  if (ownerAccountId === partnerAccountId) {
    problems.push(
      `PARTNER_ACCOUNT_ID "${partnerAccountId}" equals OWNER_ACCOUNT_ID (cross-account access needs two accounts)`,
    );
  }
  const region = get('ALICLOUD_REGION', /^[a-z]{2}(-[a-z0-9]+)+$/, 'a region ID such as cn-hangzhou');
  const profileRule = /^[A-Za-z0-9._-]{1,64}$/;
  const profileText = 'a CLI profile name (letters, digits, ".", "_" and "-")';
  const ownerProfile = optional('OWNER_PROFILE', profileRule, profileText);
  const partnerProfile = optional('PARTNER_PROFILE', profileRule, profileText);

  let stateBackend: OssStateBackendProps | undefined;
  const bucket = optional('STATE_BUCKET', /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, 'an OSS bucket name');
  const endpoint = optional('STATE_LOCK_ENDPOINT', /^https:\/\/\S+$/, 'an https:// Tablestore endpoint');
  const table = optional('STATE_LOCK_TABLE', /^[A-Za-z_][A-Za-z0-9_]{0,254}$/, 'a Tablestore table name');
  if (bucket !== undefined) {
    if (endpoint === undefined) problems.push('STATE_LOCK_ENDPOINT is not set (STATE_BUCKET needs Tablestore locking)');
    if (table === undefined) problems.push('STATE_LOCK_TABLE is not set (STATE_BUCKET needs Tablestore locking)');
    stateBackend = {
      bucket,
      tablestoreEndpoint: endpoint ?? '',
      tablestoreTable: table ?? '',
      region: optional('STATE_REGION', /^[a-z]{2}(-[a-z0-9]+)+$/, 'a region ID such as cn-hangzhou'),
      prefix: optional('STATE_PREFIX', /^[A-Za-z0-9._/-]+$/, 'an OSS folder'),
    };
  }
  const access = optional('PARTNER_ACCESS', /^(granted|revoked)$/, '"granted" or "revoked"') ?? 'granted';
  if (problems.length > 0) throw environmentError(problems);
  const partnerRevoked = access === 'revoked';
  return { ownerAccountId, partnerAccountId, region, ownerProfile, partnerProfile, stateBackend, partnerRevoked };
}

/**
 * Reads a comma-separated list of account IDs (for apps with several partners), with defaults;
 * throws naming the variable when an entry is malformed, repeated, or the count is wrong.
 */
export function readAccountIds(env: Env, name: string, defaults: string[]): string[] {
  const raw = value(env, name);
  const ids = raw === undefined ? defaults : raw.split(',').map((id) => id.trim());
  const problems = ids
    .filter((id) => !/^\d{16}$/.test(id))
    .map((id) => `${name} entry "${id}" is not a 16-digit Alibaba Cloud account ID`);
  if (ids.length !== defaults.length)
    problems.push(`${name} has ${ids.length} account IDs; this app needs ${defaults.length}`);
  if (new Set(ids).size !== ids.length) problems.push(`${name} names an account more than once`);
  if (problems.length > 0) throw environmentError(problems);
  return ids;
}
