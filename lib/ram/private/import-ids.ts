// The import ids of the provider (aliyun/alicloud 1.289.0, tag v1.289.0 = 28ee93bc63fa): the
// "Import" section of website/docs/r/<type>.html.markdown and the id each resource's Create sets in
// alicloud/resource_alicloud_<type>.go (docs/adopt.md has the table with the lines). Every one of
// these types imports with ImportStatePassthrough, so the import id is the resource id.

/** `alicloud_ram_role`: the role name (Create: `d.SetId(RoleName)`). */
export function roleImportId(roleName: string): string {
  return roleName;
}

/** `alicloud_ram_policy`: the policy name (Create: `d.SetId(PolicyName)`). */
export function policyImportId(policyName: string): string {
  return policyName;
}

/** `alicloud_ram_role_policy_attachment`: `role:<policy_name>:<policy_type>:<role_name>`. */
export function rolePolicyAttachmentImportId(policyName: string, policyType: string, roleName: string): string {
  return `role:${policyName}:${policyType}:${roleName}`;
}

/**
 * `alicloud_ram_user`: the user id (`UserId`, as the docs show); the provider's read also accepts the
 * user name (DescribeRamUser matches either) and then stores the user id.
 */
export function userImportId(userName: string, userId?: string): string {
  return userId ?? userName;
}

/** `alicloud_ram_user_policy_attachment`: `user:<policy_name>:<policy_type>:<user_name>`. */
export function userPolicyAttachmentImportId(policyName: string, policyType: string, userName: string): string {
  return `user:${policyName}:${policyType}:${userName}`;
}

/** `alicloud_ram_group`: the group name. */
export function groupImportId(groupName: string): string {
  return groupName;
}

/** `alicloud_ram_user_group_attachment`: `<group_name>:<user_name>`. */
export function userGroupAttachmentImportId(groupName: string, userName: string): string {
  return `${groupName}:${userName}`;
}

/** `alicloud_ram_group_policy_attachment`: `group:<policy_name>:<policy_type>:<group_name>`. */
export function groupPolicyAttachmentImportId(policyName: string, policyType: string, groupName: string): string {
  return `group:${policyName}:${policyType}:${groupName}`;
}
