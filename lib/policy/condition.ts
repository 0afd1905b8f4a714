import { isTerraformExpression, quote, sortedUnique } from './private/expression';
import { isIpOrCidr } from './private/ip';
import { isoDateProblem } from './private/iso-date';

/**
 * The condition operators RAM documents: five families, and nothing else (ram-policy-reference §1.5).
 * `...IfExists`, `Null` and set qualifiers such as `ForAnyValue:` are not documented for RAM and are refused.
 */
export enum ConditionOperator {
  /** Case-sensitive exact match. */
  STRING_EQUALS = 'StringEquals',
  /** Case-sensitive: matches none of the values. */
  STRING_NOT_EQUALS = 'StringNotEquals',
  /** Case-insensitive exact match. */
  STRING_EQUALS_IGNORE_CASE = 'StringEqualsIgnoreCase',
  /** Case-insensitive: matches none of the values. */
  STRING_NOT_EQUALS_IGNORE_CASE = 'StringNotEqualsIgnoreCase',
  /** Case-sensitive match with `*` and `?` wildcards. */
  STRING_LIKE = 'StringLike',
  /** Case-sensitive: matches none of the wildcard patterns. */
  STRING_NOT_LIKE = 'StringNotLike',
  /** Number equal to one of the values. */
  NUMERIC_EQUALS = 'NumericEquals',
  /** Number equal to none of the values. */
  NUMERIC_NOT_EQUALS = 'NumericNotEquals',
  /** Number below the value. */
  NUMERIC_LESS_THAN = 'NumericLessThan',
  /** Number at most the value. */
  NUMERIC_LESS_THAN_EQUALS = 'NumericLessThanEquals',
  /** Number above the value. */
  NUMERIC_GREATER_THAN = 'NumericGreaterThan',
  /** Number at least the value. */
  NUMERIC_GREATER_THAN_EQUALS = 'NumericGreaterThanEquals',
  /** Same instant as the ISO 8601 value. */
  DATE_EQUALS = 'DateEquals',
  /** Another instant than the ISO 8601 value. */
  DATE_NOT_EQUALS = 'DateNotEquals',
  /** Before the ISO 8601 value. */
  DATE_LESS_THAN = 'DateLessThan',
  /** At or before the ISO 8601 value. */
  DATE_LESS_THAN_EQUALS = 'DateLessThanEquals',
  /** After the ISO 8601 value. */
  DATE_GREATER_THAN = 'DateGreaterThan',
  /** At or after the ISO 8601 value. */
  DATE_GREATER_THAN_EQUALS = 'DateGreaterThanEquals',
  /** `"true"` or `"false"`. */
  BOOL = 'Bool',
  /** Source address inside one of the IPs or CIDR blocks. */
  IP_ADDRESS = 'IpAddress',
  /** Source address inside none of the IPs or CIDR blocks. */
  NOT_IP_ADDRESS = 'NotIpAddress',
}

/** Well-known condition keys (ram-policy-reference §1.7, §3.3). */
export class ConditionKey {
  /** Whether the caller signed in with MFA (Bool). */
  public static readonly MFA_PRESENT = 'acs:MFAPresent';
  /** The caller's public source IP (IpAddress / NotIpAddress). */
  public static readonly SOURCE_IP = 'acs:SourceIp';
  /** Whether the request came over HTTPS (Bool). */
  public static readonly SECURE_TRANSPORT = 'acs:SecureTransport';
  /** Time of the request (Date operators). */
  public static readonly CURRENT_TIME = 'acs:CurrentTime';
  /** VPC the request came from (String operators). */
  public static readonly SOURCE_VPC = 'acs:SourceVpc';
  /**
   * External ID passed to AssumeRole, checked in a trust policy with StringEquals (ram-policy-reference §3.3).
   *
   * Alibaba's guide "Use external IDs to prevent the confused deputy issue"
   * (https://www.alibabacloud.com/help/en/ram/use-cases/use-externalid-to-prevent-the-confused-deputy-problem)
   * says the external ID goes into the role's trust policy and that AssumeRole fails without it; the
   * retrieved copies stop before its JSON, so the key's spelling rests on a guide written for Alibaba RAM
   * (https://docs.guance.com/en/management/aliyun-account). Kept in this one constant.
   */
  public static readonly EXTERNAL_ID = 'sts:ExternalId';

