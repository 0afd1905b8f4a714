import { Finding } from '../finding';

/** A finding as a rule states it, before its fingerprint and acknowledgement are worked out. */
export type FindingDraft = Omit<Finding, 'fingerprint' | 'acknowledgedReason' | 'reopened'>;
