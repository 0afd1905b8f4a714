import { Condition } from '../condition';
import type { PolicyStatement } from '../policy-statement';
import { sortedUnique } from './expression';
import { addTo } from './multimap';

/** One string when there is one value, an array otherwise: the form Alibaba's own documents use. */
export function oneOrMany(values: string[]): string | string[] {
  return values.length === 1 ? values[0] : values;
}

/** `{Operator: {Key: value | [values]}}` with operators and keys in alphabetical order. */
export function renderConditions(conditions: Condition[]): {
  [operator: string]: { [key: string]: string | string[] };
} {
  const byOperator = new Map<string, Map<string, string[]>>();
  for (const condition of conditions) {
    const keys = byOperator.get(condition.operator) ?? new Map<string, string[]>();
    const earlier = keys.get(condition.key);
    if (earlier && JSON.stringify(earlier) !== JSON.stringify(condition.values)) {
      // Writing both would OR values that were meant to be ANDed: refuse rather than broaden.
      throw new Error(
        `condition ${condition.operator} "${condition.key}" is given twice with different values; ` +
          'a statement can hold each key once per operator',
      );
    }
    keys.set(condition.key, condition.values);
    byOperator.set(condition.operator, keys);
  }
  const result: { [operator: string]: { [key: string]: string | string[] } } = {};
  for (const operator of sortedUnique(Array.from(byOperator.keys()))) {
    const keys = byOperator.get(operator)!;
    const block: { [key: string]: string | string[] } = {};
    for (const key of sortedUnique(Array.from(keys.keys()))) {
      block[key] = oneOrMany(keys.get(key)!);
    }
    result[operator] = block;
  }
  return result;
}

/**
 * A statement as canonical JSON: keys in alphabetical order (`Action`, `Condition`, `Effect`,
 * `NotAction`, `Principal`, `Resource`), values sorted, `Principal` values always arrays.
 */
export function renderStatement(statement: PolicyStatement): { [key: string]: unknown } {
  const json: { [key: string]: unknown } = {};
  if (statement.actions.length > 0) json.Action = oneOrMany(statement.actions);
  if (statement.conditions.length > 0) json.Condition = renderConditions(statement.conditions);
  json.Effect = statement.effect;
  if (statement.notActions.length > 0) json.NotAction = oneOrMany(statement.notActions);
  if (statement.principals.length > 0) {
    const byType = new Map<string, string[]>();
    for (const principal of statement.principals) {
      addTo(byType, principal.type, principal.identifier);
    }
    const principals: { [type: string]: string[] } = {};
    for (const type of sortedUnique(Array.from(byType.keys()))) {
      principals[type] = sortedUnique(byType.get(type)!);
    }
    json.Principal = principals;
  }
  if (statement.hasResources) json.Resource = oneOrMany(statement.resources);
  return json;
}
