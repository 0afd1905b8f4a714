import { Condition, ConditionOperator } from '../../policy';

/**
 * A request context that meets the positive conditions given (negated ones are met by leaving their
 * key out, the evaluator's default): used to ask "can this principal assume the role when it
 * meets the trust conditions?", as a user who follows the rules would.
 */
export function satisfyingContext(conditions: Condition[]): { [key: string]: string[] } {
  const context: { [key: string]: string[] } = {};
  for (const c of conditions) {
    const value = c.values[0];
    if (value === undefined) continue;
    switch (c.operator) {
      case ConditionOperator.STRING_EQUALS:
      case ConditionOperator.STRING_EQUALS_IGNORE_CASE:
      case ConditionOperator.BOOL:
      case ConditionOperator.NUMERIC_EQUALS:
      case ConditionOperator.DATE_EQUALS:
      case ConditionOperator.NUMERIC_LESS_THAN_EQUALS:
      case ConditionOperator.NUMERIC_GREATER_THAN_EQUALS:
      case ConditionOperator.DATE_LESS_THAN_EQUALS:
      case ConditionOperator.DATE_GREATER_THAN_EQUALS:
        context[c.key] = [value];
        break;
      case ConditionOperator.STRING_LIKE:
        context[c.key] = [value.replace(/[*?]/g, 'x')];
        break;
      case ConditionOperator.IP_ADDRESS:
        context[c.key] = [value.split('/')[0]];
        break;
      case ConditionOperator.NUMERIC_LESS_THAN:
        context[c.key] = [String(Number(value) - 1)];
        break;
      case ConditionOperator.NUMERIC_GREATER_THAN:
        context[c.key] = [String(Number(value) + 1)];
        break;
      case ConditionOperator.DATE_LESS_THAN:
        context[c.key] = [new Date(Date.parse(value) - 1000).toISOString()];
        break;
      case ConditionOperator.DATE_GREATER_THAN:
        context[c.key] = [new Date(Date.parse(value) + 1000).toISOString()];
        break;
      default:
        break; // negated operators: leave the key out
    }
  }
  return context;
}
