/** How much a finding matters; `check --fail-on` compares against this order. */
export enum Severity {
  /** Worth knowing. */
  LOW = 'low',
  /** Worth fixing or acknowledging. */
  MEDIUM = 'medium',
  /** Broad or broken access: fix it or acknowledge it with a reason. */
  HIGH = 'high',
}

/**
 * The stable ids of findings: acknowledge them with
 * `Findings.acknowledge(scope, id, reason, { content })` or `{ fingerprint }`.
 */
export class FindingId {
  /**
   * A trust statement lets every user and role of an account in with no condition on who may assume
   * (MFA, source IP or VPC, external ID, principal); `acs:SecureTransport` or a time window alone do not count.
   */
  public static readonly TRUST_NO_CONDITION = 'XA-TRUST-NO-CONDITION';
  /** A custom policy of a role allows actions nobody named: `*`, `<service>:*` or a `NotAction` statement. */
  public static readonly WILDCARD_ACTION = 'XA-WILDCARD-ACTION';
  /**
   * A custom policy of a role allows actions on a resource pattern whose resource part is a whole
   * wildcard: `*`, `acs:log:*:*:*`, `acs:log:*:*:project/*`, `acs:ecs:*:*:*`.
   */
  public static readonly WILDCARD_RESOURCE = 'XA-WILDCARD-RESOURCE';
  /** A broad system policy is attached where a scoped construct exists. */
  public static readonly BROAD_SYSTEM_POLICY = 'XA-BROAD-SYSTEM-POLICY';
  /** A grant allows sts:AssumeRole on a role this output does not define. */
  public static readonly GRANT_UNKNOWN_ROLE = 'XA-GRANT-UNKNOWN-ROLE';
  /** A trust policy names an account of this output in which no user can assume the role. */
  public static readonly TRUST_UNSERVED = 'XA-TRUST-UNSERVED';
  /** A trust or grant lets a RAM user in only with MFA, but the user has no console login, so its API calls never can. */
  public static readonly TRUST_MFA_UNREACHABLE = 'XA-TRUST-MFA-UNREACHABLE';
  /** A user, group or role may assume any role (`sts:AssumeRole` on `*` or a wildcard, or through `NotAction`). */
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
  /**
   * What exactly was found, in a canonical form an acknowledgement binds to: the admitted principals
   * and conditions of a trust statement, the wildcard patterns, the system policy, the role ARN.
   */
  readonly content: string;
  /** A short hash of id, subject and content: `Findings.acknowledge(scope, id, reason, { fingerprint })`. */
  readonly fingerprint: string;
  /** What is wrong and what to do, in one sentence (and why an acknowledgement was reopened, if one was). */
  readonly message: string;
  /** The reason given in code, when acknowledged (bound to this content). */
  readonly acknowledgedReason?: string;
  /**
   * Why an acknowledgement of this id and construct no longer applies: the acknowledged content changed,
   * or the acknowledgement names no content. The finding is open.
   */
  readonly reopened?: string;
}

const ORDER = [Severity.LOW, Severity.MEDIUM, Severity.HIGH];

/** True when `severity` is at least `threshold`. */
export function atLeast(severity: string, threshold: string): boolean {
  return ORDER.indexOf(severity as Severity) >= ORDER.indexOf(threshold as Severity);
}
