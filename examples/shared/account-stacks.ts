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

/**
 * Whom the owner's role trusts: account B, or, once B is revoked (PARTNER_ACCESS=revoked), only
 * account A itself, the form the console writes for "current account". A trust policy must name
 * someone; revoking rewrites only this document, in place, and keeps the role and its ARN.
 */
export function trustedPartnerAccounts(env: CrossAccountEnvironment): string[] {
  return [env.partnerRevoked ? env.ownerAccountId : env.partnerAccountId];
}
