import { Condition, Effect, PolicyDocument, PolicyStatement, Principal } from '../../policy';
import type { GraphRole } from '../graph-model';
import { isTerraformExpression } from '../../policy/private/expression';

/**
 * Terraform values the output does not know: a role name, a grant's role ARN or a trusted account that
 * comes from a variable, a data source or a local (`${var.role_arn}`). The evaluator compares them as the
 * opaque text they are, which says "no" where RAM, given the value Terraform applies, may say yes. The
 * analysis never says such a "no": it asks the evaluator again about *widened* documents, in which every
 * unknown value may be anything (an Allow's unknown action or resource matches what it could become, its
 * conditions on unknown values are left out, a Deny holding one is left out), and reports what they allow
 * as allowed "for some values of" those expressions.
 */

/** `${...}` with at most one level of nested braces (`${lookup(var.m, "k")}`, `${{a = 1}}`). */
const EXPRESSION = /\$\{(?:[^{}]|\{[^{}]*\})*\}/g;

/** The expressions of a text, in order. */
export function expressionsOf(text: string): string[] {
  return isTerraformExpression(text) ? (text.match(EXPRESSION) ?? [text]) : [];
}

/** The glob a text with expressions could become: each expression may be any text. */
export function asPattern(text: string): string {
  return isTerraformExpression(text) ? text.replace(EXPRESSION, '*') : text;
}

function conditionHasExpression(condition: Condition): boolean {
  return isTerraformExpression(condition.key) || condition.values.some(isTerraformExpression);
}

/** The expressions a statement holds, in its actions, resources, principals and conditions. */
function statementExpressions(statement: PolicyStatement): string[] {
  const texts = [
    ...statement.actions,
    ...statement.notActions,
    ...statement.resources,
    ...statement.principals.map((p) => p.identifier),
    ...statement.conditions.flatMap((c) => [c.key, ...c.values]),
  ];
  return texts.flatMap(expressionsOf);
}

function anyExpression(texts: readonly string[]): boolean {
  for (let i = 0; i < texts.length; i++) if (isTerraformExpression(texts[i])) return true;
  return false;
}

/** Does a statement hold an expression? Asked of every statement of a report: loops, no lists made. */
function statementHasExpression(s: PolicyStatement): boolean {
  if (anyExpression(s.actions) || anyExpression(s.notActions) || anyExpression(s.resources)) return true;
  for (let i = 0; i < s.principals.length; i++) if (isTerraformExpression(s.principals[i].identifier)) return true;
  for (let i = 0; i < s.conditions.length; i++) if (conditionHasExpression(s.conditions[i])) return true;
  return false;
}

function documentHasExpression(document: PolicyDocument): boolean {
  for (let i = 0; i < document.statements.length; i++) if (statementHasExpression(document.statements[i])) return true;
  return false;
}

/** Documents as they may be for some values of their expressions, and those expressions. */
export interface Widened {
  readonly documents: PolicyDocument[];
  readonly expressions: string[];
}

/** An Allow's conditions, without those on unknown values (some value may meet them). */
function knownConditions(statement: PolicyStatement): Condition[] {
  return statement.conditions.filter((c) => !conditionHasExpression(c));
}

/**
 * Identity policies widened: an Allow's unknown actions and resources match whatever they could become,
 * an unknown excluded action (`NotAction`) excludes nothing, a Deny with an unknown value is left out.
 * Undefined when no statement holds an expression (the documents mean exactly what they say).
 */
export function widenIdentity(documents: PolicyDocument[]): Widened | undefined {
  if (!documents.some(documentHasExpression)) return undefined;
  const expressions = documents.flatMap((d) => d.statements.flatMap(statementExpressions));
  if (expressions.length === 0) return undefined;
  const widened = documents.map((document) => {
    const statements: PolicyStatement[] = [];
    for (const s of document.statements) {
      if (!statementHasExpression(s)) statements.push(s);
      else if (s.effect === Effect.ALLOW) {
        const notActions = s.notActions.filter((a) => !isTerraformExpression(a));
        const allActions = s.notActions.length > 0 && notActions.length === 0;
        statements.push(
          new PolicyStatement({
            effect: Effect.ALLOW,
            ...(allActions ? { actions: ['*'] } : notActions.length > 0 ? { notActions } : {}),
            ...(s.actions.length > 0 ? { actions: s.actions.map(asPattern) } : {}),
            ...(s.hasResources ? { resources: s.resources.map(asPattern) } : {}),
            conditions: knownConditions(s),
          }),
        );
      }
    }
    return new PolicyDocument(statements);
  });
  return { documents: widened, expressions: unique(expressions) };
}

