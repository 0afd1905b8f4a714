import { Condition, ConditionOperator, isConditionOperator } from '../condition';
import { Effect } from '../effect';
import { PolicyStatement } from '../policy-statement';
import { Principal } from '../principal';
import { quote } from './expression';
import { ValidationError } from './validation-error';

const STATEMENT_KEYS = ['Action', 'Condition', 'Effect', 'NotAction', 'Principal', 'Resource'];

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string or a non-empty array of strings (§1.2: the two are equivalent). */
function strings(value: unknown, where: string, problems: string[]): string[] {
  // A single string (most elements) needs no list of its own to be checked.
  if (typeof value === 'string' && value.length > 0) return [value];
  const list: unknown[] = Array.isArray(value) ? value : [value];
  let valid = list.length > 0;
  for (let i = 0; i < list.length && valid; i++) valid = typeof list[i] === 'string' && (list[i] as string).length > 0;
  if (!valid) {
    problems.push(`${where} must be a non-empty string or a non-empty array of non-empty strings`);
    return [];
  }
  return list as string[];
}

/** How a JSON value reads in a message: strings quoted, everything else as JSON with its type. */
function shown(value: unknown): string {
  return typeof value === 'string'
    ? quote(value)
    : `${quote(JSON.stringify(value))} (a ${Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value}, not a string)`;
}

/** ram-policy-reference §1.1: "1" is the only valid version, written as a string. */
function versionProblem(value: unknown): string | undefined {
  if (value === '1') return undefined;
  if (value === undefined) return 'is missing (write "Version": "1", the only valid version)';
  if (value === 1) return 'is the number 1, not the string "1" (write "Version": "1", the only valid version)';
  return `${shown(value)} is not "1" (the only valid policy version)`;
}

/** ram-policy-reference §1.1-§1.2: `Allow` or `Deny`, case-sensitive. */
function effectProblem(value: unknown): string | undefined {
  if (value === Effect.ALLOW || value === Effect.DENY) return undefined;
  if (value === undefined) return 'is missing (every statement needs "Effect": "Allow" or "Deny")';
  if (typeof value === 'string') {
    const meant = [Effect.ALLOW, Effect.DENY].find((e) => e.toLowerCase() === value.trim().toLowerCase());
    if (meant)
      return `${quote(value)} is not "Allow" or "Deny" (element values are case-sensitive: write ${quote(meant)})`;
  }
  return `${shown(value)} is not "Allow" or "Deny" (case-sensitive)`;
}

function parseConditions(value: unknown, where: string, problems: string[]): Condition[] {
  if (!isObject(value)) {
    problems.push(`${where}.Condition must be an object of operators`);
    return [];
  }
  const conditions: Condition[] = [];
  for (const [operator, block] of Object.entries(value)) {
    if (!isConditionOperator(operator)) {
      problems.push(
        `${where}.Condition operator ${quote(operator)} is not a RAM condition operator ` +
          '(String*, Numeric*, Date*, Bool, IpAddress, NotIpAddress; IfExists, Null and ForAnyValue: are not documented)',
      );
      continue;
    }
    if (!isObject(block)) {
      problems.push(`${where}.Condition.${operator} must be an object of condition keys`);
      continue;
    }
    for (const [key, values] of Object.entries(block)) {
      const list = strings(values, `${where}.Condition.${operator}.${key}`, problems);
      if (list.length > 0) conditions.push(Condition.of(operator as ConditionOperator, key, list));
    }
  }
  return conditions;
}

function parsePrincipals(value: unknown, where: string, problems: string[]): Principal[] {
  if (!isObject(value)) {
    problems.push(`${where}.Principal must be an object such as {"RAM": ["acs:ram::<account id>:root"]} (not "*")`);
    return [];
  }
  const principals: Principal[] = [];
  for (const [type, ids] of Object.entries(value)) {
    for (const id of strings(ids, `${where}.Principal.${type}`, problems)) {
      try {
        principals.push(Principal.fromIdentifier(type, id));
      } catch (e) {
        problems.push(`${where}.${(e as Error).message.replace(/^Principal: /, '')}`);
      }
    }
  }
  return principals;
}

function parseStatement(raw: unknown, where: string, problems: string[]): PolicyStatement | undefined {
  if (!isObject(raw)) {
    problems.push(`${where} must be an object`);
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!STATEMENT_KEYS.includes(key)) {
      problems.push(
        `${where} has element ${quote(key)}, which RAM does not accept (allowed: ${STATEMENT_KEYS.join(', ')})`,
      );
    }
  }
  const effect = effectProblem(raw.Effect);
  if (effect) problems.push(`${where}.Effect ${effect}`);
  if ((raw.Action === undefined) === (raw.NotAction === undefined)) {
    problems.push(`${where} must have exactly one of Action and NotAction`);
  }
  const result = new PolicyStatement({
    effect: raw.Effect === Effect.DENY ? Effect.DENY : Effect.ALLOW,
    actions: raw.Action === undefined ? undefined : strings(raw.Action, `${where}.Action`, problems),
    notActions: raw.NotAction === undefined ? undefined : strings(raw.NotAction, `${where}.NotAction`, problems),
    resources: raw.Resource === undefined ? undefined : strings(raw.Resource, `${where}.Resource`, problems),
    conditions: raw.Condition === undefined ? undefined : parseConditions(raw.Condition, where, problems),
    principals: raw.Principal === undefined ? undefined : parsePrincipals(raw.Principal, where, problems),
  });
  const invalid = result.validate();
  for (let i = 0; i < invalid.length; i++) problems.push(`${where}: ${invalid[i]}`);
  return result;
}

/** Parses and checks a document; throws one error that lists every problem. */
export function parsePolicyDocument(json: string): PolicyStatement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new ValidationError(`PolicyDocument.fromJson: not valid JSON (${(e as Error).message})`);
  }
  const problems: string[] = [];
  const statements: PolicyStatement[] = [];
  if (!isObject(doc)) {
    problems.push('the document must be a JSON object with Version and Statement');
  } else {
    for (const key of Object.keys(doc)) {
      if (key !== 'Version' && key !== 'Statement') {
        problems.push(`top-level element ${quote(key)} is not accepted (allowed: Statement, Version)`);
      }
    }
    const version = versionProblem(doc.Version);
    if (version) problems.push(`Version ${version}`);
    if (!Array.isArray(doc.Statement) || doc.Statement.length === 0) {
      problems.push('Statement must be a non-empty array of statements');
    } else {
      doc.Statement.forEach((raw, i) => {
        const statement = parseStatement(raw, `Statement[${i}]`, problems);
        if (statement) statements.push(statement);
      });
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(`PolicyDocument.fromJson: invalid policy document:\n  - ${problems.join('\n  - ')}`);
  }
  return statements;
}
