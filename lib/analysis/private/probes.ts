import { Condition, Effect, PolicyDocument, PolicyStatement } from '../../policy';
import { Decision } from '../decision';
import { PolicyEvaluator } from '../policy-evaluator';
import { globMatches } from './glob';
import {
  admittingContexts,
  admittingCount,
  MAX_DENY_CHOICES,
  meetingContext,
  RequestContext,
  undecidedKeys,
} from './satisfying-context';

/**
 * Requests made up to ask the evaluator what a policy allows: a name, an action and an account that no
 * policy names. A policy that allows the made-up request allows every request of that shape, whatever its
 * text looks like (`*`, `acs:log:*:*:*`, `NotAction`, ...): the finding rules judge by the decision, never
 * by matching the policy's strings.
 */
export const PROBE_NAME = 'xaprobe-7f3a';
/** An account no output uses (account ids are 16 digits). */
export const PROBE_ACCOUNT = '0000000000000001';

/**
 * Services whose ARN resource part starts with the resource's own name (an OSS bucket), not with a type
 * keyword (`project/`, `instance/`, `role/`): there `<name>/*` is one bucket's objects, not a whole wildcard.
 */
const NAME_FIRST_SERVICES = new Set(['oss']);

/**
 * The resources to probe `pattern` with, as a glob whose wildcards are filled with made-up text
 * (`resourceFiller`): `pattern` matches them only when its resource part is a whole wildcard: any
 * resource of the service (`*`, `acs:ecs:*:*:*`), any resource of one type (`acs:log:*:*:project/*`), or
 * anything under any one of them (every logstore of every project, every object of every bucket: the
 * made-up name is followed by the rest of the pattern). Region and account are the pattern's own (made up
 * where wildcarded), so `acs:log:cn-hangzhou:123:*` counts as a wildcard of account 123. A pattern of fewer
 * parts (`*`, `acs:*`) is probed with wholly made-up ARNs. A region that is a wildcard is also probed
 * empty, as RAM's own ARNs have it (`acs:ram::<account>:role/r`).
 */
export function wildcardResourceTemplates(pattern: string): string[] {
  const parts = pattern.split(':');
  if (parts.length < 5) return ANY_ARN;
  return withEmptyRegion(wildcardResourceTemplate(parts));
}

/**
 * The globs to fill for resources `pattern` matches, for the probes of its actions: the pattern itself,
 * with an empty region where its region is a wildcard, and for a pattern of fewer parts (`*`, `acs:*`) made-up
 * ARNs of every part too (a Deny of `acs:*:*:*:*` does not leave it nothing).
 */
export function resourceTemplates(pattern: string): string[] {
  return pattern.split(':').length < 5 ? [pattern, ...ANY_ARN] : withEmptyRegion(pattern);
}

/** Made-up ARNs of every service, region, account and resource, the region also empty. */
const ANY_ARN = ['acs:*:*:*:*/*', 'acs:*::*:*/*'];

/** The template, and (where its region is only wildcards) the template with an empty region. */
function withEmptyRegion(template: string): string[] {
  const parts = template.split(':');
  if (parts.length < 5 || parts[2] === '' || parts[2].replace(/\*/g, '') !== '') return [template];
  return [template, [parts[0], parts[1], '', ...parts.slice(3)].join(':')];
}

/** The template of `wildcardResourceTemplates` for a pattern of five parts or more. */
function wildcardResourceTemplate(parts: string[]): string {
  const service = parts[1];
  const rest = parts.slice(4).join(':');
  const slash = rest.indexOf('/');
  const type = slash < 0 || NAME_FIRST_SERVICES.has(service) ? undefined : rest.slice(0, slash);
  // What follows the name: every logstore of every project is probed with a made-up project's made-up
  // logstore (a pattern naming its project never matches that).
  const named = type === undefined ? rest : rest.slice(slash + 1);
  const after = named.indexOf('/') < 0 ? '' : named.slice(named.indexOf('/'));
  // A type keyword's prefix and a wildcard (`project*`, `instance*`) covers every resource of those types.
  const prefixOfType = type === undefined && !NAME_FIRST_SERVICES.has(service) && rest.length > 1 && rest.endsWith('*');
  const name = prefixOfType ? `${rest.slice(0, -1)}/*` : type === undefined ? `*${after}` : `${type}/*${after}`;
  return `${parts.slice(0, 4).join(':')}:${name}`;
}

