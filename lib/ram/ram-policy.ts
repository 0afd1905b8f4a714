import { ITerraformDependable } from '../private/framework';
import { checkPolicyName } from '../policy/private/checks';
import { ValidationError } from '../policy/private/validation-error';

/** The two kinds of RAM policy an attachment names (`policy_type`). */
export enum PolicyType {
  /** Managed by Alibaba Cloud, e.g. `AliyunECSReadOnlyAccess`; updated by Alibaba without notice. */
  SYSTEM = 'System',
  /** Written by the account itself. */
  CUSTOM = 'Custom',
}

/**
 * A RAM policy that can be attached to a role, user or group of the same account.
 *
 * Policies this app defines (`CustomPolicy`, `ScopedLogPolicy`) also expose their `document`; it is
 * not part of this interface because jsii does not let an implementation make an optional property required.
 */
export interface IRamPolicy {
  /** The policy's name. */
  readonly policyName: string;
  /** `System` or `Custom` (see `PolicyType`). */
  readonly policyType: string;
  /** The resource that creates the policy, when this app creates it: attachments are made after it. */
  readonly dependable?: ITerraformDependable;
}

/** A policy that already exists, named for attachment. */
export class PolicyReference implements IRamPolicy {
  /** A system policy of Alibaba Cloud, such as `AliyunECSReadOnlyAccess`. */
  public static system(policyName: string): PolicyReference {
    return new PolicyReference(policyName, PolicyType.SYSTEM);
  }

  /** A custom policy of the same account, created outside this app. */
  public static custom(policyName: string): PolicyReference {
    return new PolicyReference(policyName, PolicyType.CUSTOM);
  }

  /** The policy's name. */
  public readonly policyName: string;
  /** `System` or `Custom`. */
  public readonly policyType: string;

  private constructor(policyName: string, policyType: PolicyType) {
    const problems = checkPolicyName('policyName', policyName);
    if (problems.length > 0) {
      throw new ValidationError(`PolicyReference.${policyType.toLowerCase()}: ${problems.join('; ')}`);
    }
    this.policyName = policyName;
    this.policyType = policyType;
  }
}
