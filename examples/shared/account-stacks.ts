import { App } from 'cdktf';
import { AccountStack } from '../../lib';
import { CrossAccountEnvironment } from './environment';

/** The stack of account A (the resource owner), with A's profile and the shared state settings. */
export function ownerStack(app: App, env: CrossAccountEnvironment): AccountStack {
  return new AccountStack(app, 'owner', {
    accountId: env.ownerAccountId,
    region: env.region,
    profile: env.ownerProfile,
    stateBackend: env.stateBackend,
  });
}

/** The stack of account B (the partner), with B's profile and the shared state settings. */
export function partnerStack(app: App, env: CrossAccountEnvironment): AccountStack {
  return new AccountStack(app, 'partner', {
    accountId: env.partnerAccountId,
    region: env.region,
    profile: env.partnerProfile,
    stateBackend: env.stateBackend,
  });
}

/** The trust part of the owner's role: account B, or nobody once B is revoked. */
export interface PartnerTrust {
  readonly trustedAccountIds: string[];
  readonly revoked: boolean;
}

/**
 * Whom the owner's role trusts: account B, or, once B is revoked (PARTNER_ACCESS=revoked), nobody:
 * `revoked: true` makes the trust policy name only the role itself, so no principal of A or B (even
 * one holding AliyunSTSAssumeRoleAccess) can assume it without a new grant. Revoking rewrites only
 * the trust document, in place, and keeps the role and its ARN.
 */
export function partnerTrust(env: CrossAccountEnvironment): PartnerTrust {
  return env.partnerRevoked
    ? { trustedAccountIds: [], revoked: true }
    : { trustedAccountIds: [env.partnerAccountId], revoked: false };
}
