/**
 * The documented limits of RAM and STS that this library checks before anything is deployed.
 *
 * Values are the current ones from `ram-policy-reference.md` §1.8 and §3.4; where older documents
 * give smaller numbers, the current web value wins.
 */
export class RamLimits {
  /**
   * Longest custom policy document: 6,144, counted here in UTF-8 bytes. RAM's current API pages say
   * "1 to 6,144 characters" (CreatePolicy, en and zh: "长度为 1~6144 个字符", error
   * `InvalidParameter.PolicyDocument.Length`), while the older Chinese API page said 字节 (bytes) and the
   * Terraform provider's `alicloud_ram_policy` says "6144 bytes" (ram-policy-reference §1.8). No source
   * settles which RAM counts, so the stricter reading is enforced: a document of non-ASCII text (a
   * Chinese value in a condition, say) is refused before it could fail at deploy. Older limits: 2,048; 4,096.
   */
  public static readonly POLICY_DOCUMENT_MAX_LENGTH = 6144;
  /** Longest role name (§1.8: 1-64 characters). */
  public static readonly ROLE_NAME_MAX_LENGTH = 64;
  /** Longest policy name (§1.8: 1-128 characters). */
  public static readonly POLICY_NAME_MAX_LENGTH = 128;
  /** Longest RAM user or group name (1-64 characters). */
  public static readonly PRINCIPAL_NAME_MAX_LENGTH = 64;
  /** Longest role or policy description (§1.8: 1-1,024 characters). */
  public static readonly DESCRIPTION_MAX_LENGTH = 1024;
  /** Longest RAM user comment (provider validator `StringLenBetween(0, 128)`). */
  public static readonly USER_COMMENTS_MAX_LENGTH = 128;
  /** Shortest maximum session duration of a role, in seconds (§3.4). */
  public static readonly MIN_SESSION_DURATION = 3600;
  /** Longest maximum session duration of a role, in seconds (§3.4). */
  public static readonly MAX_SESSION_DURATION = 43200;
  /** Shortest external ID accepted by AssumeRole (§3.3). */
  public static readonly EXTERNAL_ID_MIN_LENGTH = 2;
  /** Longest external ID accepted by AssumeRole (§3.3). */
  public static readonly EXTERNAL_ID_MAX_LENGTH = 1224;

  private constructor() {}
}
