import { checkAccountId, checkRoleName, checkUserName } from './private/checks';
import { isTerraformExpression, quote } from './private/expression';
import { ValidationError } from './private/validation-error';

/** Where a Log Service resource lives; both parts default to `*`. */
export interface LogArnOptions {
  /**
   * Region of the project, e.g. `cn-hangzhou`.
   * @default '*'
   */
  readonly region?: string;
  /**
   * Account ID of the project owner (the resource account, not the caller).
   * @default '*'
   */
  readonly projectOwnerAccountId?: string;
}

/** The parts of a RAM identity ARN: an account root, a user, a role or a role session. */
export interface RamIdentityParts {
  /** The account the identity belongs to. */
  readonly accountId: string;
  /** `root`, `user` or `role`. */
  readonly kind: string;
  /** The user or role name; undefined for `root`. */
  readonly name?: string;
  /** The session name of a role session (`role/<name>/<session>`); undefined otherwise. */
  readonly sessionName?: string;
  /** The identity for trust purposes: `acs:ram::<id>:root`, `:user/<name>` or `:role/<name>` (a session is its role). */
  readonly identityArn: string;
}

/** The parts of a RAM role ARN. */
export interface RoleArnParts {
  /** The account that owns the role. */
  readonly accountId: string;
  /** The role's name. */
  readonly roleName: string;
}

const ROLE_ARN = /^acs:ram::(\d{16}):role\/([A-Za-z0-9.-]{1,64})$/;
// A RAM identity: the account itself, one user, one role, or one session of a role (§2.3, §3.2, §3.7).
// Only a role has a fourth segment (its session name); users have none, and names never hold "/".
const RAM_IDENTITY =
  /^acs:ram::(\d+):(?:(root)|user\/([^/:*?\s]{1,64})|role\/([^/:*?\s]{1,64})(?:\/([^/:*?\s]{1,64}))?)$/;
const LOG_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * Builders for the Alibaba Cloud Resource Names this library writes.
 *
 * RAM ARNs have an empty region field (`acs:ram::<account>:role/<name>`, ram-policy-reference §3.4);
 * Log Service ARNs name the project owner's account (§4.1). Resource-type keywords are always
 * lowercase (§1.3). Names that are Terraform expressions are passed through unchecked.
 */
export class Arn {
  /** The form of a role ARN, for error messages. */
  public static readonly ROLE_ARN_FORM = 'acs:ram::<16-digit account id>:role/<name>';

  /** `acs:ram::<accountId>:root`: the account, meaning all its RAM users and roles in a trust policy (§2.3). */
  public static accountRoot(accountId: string): string {
    Arn.assertValid(checkAccountId('accountId', accountId), 'accountRoot');
    return `acs:ram::${accountId}:root`;
  }

  /** `acs:ram::<accountId>:role/<roleName>`. */
  public static ramRole(accountId: string, roleName: string): string {
    Arn.assertValid([...checkAccountId('accountId', accountId), ...checkRoleName('roleName', roleName)], 'ramRole');
    return `acs:ram::${accountId}:role/${roleName}`;
  }

  /** `acs:ram::<accountId>:user/<userName>`. */
  public static ramUser(accountId: string, userName: string): string {
    Arn.assertValid([...checkAccountId('accountId', accountId), ...checkUserName('userName', userName)], 'ramUser');
    return `acs:ram::${accountId}:user/${userName}`;
  }

  /** `acs:log:<region>:<owner>:project/<project>`. */
  public static logProject(project: string, options: LogArnOptions = {}): string {
    return `${Arn.logPrefix(options)}:project/${Arn.logName('project', project)}`;
  }

  /**
   * `acs:log:<region>:<owner>:project/*`: the project list. `log:ListProject` requests exactly
   * `acs:log:*:*:project/*` (§4.2), which a pattern naming a region or owner does not match: to grant
   * ListProject, call it without options (as `LogGrant.read` does).
   */
  public static logProjects(options: LogArnOptions = {}): string {
    return `${Arn.logPrefix(options)}:project/*`;
  }