/** Whether a glob pattern has a wildcard: a literal pattern matches only itself, never a made-up request. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** The statements of the documents that allow something (Allow effect). */
export function allowStatements(documents: PolicyDocument[]): PolicyStatement[] {
  const allows: PolicyStatement[] = [];
  for (const document of documents) {
    for (const statement of document.statements) if (statement.effect === Effect.ALLOW) allows.push(statement);
  }
  return allows;
}

interface Alone {
  readonly document: PolicyDocument;
  /** `[document]`, allocated once: the evaluator takes a list. */
  readonly documents: PolicyDocument[];
  /**
   * A request context meeting the statement's conditions; undefined when no request meets them, `'undecided'`
   * when the analysis cannot tell (see `meetingContext`).
   */
  readonly context: RequestContext | 'undecided' | undefined;
  /** Decisions of the statement on its own, by action and resource: system policies are shared by many holders. */
  readonly decisions: Map<string, Map<string, boolean>>;
}
const alone = new WeakMap<PolicyStatement, Alone>();

/** The statement as a document of its own, and a request context meeting its conditions (computed once). */
export function aloneOf(statement: PolicyStatement): Alone {
  let entry = alone.get(statement);
  if (!entry) {
    const document = new PolicyDocument([statement]);
    entry = { document, documents: [document], context: meetingContext(statement.conditions), decisions: new Map() };
    alone.set(statement, entry);
  }
  return entry;
}

/**
 * Whether the statement's actions and resources match the request the way the evaluator matches them
 * with its default options (actions without case, resources with case): a statement for which this is
 * false matches no request for `action` on `resource`, whatever the context, so it cannot open it. Asked
 * first, it spares building the statement's own document for the many statements a probe does not touch.
 */
export function mayMatch(statement: PolicyStatement, action: string, resource: string): boolean {
  return matchesAction(statement, action) && matchesResource(statement, resource);
}

/** The evaluator's action test (`Action` or `NotAction`, without case). */
export function matchesAction(statement: PolicyStatement, action: string): boolean {
  const negated = statement.notActions.length > 0;
  const patterns = negated ? statement.notActions : statement.actions;
  let any = false;
  for (let i = 0; i < patterns.length && !any; i++) any = globMatches(patterns[i], action, false);
  return negated ? !any : any;
}

/** The evaluator's resource test for an identity statement (with case). */
export function matchesResource(statement: PolicyStatement, resource: string): boolean {
  const patterns = statement.resources;
  for (let i = 0; i < patterns.length; i++) if (globMatches(patterns[i], resource, true)) return true;
  return false;
}

/**
 * Whether `statement` opens `action` on `resource`: it allows the request on its own, for a caller meeting
 * its conditions, and all of `documents` (their Denies included) still allow it, for some request that
 * meets the statement's conditions: the one that meets them alone first, then each way past the Denies
 * with conditions that may apply (for each, one of its conditions failed, or none; `admittingContexts`).
 * Asking the statement alone first is what attributes the access to it, and spares evaluating every
 * document for statements that cannot allow the request anyway. Where the analysis cannot tell (more
 * ways past the Denies than it tries, conditions it cannot decide exactly), the answer is yes: a finding
 * is reported rather than missed.
 */
export function opens(
  documents: PolicyDocument[],
  statement: PolicyStatement,
  action: string,
  resource: string,
): boolean {
  if (!mayMatch(statement, action, resource)) return false;
  const { documents: itselfOnly, context, decisions } = aloneOf(statement);
  if (context === 'undecided') return true;
  if (context === undefined) return false; // no request meets the statement's conditions
  let byResource = decisions.get(action);
  if (!byResource) decisions.set(action, (byResource = new Map()));
  let itself = byResource.get(resource);
  if (itself === undefined) {
    itself = PolicyEvaluator.evaluate(itselfOnly, { action, resource, context }) === Decision.ALLOW;
    byResource.set(resource, itself);
  }
  if (!itself) return false;
  const allows = (c: RequestContext, docs: PolicyDocument[]): boolean =>
    PolicyEvaluator.evaluate(docs, { action, resource, context: c }) === Decision.ALLOW;
  if (allows(context, documents)) return true;
  const denies: Condition[][] = [];
  for (const d of documents) {
    for (const s of d.statements) {
      if (s.effect === Effect.DENY && s.conditions.length > 0 && mayMatch(s, action, resource))
        denies.push(s.conditions);
    }
  }
  if (denies.length === 0) return false; // a Deny without conditions applies to every request
  if (admittingCount(denies) > MAX_DENY_CHOICES) return true;
  for (const { context: around } of admittingContexts(statement.conditions, denies)) {
    if (allows(around, itselfOnly) && allows(around, documents)) return true;
  }
  return undecidedKeys([...statement.conditions, ...denies.flat()]).length > 0;
}
