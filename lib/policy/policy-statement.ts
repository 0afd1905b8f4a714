import { Condition } from './condition';
import { Effect } from './effect';
import { Principal } from './principal';
import { isTerraformExpression, quote, sortedUnique } from './private/expression';
import { renderStatement } from './private/render';

/** What one statement says. Give exactly one of `actions` and `notActions`. */
export interface PolicyStatementProps {
  /**
   * Allow or Deny.
   * @default Effect.ALLOW
   */
  readonly effect?: Effect;
  /** Actions, `<ram-code>:<action-name>` such as `log:PostLogStoreLogs`; wildcards allowed. */
  readonly actions?: string[];
  /** Every action except these (RAM's `NotAction`); use sparingly, it grows with every new API. */
  readonly notActions?: string[];
  /**
   * ARNs, or `*`. Required in identity policies, absent in trust policies.
   * @default - none (a trust policy statement)
   */
  readonly resources?: string[];
  /**
   * Who the statement is about; trust policies only. Each principal's own conditions join the statement's.
   * @default - none (an identity policy statement)
   */
  readonly principals?: Principal[];
  /**
   * Conditions that must all hold.
   * @default - none
   */
  readonly conditions?: Condition[];
}

const ACTION = /^(\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+)$/;
const RESOURCE = /^(\*|acs:[^:\s]*:[^:\s]*:[^:\s]*:\S+)$/;

/**
 * One statement of a RAM policy: an immutable value.
 *
 * Values are kept sorted and de-duplicated, so two statements that say the same thing are equal
 * whatever order their inputs came in. Nothing is checked by the constructor; `validate()`,
 * `validateForIdentityPolicy()` and `validateForTrustPolicy()` list every problem at once.
 */
export class PolicyStatement {
  /** Allow or Deny. */
  public readonly effect: Effect;
  /** The actions, sorted. */
  public readonly actions: string[];
  /** The excluded actions of a `NotAction` statement, sorted. */
  public readonly notActions: string[];
  /** The resources, sorted; empty in a trust statement. */
  public readonly resources: string[];
  /** The principals; empty in an identity statement. */
  public readonly principals: Principal[];
  /** The statement's own conditions followed by those its principals carry. */
  public readonly conditions: Condition[];
  /** True when the statement has a `Resource` element. */
  public readonly hasResources: boolean;

  constructor(props: PolicyStatementProps) {
    this.effect = props.effect ?? Effect.ALLOW;
    this.actions = sortedUnique(props.actions ?? []);
    this.notActions = sortedUnique(props.notActions ?? []);
    this.hasResources = props.resources !== undefined;
    this.resources = sortedUnique(props.resources ?? []);
    this.principals = props.principals === undefined ? [] : props.principals.slice();
    const own = props.conditions ?? [];
    const carried = this.principals.length > 0 ? this.principals[0].conditions : [];
    this.conditions = carried.length === 0 ? own.slice() : own.concat(carried);
  }

  /** Problems that make the statement invalid in any policy. */
  public validate(): string[] {
    const problems: string[] = [];
    if (this.effect !== Effect.ALLOW && this.effect !== Effect.DENY) {
      problems.push(`effect ${quote(String(this.effect))} is not Allow or Deny`);
    }
    if (this.actions.length === 0 && this.notActions.length === 0) {
      problems.push('statement has no actions (give actions or notActions)');
    }
    if (this.actions.length > 0 && this.notActions.length > 0) {
      problems.push(
        'statement has both actions and notActions (a statement takes exactly one of Action and NotAction)',
      );
    }
    for (const actions of [this.actions, this.notActions]) {
      for (const action of actions) {
        if (!isTerraformExpression(action) && !ACTION.test(action)) {
          problems.push(
            `action ${quote(action)} is not <ram-code>:<action-name> (such as log:PostLogStoreLogs) or "*"`,
          );
        }
      }
    }
    for (const resource of this.resources) {
      if (!isTerraformExpression(resource) && !RESOURCE.test(resource)) {
        problems.push(
          `resource ${quote(resource)} is not an ARN (acs:<service>:<region>:<account>:<relative id>) or "*"`,
        );
      }
    }
    if (this.principals.length > 1 && new Set(this.principals.map((p) => p.conditionsKey)).size > 1) {
      problems.push(
        `principals ${this.principals.map((p) => p.identifier).join(', ')} carry different conditions ` +
          '(one statement holds principals with the same conditions; use one statement for each)',
      );
    }
    for (const condition of this.conditions) {
      for (const problem of condition.validate()) problems.push(problem);
    }
    for (const problem of conflictingConditions(this.conditions)) problems.push(problem);
    return problems;
  }

  /** Problems for use in a permission (identity) policy: resources required, no principals. */
  public validateForIdentityPolicy(): string[] {
    const problems = this.validate();
    if (!this.hasResources || this.resources.length === 0) {
      problems.push('statement has no resources (an identity policy statement needs Resource; use "*" for all)');
    }
    if (this.principals.length > 0) {
      problems.push('statement has principals (Principal belongs in trust policies only)');
    }
    return problems;
  }

  /** Problems for use in a role's trust policy: principals required, no resources. */
  public validateForTrustPolicy(): string[] {
    const problems = this.validate();
    if (this.principals.length === 0) {
      problems.push('statement has no principals (a trust policy statement names who may assume the role)');
    }
    if (this.hasResources) {
      problems.push('statement has resources (a trust policy statement has no Resource element)');
    }
    return problems;
  }

  /** The statement in canonical JSON form (see `PolicyDocument.toJson`). */
  public toJson(): { [key: string]: unknown } {
    return renderStatement(this);
  }
}

/** The same key under the same operator twice with different values cannot be written (JSON has one slot). */
function conflictingConditions(conditions: Condition[]): string[] {
  if (conditions.length < 2) return []; // nothing to conflict with (most statements)
  const seen = new Map<string, Condition>();
  const problems: string[] = [];
  for (const condition of conditions) {
    const slot = `${condition.operator} ${condition.key}`;
    const earlier = seen.get(slot);
    if (earlier && !earlier.sameAs(condition)) {
      problems.push(
        `condition ${condition.operator} ${quote(condition.key)} is given twice with different values ` +
          `(${JSON.stringify(earlier.values)} and ${JSON.stringify(condition.values)}); merging them would turn AND into OR`,
      );
    }
    seen.set(slot, condition);
  }
  return problems;
}
