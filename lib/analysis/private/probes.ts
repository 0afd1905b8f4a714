import { Effect, PolicyDocument, PolicyStatement } from '../../policy';
import { Decision } from '../decision';
import { PolicyEvaluator } from '../policy-evaluator';
import { satisfyingContext } from './satisfying-context';

/**
 * Requests made up to ask the evaluator what a policy allows: a name, an action and an account that no
 * policy names. A policy that allows the made-up request allows every request of that shape, whatever its
 * text looks like (`*`, `acs:log:*:*:*`, `NotAction`, ...): the finding rules judge by the decision, never
 * by matching the policy's strings.
 */
export const PROBE_NAME = 'xaprobe-7f3a';
/** An account no output uses (account ids are 16 digits). */
export const PROBE_ACCOUNT = '0000000000000001';

/** An action of `service` that no policy names. */
export function probeAction(service: string): string {
  return `${service}:XaProbe7f3aAction`;
}

/** A concrete value the glob `pattern` matches: every `*` and `?` replaced by made-up text. */
export function instantiate(pattern: string): string {
  return pattern.replace(/\*/g, PROBE_NAME).replace(/\?/g, 'x');
}

/**
 * Services whose ARN resource part starts with the resource's own name (an OSS bucket), not with a type
 * keyword (`project/`, `instance/`, `role/`): there `<name>/*` is one bucket's objects, not a whole wildcard.
 */
const NAME_FIRST_SERVICES = new Set(['oss']);

/**
 * A resource ARN made up for the probe that `pattern` matches only when its resource part is a whole
 * wildcard: any resource of the service (`*`, `acs:ecs:*:*:*`) or any resource of one type
 * (`acs:log:*:*:project/*`). Region and account take the pattern's own values (made up where wildcarded),
 * so `acs:log:cn-hangzhou:123:*` counts as a wildcard of account 123. A pattern of fewer parts (`*`,
 * `acs:*`) is probed with a wholly made-up ARN.
 */
export function wildcardResourceProbe(pattern: string): string {
  const parts = pattern.split(':');
  if (parts.length < 5) return `acs:${PROBE_NAME}:${PROBE_NAME}:${PROBE_ACCOUNT}:${PROBE_NAME}/${PROBE_NAME}`;
  const [, service, region, account] = parts.map(instantiate);
  const rest = parts.slice(4).join(':');
  const slash = rest.indexOf('/');
  const type = slash < 0 || NAME_FIRST_SERVICES.has(service) ? undefined : instantiate(rest.slice(0, slash));
  const name = type === undefined ? PROBE_NAME : `${type}/${PROBE_NAME}`;
  return `${instantiate(parts[0])}:${service}:${region}:${account}:${name}`;
}

/** The statements of the documents that allow something (Allow effect). */
export function allowStatements(documents: PolicyDocument[]): PolicyStatement[] {
  return documents.flatMap((d) => d.statements).filter((s) => s.effect === Effect.ALLOW);
}

/**
 * Whether `documents` allow `action` on `resource` for a caller meeting the conditions of `statement`
 * (the statement that might allow it). The Deny statements of every document still apply.
 */
export function allowsFor(
  documents: PolicyDocument[],
  statement: PolicyStatement,
  action: string,
  resource: string,
): boolean {
  const context = satisfyingContext(statement.conditions);
  return PolicyEvaluator.evaluate(documents, { action, resource, context }) === Decision.ALLOW;
}

/** Whether one statement on its own allows the request under a context meeting its own conditions. */
export function statementAllows(statement: PolicyStatement, action: string, resource: string): boolean {
  return allowsFor([new PolicyDocument([statement])], statement, action, resource);
}
