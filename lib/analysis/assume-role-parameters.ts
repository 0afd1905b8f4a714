import { RamLimits } from '../policy';

/** The parameters of an AssumeRole call that STS checks before any policy is evaluated. */
export interface AssumeRoleParameters {
  /** RoleSessionName: 2-64 letters, digits and `. @ - _` (ram-policy-reference §3.5). */
  readonly roleSessionName: string;
  /**
   * DurationSeconds: 900 up to the role's maximum session duration (§3.6).
   * @default 3600
   */
  readonly durationSeconds?: number;
  /**
   * The role's MaxSessionDuration.
   * @default 3600
   */
  readonly maxSessionDuration?: number;
  /**
   * The session policy text: 1-2,048 characters (§1.8).
   * @default - none
   */
  readonly sessionPolicy?: string;
  /**
   * ExternalId: 2-1,224 characters of letters, digits and `_ + = , . @ : / -` (§3.3).
   * @default - none
   */
  readonly externalId?: string;
}

/** STS's own parameter checks, which reject a call before RAM evaluates any policy (evaluator vectors T38). */
export class AssumeRoleParameterCheck {
  /** The error code STS answers with, such as `InvalidParameter.DurationSeconds`, or undefined when the call gets through. */
  public static rejection(parameters: AssumeRoleParameters): string | undefined {
    const duration = parameters.durationSeconds ?? 3600;
    const max = parameters.maxSessionDuration ?? RamLimits.MIN_SESSION_DURATION;
    if (!Number.isInteger(duration) || duration < 900 || duration > max) return 'InvalidParameter.DurationSeconds';
    if (!/^[A-Za-z0-9.@_-]{2,64}$/.test(parameters.roleSessionName)) return 'InvalidParameter.RoleSessionName';
    const policy = parameters.sessionPolicy;
    if (policy !== undefined && (policy.length < 1 || policy.length > 2048)) return 'InvalidParameter.PolicySize';
    const id = parameters.externalId;
    if (id !== undefined && !/^[A-Za-z0-9_+=,.@:/-]{2,1224}$/.test(id)) return 'InvalidParameter.ExternalId';
    return undefined;
  }

  private constructor() {}
}
