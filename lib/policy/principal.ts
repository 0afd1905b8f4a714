import { Condition, conditionIdentity } from './condition';
import { checkAccountId, checkRoleName, checkUserName } from './private/checks';
import { quote } from './private/expression';
import { ValidationError } from './private/validation-error';

/** The kinds of principal a RAM trust policy names (ram-policy-reference §1.2, §3.2). */
export enum PrincipalType {
  /** Accounts, RAM users and RAM roles: `acs:ram::<id>:root|user/<n>|role/<n>`. */
  RAM = 'RAM',
  /** Alibaba Cloud services: `<service>.aliyuncs.com`. */
  SERVICE = 'Service',
  /** Identity providers: `acs:ram::<id>:saml-provider/<n>` or `oidc-provider/<n>`. */
  FEDERATED = 'Federated',
}

const RAM_IDENTIFIER = /^acs:ram::(\d+):(root|user\/[A-Za-z0-9._-]{1,64}|role\/[A-Za-z0-9.-]{1,64})$/;
const FEDERATED_IDENTIFIER = /^acs:ram::(\d+):(saml-provider|oidc-provider)\/[A-Za-z0-9._-]{1,128}$/;
const SERVICE_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.aliyuncs\.com$/;

/**
 * Who a trust policy lets assume a role: a small value, like AWS CDK's principals.
 *
 * A principal may carry conditions (`withConditions`); a trust statement holds only principals
 * with the same conditions, so principals with different conditions get statements of their own.
 */
export class Principal {
  /** A whole account: every RAM user and role of it, never its root identity itself (§2.3). */
  public static account(accountId: string): Principal {
    return Principal.checked(
      PrincipalType.RAM,
      `acs:ram::${accountId}:root`,
      checkAccountId('accountId', accountId),
      accountId,
    );
  }

  /** One RAM user of an account. */
  public static ramUser(accountId: string, userName: string): Principal {
    const problems = [...checkAccountId('accountId', accountId), ...checkUserName('userName', userName)];
    return Principal.checked(PrincipalType.RAM, `acs:ram::${accountId}:user/${userName}`, problems, accountId);
  }

  /** One RAM role of an account, meaning the STS sessions of that role. */
  public static ramRole(accountId: string, roleName: string): Principal {
    const problems = [...checkAccountId('accountId', accountId), ...checkRoleName('roleName', roleName)];
    return Principal.checked(PrincipalType.RAM, `acs:ram::${accountId}:role/${roleName}`, problems, accountId);
  }

  /** An Alibaba Cloud service, e.g. `ecs.aliyuncs.com`; RAM users can never assume such a role (§2.3). */
  public static service(serviceName: string): Principal {
    const problems = SERVICE_NAME.test(serviceName)
      ? []
      : [`serviceName ${quote(serviceName)} is not a service principal (<service>.aliyuncs.com)`];
    return Principal.checked(PrincipalType.SERVICE, serviceName, problems, undefined);
  }

  /** A SAML identity provider of an account; pair it with a `saml:recipient` condition (§3.2). */
  public static samlProvider(accountId: string, providerName: string): Principal {
    return Principal.federated(accountId, `saml-provider/${providerName}`);
  }

  /** An OIDC identity provider of an account (§3.2). */
  public static oidcProvider(accountId: string, providerName: string): Principal {
    return Principal.federated(accountId, `oidc-provider/${providerName}`);
  }

  /**
   * A principal from a document's `Principal` element, e.g. `{"RAM": "acs:ram::<id>:root"}`.
   * Throws for a wildcard or an identifier of another form. Account IDs are read as any run of digits,
   * so that documents with placeholder IDs can be analysed; the constructs require 16 digits.
   */
  public static fromIdentifier(type: string, identifier: string): Principal {
    const problems = principalIdentifierProblems(type, identifier);
    const account = /^acs:ram::(\d+):/.exec(identifier)?.[1];
    return Principal.checked(type as PrincipalType, identifier, problems, account);
  }

  private static federated(accountId: string, relative: string): Principal {
    const identifier = `acs:ram::${accountId}:${relative}`;
    return Principal.checked(
      PrincipalType.FEDERATED,
      identifier,
      principalIdentifierProblems('Federated', identifier),
      accountId,
    );
  }

  private static checked(
    type: PrincipalType,
    identifier: string,
    problems: string[],
    accountId: string | undefined,
  ): Principal {
    if (problems.length > 0) {
      throw new ValidationError(`Principal: ${problems.join('; ')}`);
    }
    return new Principal(type, identifier, accountId, []);
  }

  /** `RAM`, `Service` or `Federated`: the key of the `Principal` element. */
  public readonly type: string;
  /** The ARN or service name written into the trust policy. */
  public readonly identifier: string;
  /** The account this principal belongs to; undefined for services. */
  public readonly accountId?: string;
  /** Conditions that must hold when this principal assumes the role. */
  public readonly conditions: Condition[];

  private constructor(type: PrincipalType, identifier: string, accountId: string | undefined, conditions: Condition[]) {
    this.type = type;
    this.identifier = identifier;
    this.accountId = accountId;
    this.conditions = conditions;
  }

  /** The same principal, trusted only when the conditions also hold (added to any it has). */
  public withConditions(...conditions: Condition[]): Principal {
    return new Principal(this.type as PrincipalType, this.identifier, this.accountId, [
      ...this.conditions,
      ...conditions,
    ]);
  }

  /** A stable key of this principal's conditions: principals with equal keys share a statement. */
  public get conditionsKey(): string {
    return this.conditions.map(conditionIdentity).sort().join('|');
  }

  /** `RAM:acs:ram::<id>:root` and similar, for messages. */
  public toString(): string {
    return `${this.type}:${this.identifier}`;
  }
}

function principalIdentifierProblems(type: string, identifier: string): string[] {
  if (identifier.includes('*') || identifier.includes('?')) {
    return [`principal ${quote(identifier)} is a wildcard (name accounts, users, roles or services explicitly)`];
  }
  switch (type) {
    case PrincipalType.RAM:
      return RAM_IDENTIFIER.test(identifier)
        ? []
        : [`RAM principal ${quote(identifier)} is not acs:ram::<account id>:root, :user/<name> or :role/<name>`];
    case PrincipalType.SERVICE:
      return SERVICE_NAME.test(identifier)
        ? []
        : [`Service principal ${quote(identifier)} is not <service>.aliyuncs.com`];
    case PrincipalType.FEDERATED:
      return FEDERATED_IDENTIFIER.test(identifier)
        ? []
        : [
            `Federated principal ${quote(identifier)} is not acs:ram::<account id>:saml-provider/<name> or :oidc-provider/<name>`,
          ];
    default:
      return [`principal type ${quote(type)} is not RAM, Service or Federated`];
  }
}