  /** `acs:log:<region>:<owner>:project/<project>/logstore/<logstore>`. */
  public static logstore(project: string, logstore: string, options: LogArnOptions = {}): string {
    return `${Arn.logProject(project, options)}/logstore/${Arn.logName('logstore', logstore)}`;
  }

  /** `.../project/<project>/logstore/*`: the logstore list, as `log:ListLogStores` requests it (§4.2). */
  public static logstores(project: string, options: LogArnOptions = {}): string {
    return `${Arn.logProject(project, options)}/logstore/*`;
  }

  /** `.../logstore/<logstore>/consumergroup/<group>`. */
  public static logConsumerGroup(
    project: string,
    logstore: string,
    group: string,
    options: LogArnOptions = {},
  ): string {
    return `${Arn.logstore(project, logstore, options)}/consumergroup/${Arn.logName('consumerGroup', group)}`;
  }

  /** `.../logstore/<logstore>/consumergroup/*`: what Create/ListConsumerGroup request (§4.2). */
  public static logConsumerGroups(project: string, logstore: string, options: LogArnOptions = {}): string {
    return `${Arn.logstore(project, logstore, options)}/consumergroup/*`;
  }

  /**
   * The parts of a RAM identity ARN, or undefined when the value is not one: `acs:ram::<id>:root`,
   * `acs:ram::<id>:user/<name>`, `acs:ram::<id>:role/<name>`, or a role session
   * `acs:ram::<id>:role/<name>/<session>` (§3.7). Anything else is refused, e.g. `user/bob/extra`:
   * users have no sessions, so a trailing segment would silently stand for user `bob`.
   * Account IDs are any run of digits, so that documents with placeholder IDs can be analysed.
   */
  public static parseRamIdentity(value: string): RamIdentityParts | undefined {
    const match = RAM_IDENTITY.exec(value);
    if (!match) return undefined;
    const [, accountId, root, user, role, sessionName] = match;
    if (root) return { accountId, kind: 'root', identityArn: `acs:ram::${accountId}:root` };
    if (user) return { accountId, kind: 'user', name: user, identityArn: `acs:ram::${accountId}:user/${user}` };
    return { accountId, kind: 'role', name: role, sessionName, identityArn: `acs:ram::${accountId}:role/${role}` };
  }

  /** True when the value is a RAM role ARN of the exact form `acs:ram::<16 digits>:role/<name>`. */
  public static isRoleArn(value: string): boolean {
    return ROLE_ARN.test(value);
  }

  /** The account and role name of a role ARN; throws when the value is not one. */
  public static parseRoleArn(value: string): RoleArnParts {
    const match = ROLE_ARN.exec(value);
    if (!match) {
      throw new ValidationError(`Arn.parseRoleArn: ${quote(value)} is not a RAM role ARN (${Arn.ROLE_ARN_FORM})`);
    }
    return { accountId: match[1], roleName: match[2] };
  }

  private static logPrefix(options: LogArnOptions): string {
    const region = options.region ?? '*';
    const owner = options.projectOwnerAccountId ?? '*';
    const problems = owner === '*' ? [] : checkAccountId('projectOwnerAccountId', owner);
    if (!isTerraformExpression(region) && !/^(\*|[a-z]{2}(-[a-z0-9]+)+)$/.test(region)) {
      problems.push(`region ${quote(region)} is not a region ID (such as cn-hangzhou) or "*"`);
    }
    Arn.assertValid(problems, 'log ARN');
    return `acs:log:${region}:${owner}`;
  }

  // Log Service names never contain `*` or `?`: a prefix wildcard such as `project/app*` would also
  // match `project/app-prod/...`, because `*` crosses `/` (§1.4, §4.1).
  private static logName(what: string, value: string): string {
    if (!isTerraformExpression(value) && !LOG_NAME.test(value)) {
      Arn.assertValid(
        [`${what} ${quote(value)} is not a Log Service name (lowercase letters, digits, "_" and "-"; no wildcards)`],
        'log ARN',
      );
    }
    return value;
  }

  private static assertValid(problems: string[], builder: string): void {
    if (problems.length > 0) {
      throw new ValidationError(`Arn.${builder}: ${problems.join('; ')}`);
    }
  }

  private constructor() {}
}
