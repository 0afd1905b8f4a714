/**
 * How the report and the diff speak of access the evaluator allows but that no request of this
 * output can use: a user let in only with `acs:MFAPresent` true who has no console login here. It is
 * never said as "no": a console login made outside this output (by hand, or by another tool) lets the
 * user in, so the access exists for RAM.
 */
export const MFA_ONLY = 'only with an MFA sign-in, and no console login in this output';
