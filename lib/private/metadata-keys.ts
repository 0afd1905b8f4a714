/**
 * Where in a synthesized stack (`cdk.tf.json`) the constructs leave notes for the analysis layer:
 * under the `//` comment key, which Terraform ignores. Shared by lib/stack (writer) and
 * lib/analysis (reader), which otherwise know nothing of each other.
 */
export const XACCOUNT_METADATA_KEY = 'cdktf-xaccount';
/** The list of finding acknowledgements below `XACCOUNT_METADATA_KEY`. */
export const ACKNOWLEDGEMENTS_KEY = 'acknowledgements';
/**
 * The list of intentionally revoked roles below `XACCOUNT_METADATA_KEY`: `{ path, roleName, roleArn }`
 * for each `CrossAccountRole` with `revoked: true`, whose trust policy then names only the role itself.
 */
export const REVOKED_ROLES_KEY = 'revokedRoles';
