/**
 * Whether a statement allows or denies what it matches.
 *
 * An explicit Deny in any applicable policy wins over every Allow (ram-policy-reference §2.1).
 */
export enum Effect {
  /** The statement grants what it matches. */
  ALLOW = 'Allow',
  /** The statement refuses what it matches, whatever other statements allow. */
  DENY = 'Deny',
}
