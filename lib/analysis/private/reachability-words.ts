import { AssumeResult } from '../graph-model';

/**
 * How the report and the diff speak of access the evaluator allows but that no request of this
 * output can use: a user let in only with `acs:MFAPresent` true who has no console login here. It is
 * never said as "no": a console login made outside this output (by hand, or by another tool) lets the
 * user in, so the access exists for RAM.
 */
export const MFA_ONLY = 'only with an MFA sign-in, and no console login in this output';

/** How the report and the diff speak of access that depends on Terraform values the output does not know. */
export function unknownValuesWords(values: string[]): string {
  return `for some values of ${values.join(', ')}, unknown in this output`;
}

/** What the report and the diff add after an allowed row: unreachable, or depending on unknown values. */
export function qualifiersOf(r: AssumeResult): string {
  return (r.reachable ? '' : ` (${MFA_ONLY})`) + (r.dependsOn ? ` (${unknownValuesWords(r.dependsOn)})` : '');
}
