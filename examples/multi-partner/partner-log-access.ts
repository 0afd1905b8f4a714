import { Construct } from 'constructs';
import { CrossAccountRole, LogGrant, ScopedLogPolicy } from '../../lib';

/** Properties of a `PartnerLogAccess`. */
export interface PartnerLogAccessProps {
  /** Short name of the partner, used in resource names (`partner-<name>-logs`). */
  readonly partnerName: string;
  /** The partner's account. */
  readonly partnerAccountId: string;
  /** The owner's account (this stack's). */
  readonly ownerAccountId: string;
  /** Region of the projects. */
  readonly region: string;
  /** What the partner may do in Log Service. */
  readonly grants: LogGrant[];
  /**
   * The partner's egress ranges: the role can be assumed only from them. (Not MFA: the partners' users
   * are API users with no console login, and AccessKey calls never carry MFA.)
   */
  readonly sourceIps: string[];
}

/**
 * One partner's access to the owner's Log Service, composed from the library's constructs: a scoped
 * policy and a role that only that partner's account may assume, from its own IP ranges. An owner stack holds one per partner.
 */
export class PartnerLogAccess extends Construct {
  /** The partner's role. */
  public readonly role: CrossAccountRole;
  /** The partner's Log Service permissions. */
  public readonly policy: ScopedLogPolicy;

  constructor(scope: Construct, id: string, props: PartnerLogAccessProps) {
    super(scope, id);
    this.policy = new ScopedLogPolicy(this, 'policy', {
      policyName: `partner-${props.partnerName}-logs`,
      projectOwnerAccountId: props.ownerAccountId,
      region: props.region,
      grants: props.grants,
    });
    this.role = new CrossAccountRole(this, 'role', {
      roleName: `partner-${props.partnerName}-logs`,
      ownerAccountId: props.ownerAccountId,
      trustedAccountIds: [props.partnerAccountId],
      allowedSourceIps: props.sourceIps,
      description: `Partner ${props.partnerName} (${props.partnerAccountId}) uses Log Service of this account`,
      policies: [this.policy],
    });
  }
}