/**
 * A trust policy widened: an Allow's conditions on unknown values are left out, a Deny with an unknown
 * value is left out. (Its principals are never unknown: the parser refuses a principal holding an
 * expression, since RAM needs literal ARNs there.) Undefined when the trust policy holds no expression.
 */
export function widenTrust(trust: PolicyDocument): Widened | undefined {
  if (!documentHasExpression(trust)) return undefined;
  const expressions = trust.statements.flatMap(statementExpressions);
  if (expressions.length === 0) return undefined;
  const statements: PolicyStatement[] = [];
  for (const s of trust.statements) {
    if (!statementHasExpression(s)) statements.push(s);
    else if (s.effect === Effect.ALLOW) {
      statements.push(
        new PolicyStatement({
          effect: Effect.ALLOW,
          ...(s.actions.length > 0 ? { actions: s.actions.map(asPattern) } : { notActions: s.notActions }),
          // Again without their own conditions: the statement's conditions already hold them.
          principals: s.principals.map((p) => Principal.fromIdentifier(p.type, p.identifier)),
          conditions: knownConditions(s),
        }),
      );
    }
  }
  return { documents: [new PolicyDocument(statements)], expressions: unique(expressions) };
}

function unique(values: string[]): string[] {
  return Array.from(new Set(values)).sort();
}

/**
 * A text both globs match (`*` any run, `?` one character), or undefined when none exists: the value an
 * unknown role name could take for a grant's resource to cover it. Breadth-first over pairs of positions.
 */
export function commonMatch(a: string, b: string): string | undefined {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const from = new Int32Array((n + 1) * width).fill(-1);
  const emitted: string[] = new Array((n + 1) * width);
  const start = 0;
  from[start] = start;
  const queue = [start];
  const visit = (state: number, next: number, char: string) => {
    if (from[next] !== -1) return;
    from[next] = state;
    emitted[next] = char;
    queue.push(next);
  };
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    const i = Math.floor(state / width);
    const j = state % width;
    if (i === n && j === m) {
      let text = '';
      for (let s = state; s !== start; s = from[s]) text = emitted[s] + text;
      return text;
    }
    const p = a[i];
    const q = b[j];
    if (p === '*') visit(state, state + width, '');
    if (q === '*') visit(state, state + 1, '');
    if (p === '*' && j < m && q !== '*') visit(state, state + 1, q === '?' ? 'x' : q);
    if (q === '*' && i < n && p !== '*') visit(state, state + width, p === '?' ? 'x' : p);
    if (i < n && j < m && p !== '*' && q !== '*' && (p === q || p === '?' || q === '?')) {
      visit(state, state + width + 1, p === '?' ? (q === '?' ? 'x' : q) : p);
    }
  }
  return undefined;
}

/**
 * The role ARNs to ask about: the role's own, or, when its name is an unknown Terraform value or its stack's
 * account is one the output does not say, each ARN it could have that a grant's resource covers (and one more
 * that none names).
 */
export function roleArnsFor(role: GraphRole, policies: PolicyDocument[]): string[] {
  if (role.unresolvedRoleName === undefined && role.accountId !== undefined) return [role.arn];
  // A literal role name holds no `*` or `?` (RAM allows letters, digits, `.` and `-`).
  const pattern = `acs:ram::${role.accountId ?? '*'}:role/${asPattern(role.unresolvedRoleName ?? role.roleName)}`;
  const arns = new Set<string>();
  for (const document of policies) {
    for (const s of document.statements) {
      if (s.effect !== Effect.ALLOW) continue;
      for (const resource of s.resources) {
        const arn = commonMatch(resource, pattern);
        if (arn !== undefined) arns.add(arn);
      }
    }
  }
  arns.add(pattern.replace(/[*?]/g, 'x'));
  return Array.from(arns);
}

/**
 * The caller ARNs to ask about for a role of `accountId` whose own name is an unknown Terraform value: each RAM
 * principal of the trust policy that the name could take. The ARN as written stands for every other name. (A
 * trust condition on `acs:PrincipalARN` needs no name of its own: the assumer rows choose its value freely.)
 */
export function callerArnsFor(trust: PolicyDocument, accountId: string, name: string): string[] {
  const pattern = `acs:ram::${accountId}:role/${asPattern(name)}`;
  const arns = new Set<string>();
  for (const s of trust.statements) {
    for (const p of s.principals) {
      const arn = commonMatch(p.identifier, pattern);
      if (arn !== undefined) arns.add(arn);
    }
  }
  return Array.from(arns);
}