  private constructor() {}
}

type Family = 'string' | 'numeric' | 'date' | 'bool' | 'ip';

const FAMILIES: { [operator: string]: Family } = {};
for (const op of Object.values(ConditionOperator)) {
  FAMILIES[op] = op.startsWith('String')
    ? 'string'
    : op.startsWith('Numeric')
      ? 'numeric'
      : op.startsWith('Date')
        ? 'date'
        : op === ConditionOperator.BOOL
          ? 'bool'
          : 'ip';
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One condition: an operator, a key and the values it accepts (any one of them, §1.6).
 *
 * Conditions of one statement are ANDed. Values are written as JSON strings, as RAM requires (§1.2).
 */
export class Condition {
  /** Exact, case-sensitive string match against any of the values. */
  public static stringEquals(key: string, values: string[]): Condition {
    return new Condition(ConditionOperator.STRING_EQUALS, key, values);
  }
  /** True when the value matches none of the given strings (case-sensitive). */
  public static stringNotEquals(key: string, values: string[]): Condition {
    return new Condition(ConditionOperator.STRING_NOT_EQUALS, key, values);
  }
  /** Exact, case-insensitive string match. */
  public static stringEqualsIgnoreCase(key: string, values: string[]): Condition {
    return new Condition(ConditionOperator.STRING_EQUALS_IGNORE_CASE, key, values);
  }
  /** True when the value matches none of the given strings, ignoring case. */
  public static stringNotEqualsIgnoreCase(key: string, values: string[]): Condition {
    return new Condition(ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE, key, values);
  }
  /** Wildcard match (`*`, `?`) against any of the patterns. */
  public static stringLike(key: string, patterns: string[]): Condition {
    return new Condition(ConditionOperator.STRING_LIKE, key, patterns);
  }
  /** True when the value matches none of the wildcard patterns. */
  public static stringNotLike(key: string, patterns: string[]): Condition {
    return new Condition(ConditionOperator.STRING_NOT_LIKE, key, patterns);
  }
  /** Number equal to any of the values. */
  public static numericEquals(key: string, values: number[]): Condition {
    return Condition.numeric(ConditionOperator.NUMERIC_EQUALS, key, values);
  }
  /** Number equal to none of the values. */
  public static numericNotEquals(key: string, values: number[]): Condition {
    return Condition.numeric(ConditionOperator.NUMERIC_NOT_EQUALS, key, values);
  }
  /** Number below the value. */
  public static numericLessThan(key: string, value: number): Condition {
    return Condition.numeric(ConditionOperator.NUMERIC_LESS_THAN, key, [value]);
  }
  /** Number at most the value. */
  public static numericLessThanEquals(key: string, value: number): Condition {
    return Condition.numeric(ConditionOperator.NUMERIC_LESS_THAN_EQUALS, key, [value]);
  }
  /** Number above the value. */
  public static numericGreaterThan(key: string, value: number): Condition {
    return Condition.numeric(ConditionOperator.NUMERIC_GREATER_THAN, key, [value]);
  }
  /** Number at least the value. */
  public static numericGreaterThanEquals(key: string, value: number): Condition {
    return Condition.numeric(ConditionOperator.NUMERIC_GREATER_THAN_EQUALS, key, [value]);
  }
  /** Same instant as any of the ISO 8601 values. */
  public static dateEquals(key: string, dates: string[]): Condition {
    return new Condition(ConditionOperator.DATE_EQUALS, key, dates);
  }
  /** Another instant than each of the ISO 8601 values. */
  public static dateNotEquals(key: string, dates: string[]): Condition {
    return new Condition(ConditionOperator.DATE_NOT_EQUALS, key, dates);
  }
  /** Before the ISO 8601 date, e.g. `2026-12-31T23:59:59+08:00`. */
  public static dateLessThan(key: string, date: string): Condition {
    return new Condition(ConditionOperator.DATE_LESS_THAN, key, [date]);
  }
  /** At or before the ISO 8601 date. */
  public static dateLessThanEquals(key: string, date: string): Condition {
    return new Condition(ConditionOperator.DATE_LESS_THAN_EQUALS, key, [date]);
  }
  /** After the ISO 8601 date. */
  public static dateGreaterThan(key: string, date: string): Condition {
    return new Condition(ConditionOperator.DATE_GREATER_THAN, key, [date]);
  }
  /** At or after the ISO 8601 date. */
  public static dateGreaterThanEquals(key: string, date: string): Condition {
    return new Condition(ConditionOperator.DATE_GREATER_THAN_EQUALS, key, [date]);
  }
  /** Boolean key such as `acs:MFAPresent` or `acs:SecureTransport`. */
  public static bool(key: string, value: boolean): Condition {
    return new Condition(ConditionOperator.BOOL, key, [value ? 'true' : 'false']);
  }
  /** Source address inside any of the IPs or CIDR blocks. */
  public static ipAddress(key: string, cidrs: string[]): Condition {
    return new Condition(ConditionOperator.IP_ADDRESS, key, cidrs);
  }
  /** Source address inside none of the IPs or CIDR blocks. */
  public static notIpAddress(key: string, cidrs: string[]): Condition {
    return new Condition(ConditionOperator.NOT_IP_ADDRESS, key, cidrs);
  }
  /** Any operator, for values read from a document (see `PolicyDocument.fromJson`). */
  public static of(operator: ConditionOperator, key: string, values: string[]): Condition {
    return new Condition(operator, key, values);
  }

  private static numeric(operator: ConditionOperator, key: string, values: number[]): Condition {
    return new Condition(
      operator,
      key,
      values.map((v) => String(v)),
    );
  }

  /** The operator, e.g. `IpAddress`. */
  public readonly operator: string;
  /** The condition key, e.g. `acs:SourceIp`. */
  public readonly key: string;
  /** The accepted values, sorted and without duplicates. */
  public readonly values: string[];

  private constructor(operator: ConditionOperator, key: string, values: string[]) {
    this.operator = operator;
    this.key = key;
    this.values = sortedUnique(values);
  }

  /** Problems with this condition, as messages; empty when it is well-formed. */
  public validate(): string[] {
    const where = `condition ${this.operator} ${quote(this.key)}`;
    const problems: string[] = [];
    if (!/^[A-Za-z0-9-]+:[A-Za-z0-9/_.:-]+$/.test(this.key)) {
      problems.push(`${where}: key ${quote(this.key)} is not a condition key (<service>:<name>, such as acs:SourceIp)`);
    }
    if (this.values.length === 0) {
      problems.push(`${where} has no values (give at least one)`);
    }
    for (const value of this.values) {
      if (isTerraformExpression(value)) continue;
      const problem = Condition.checkValue(FAMILIES[this.operator], value);
      if (problem) problems.push(`${where}: value ${quote(value)} ${problem}`);
    }
    return problems;
  }

  /** True when both conditions have the same operator, key and values. */
  public sameAs(other: Condition): boolean {
    return conditionIdentity(this) === conditionIdentity(other);
  }

  private static checkValue(family: Family, value: string): string | undefined {
    switch (family) {
      case 'numeric':
        return NUMBER.test(value) ? undefined : 'is not a number';
      case 'date':
        return isoDateProblem(value);
      case 'bool':
        return value === 'true' || value === 'false' ? undefined : 'is not "true" or "false"';
      case 'ip':
        return isIpOrCidr(value) ? undefined : 'is not an IPv4/IPv6 address or CIDR block';
      default:
        return value.length > 0 ? undefined : 'is empty';
    }
  }
}

/** True when the string names a documented RAM condition operator. */
export function isConditionOperator(value: string): value is ConditionOperator {
  return Object.prototype.hasOwnProperty.call(FAMILIES, value);
}

/** Operator, key and values as one comparable string. */
export function conditionIdentity(condition: Condition): string {
  return JSON.stringify([condition.operator, condition.key, condition.values]);
}
