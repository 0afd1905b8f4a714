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

/** The parts of a RAM role ARN. */
export interface RoleArnParts {
  /** The account that owns the role. */
  readonly accountId: string;
  /** The role's name. */
  readonly roleName: string;
}

const ROLE_ARN = /^acs:ram::(\d{16}):role\/([A-Za-z0-9.-]{1,64})$/;
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

  /** `acs:log:<region>:<owner>:project/*`: the project list, as `log:ListProject` requests it (§4.2). */
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
