/** How much a finding matters; `check --fail-on` compares against this order. */
export enum Severity {
  /** Worth knowing. */
  LOW = 'low',
  /** Worth fixing or acknowledging. */
  MEDIUM = 'medium',
  /** Broad or broken access: fix it or acknowledge it with a reason. */
  HIGH = 'high',
}

/** The stable ids of findings: acknowledge them with `Findings.acknowledge(scope, id, reason)`. */
export class FindingId {
  /** A trust statement lets a whole account in with no condition (MFA, source IP or external ID). */
  public static readonly TRUST_NO_CONDITION = 'XA-TRUST-NO-CONDITION';
  /** A policy of a role allows `*` or `<service>:*` actions. */
  public static readonly WILDCARD_ACTION = 'XA-WILDCARD-ACTION';
  /** A policy of a role allows actions on resource `*`. */
  public static readonly WILDCARD_RESOURCE = 'XA-WILDCARD-RESOURCE';
  /** A broad system policy is attached where a scoped construct exists. */
  public static readonly BROAD_SYSTEM_POLICY = 'XA-BROAD-SYSTEM-POLICY';
  /** A grant allows sts:AssumeRole on a role this output does not define. */
  public static readonly GRANT_UNKNOWN_ROLE = 'XA-GRANT-UNKNOWN-ROLE';
  /** A trust policy names an account of this output in which no user can assume the role. */
  public static readonly TRUST_UNSERVED = 'XA-TRUST-UNSERVED';
  /** A trust or grant lets a RAM user in only with MFA, but the user has no console login, so its API calls never can. */
  public static readonly TRUST_MFA_UNREACHABLE = 'XA-TRUST-MFA-UNREACHABLE';
  /** A user, group or role may assume any role (`sts:AssumeRole` on `*` or a wildcard). */
  public static readonly ASSUME_ANY_ROLE = 'XA-ASSUME-ANY-ROLE';

  private constructor() {}
}

/** One finding of the access report. */
export interface Finding {
  /** Its stable id, e.g. `XA-TRUST-NO-CONDITION`. */
  readonly id: string;
  /** How much it matters. */
  readonly severity: Severity;
  /** The stack of the resource it is about. */
  readonly stack: string;
  /** The construct path of the resource it is about. */
  readonly path: string;
  /** What it is about: a role ARN, a user ARN or a group. */
  readonly subject: string;
  /** What is wrong and what to do, in one sentence. */
  readonly message: string;
  /** The reason given in code, when acknowledged. */
  readonly acknowledgedReason?: string;
}

const ORDER = [Severity.LOW, Severity.MEDIUM, Severity.HIGH];

/** True when `severity` is at least `threshold`. */
export function atLeast(severity: string, threshold: string): boolean {
  return ORDER.indexOf(severity as Severity) >= ORDER.indexOf(threshold as Severity);
}
