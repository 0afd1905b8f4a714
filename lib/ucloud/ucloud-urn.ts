/**
 * UCloud resource names (URNs) for cross-account access. The account root and role forms are the ones
 * UCloud's cross-account guide shows (`ucs:iam::<Company ID>:root`, `ucs:iam::<Company ID>:role/<name>`);
 * the system-policy form is the one the UCloud Terraform provider's documentation shows
 * (`ucs:iam::ucs:policy/AdministratorAccess`). Sources: schema/ucloud/SOURCES.md, "URNs".
 */
export class UCloudUrn {
  /** The trust principal for a whole account: `ucs:iam::<companyId>:root`. */
  public static accountRoot(companyId: string): string {
    return `ucs:iam::${companyId}:root`;
  }

  /** A role of an account: `ucs:iam::<companyId>:role/<roleName>`, the `RoleUrn` of STS AssumeRole. */
  public static role(companyId: string, roleName: string): string {
    return `ucs:iam::${companyId}:role/${roleName}`;
  }

  /** A system policy (managed by UCloud): `ucs:iam::ucs:policy/<policyName>`. */
  public static systemPolicy(policyName: string): string {
    return `ucs:iam::ucs:policy/${policyName}`;
  }

  private constructor() {}
}
