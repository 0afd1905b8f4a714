import { compareStrings, sortedUnique } from './expression';
import { oneOrMany } from './render';
import { addTo } from './multimap';

/** A statement in canonical JSON form, as `renderStatement` makes it. */
export type StatementJson = { [key: string]: unknown };

type Field = 'Action' | 'Resource' | 'Principal';

function values(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

function keyWithout(statement: StatementJson, field: Field): string {
  const rest: StatementJson = { ...statement };
  delete rest[field];
  return JSON.stringify(rest);
}

function union(field: Field, group: StatementJson[]): unknown {
  if (field !== 'Principal') {
    return oneOrMany(sortedUnique(group.flatMap((s) => values(s[field]))));
  }
  const byType = new Map<string, string[]>();
  for (const statement of group) {
    for (const [type, ids] of Object.entries(statement.Principal as { [type: string]: string[] })) {
      addTo(byType, type, ...ids);
    }
  }
  const merged: { [type: string]: string[] } = {};
  for (const type of sortedUnique(Array.from(byType.keys()))) merged[type] = sortedUnique(byType.get(type)!);
  return merged;
}

/**
 * Merges the statements that differ in one field only, taking the union of that field.
 * Each merge keeps the meaning: values of one field are ORed, so {a on R} + {b on R} = {a, b on R}.
 * NotAction statements never merge on their actions ("all but a" OR "all but b" is not "all but a and b").
 */
function mergeOn(statements: StatementJson[], field: Field): StatementJson[] {
  const groups = new Map<string, StatementJson[]>();
  const result: StatementJson[] = [];
  for (const statement of statements) {
    if (!(field in statement)) {
      result.push(statement);
      continue;
    }
    const key = keyWithout(statement, field);
    addTo(groups, key, statement);
  }
  for (const group of groups.values()) {
    const merged: StatementJson = { ...group[0], [field]: union(field, group) };
    result.push(merged);
  }
  return result;
}

/** Puts keys in alphabetical order, as RAM returns documents. */
function sortKeys(statement: StatementJson): StatementJson {
  const sorted: StatementJson = {};
  for (const key of Object.keys(statement).sort(compareStrings)) sorted[key] = statement[key];
  return sorted;
}

/**
 * The canonical list of statements: merged until nothing changes, de-duplicated, and sorted by
 * their JSON text. Every step depends only on the set of statements, never on their order, so the
 * same access always gives byte-identical output.
 */
export function canonicalStatements(statements: StatementJson[]): StatementJson[] {
  let current = statements.map(sortKeys);
  for (;;) {
    const before = JSON.stringify(current.map((s) => JSON.stringify(s)).sort(compareStrings));
    current = mergeOn(current, 'Action');
    current = mergeOn(current, 'Resource');
    current = mergeOn(current, 'Principal');
    current = current.map(sortKeys);
    const after = JSON.stringify(current.map((s) => JSON.stringify(s)).sort(compareStrings));
    if (after === before) break;
  }
  const unique = new Map<string, StatementJson>();
  for (const statement of current) unique.set(JSON.stringify(statement), statement);
  return Array.from(unique.keys())
    .sort(compareStrings)
    .map((key) => unique.get(key)!);
}
