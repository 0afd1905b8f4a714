import { BlockList, isIPv4, isIPv6 } from 'net';
import { Condition, ConditionOperator } from '../../policy';
import { globMatches } from './glob';

/** The negated operators: satisfied by a request that lacks the key (EvaluatorOptions). */
export const NEGATED = new Set<string>([
  ConditionOperator.STRING_NOT_EQUALS,
  ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE,
  ConditionOperator.STRING_NOT_LIKE,
  ConditionOperator.NUMERIC_NOT_EQUALS,
  ConditionOperator.DATE_NOT_EQUALS,
  ConditionOperator.NOT_IP_ADDRESS,
]);

/**
 * Operator pairs that are exact complements under the evaluator's defaults (a negated operator holds on a
 * missing key, a positive one does not): `StringEquals` fails exactly where `StringNotEquals` holds. The
 * inequalities (`NumericLessThan`, `DateGreaterThan`, ...) and `Bool` have no such partner (both sides fail
 * on a missing key), so their failure has no condition of its own.
 */
const PAIRS: readonly [ConditionOperator, ConditionOperator][] = [
  [ConditionOperator.STRING_EQUALS, ConditionOperator.STRING_NOT_EQUALS],
  [ConditionOperator.STRING_EQUALS_IGNORE_CASE, ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE],
  [ConditionOperator.STRING_LIKE, ConditionOperator.STRING_NOT_LIKE],
  [ConditionOperator.NUMERIC_EQUALS, ConditionOperator.NUMERIC_NOT_EQUALS],
  [ConditionOperator.DATE_EQUALS, ConditionOperator.DATE_NOT_EQUALS],
  [ConditionOperator.IP_ADDRESS, ConditionOperator.NOT_IP_ADDRESS],
];
const COMPLEMENT = new Map<string, ConditionOperator>(
  PAIRS.flatMap(([a, b]) => [
    [a, b],
    [b, a],
  ]),
);

/** The condition that holds exactly where `condition` fails, when one operator says it; undefined otherwise. */
export function complementOf(condition: Condition): Condition | undefined {
  const operator = COMPLEMENT.get(condition.operator);
  return operator === undefined ? undefined : Condition.of(operator, condition.key, condition.values);
}

function ipFamily(value: string): 'ipv4' | 'ipv6' | undefined {
  const address = value.split('/')[0];
  return isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
}

/** Whether the address is the CIDR block's address or inside the block (same family only). */
export function inCidr(ip: string, cidr: string): boolean {
  const family = ipFamily(ip);
  if (!family || ipFamily(cidr) !== family || ip.includes('/')) return false;
  const list = new BlockList();
  const [address, prefix] = cidr.split('/');
  if (prefix === undefined) list.addAddress(address, family);
  else list.addSubnet(address, Number(prefix), family);
  return list.check(ip, family);
}

function numberOf(value: string): number {
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
}

function instantOf(value: string): number {
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
}

/** Does one request value satisfy the (positive form of the) operator for one policy value? */
function valueMatches(operator: string, requestValue: string, policyValue: string): boolean {
  switch (operator) {
    case ConditionOperator.STRING_EQUALS:
    case ConditionOperator.STRING_NOT_EQUALS:
      return requestValue === policyValue;
    case ConditionOperator.STRING_EQUALS_IGNORE_CASE:
    case ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE:
      return requestValue.toLowerCase() === policyValue.toLowerCase();
    case ConditionOperator.STRING_LIKE:
    case ConditionOperator.STRING_NOT_LIKE:
      return globMatches(policyValue, requestValue, true);
    case ConditionOperator.NUMERIC_EQUALS:
    case ConditionOperator.NUMERIC_NOT_EQUALS:
      return numberOf(requestValue) === numberOf(policyValue);
    case ConditionOperator.NUMERIC_LESS_THAN:
      return numberOf(requestValue) < numberOf(policyValue);
    case ConditionOperator.NUMERIC_LESS_THAN_EQUALS:
      return numberOf(requestValue) <= numberOf(policyValue);
    case ConditionOperator.NUMERIC_GREATER_THAN:
      return numberOf(requestValue) > numberOf(policyValue);
    case ConditionOperator.NUMERIC_GREATER_THAN_EQUALS:
      return numberOf(requestValue) >= numberOf(policyValue);
    case ConditionOperator.DATE_EQUALS:
    case ConditionOperator.DATE_NOT_EQUALS:
      return instantOf(requestValue) === instantOf(policyValue);
    case ConditionOperator.DATE_LESS_THAN:
      return instantOf(requestValue) < instantOf(policyValue);
    case ConditionOperator.DATE_LESS_THAN_EQUALS:
      return instantOf(requestValue) <= instantOf(policyValue);
    case ConditionOperator.DATE_GREATER_THAN:
      return instantOf(requestValue) > instantOf(policyValue);
    case ConditionOperator.DATE_GREATER_THAN_EQUALS:
      return instantOf(requestValue) >= instantOf(policyValue);
    case ConditionOperator.BOOL:
      return requestValue.toLowerCase() === policyValue;
    case ConditionOperator.IP_ADDRESS:
    case ConditionOperator.NOT_IP_ADDRESS:
      return inCidr(requestValue, policyValue);
    default:
      // Unreachable for documents built by the policy model; refuse rather than guess (§1.5).
      throw new Error(`condition operator "${operator}" is not supported by the evaluator`);
  }
}

/**
 * One condition against the request (§1.6): any request value matching any policy value satisfies a
 * positive operator; a negated operator is satisfied when no request value matches any policy value.
 */
export function conditionHolds(
  condition: Condition,
  context: { [key: string]: string[] },
  negatedMatchesMissingKey: boolean,
): boolean {
  const negated = NEGATED.has(condition.operator);
  const values = Object.prototype.hasOwnProperty.call(context, condition.key) ? context[condition.key] : undefined;
  if (values === undefined || values.length === 0) {
    return negated ? negatedMatchesMissingKey : false;
  }
  const matched = values.some((rv) => condition.values.some((pv) => valueMatches(condition.operator, rv, pv)));
  return negated ? !matched : matched;
}
