import { PolicyDocument, PolicyStatement } from '../../policy';
import { FindingId, Severity } from '../finding';
import { GraphRole } from '../graph-model';
import { FindingDraft } from './finding-draft';
import { throughNotActionDenies } from './action-meets';
import { actionFiller, freshActions, resourceFiller } from './fresh-probes';
import { globMatches } from './glob';
import { allowStatements, hasWildcard, opens, resourceTemplates, wildcardResourceTemplates } from './probes';
import { sortStrings } from './sort';

/** No wide pattern, and no finding: shared by the many statements and roles that have none (never changed). */
const NOTHING: readonly string[] = Object.freeze([]);
const NO_DRAFTS: FindingDraft[] = Object.freeze([]) as unknown as FindingDraft[];

/** What the probes of one role's custom documents ask about, computed once per role (not per statement and pattern). */
interface Probes {
  readonly documents: PolicyDocument[];
  /** Made-up actions a pattern of actions matches, that no pattern of the documents singles out (once per pattern). */
  readonly actionFills: (pattern: string) => string[] | undefined;
  /** Made-up resources a pattern of resources matches, that no pattern of the documents singles out (once per pattern). */
  readonly resourceFills: (pattern: string) => string[] | undefined;
  /** Services the documents name as written (`log` of `log:Get*`, of a Deny's `NotAction: ["log:*"]`). */
  readonly services: () => string[];
  /** Made-up actions of the action patterns, and of where they meet the documents' Denies with `NotAction`. */
  readonly actionsThrough: (patterns: string[]) => string[] | undefined;
  /** Made-up actions of a named service that no literal of the documents can single out (once per service). */
  readonly actionsOf: (service: string) => string[] | undefined;
  /**
   * Actions asked about on a made-up resource besides the statement's own: every action the documents name
   * (made up where it has a wildcard: a Deny of `NotAction: ["sts:AssumeRole"]` leaves exactly that one),
   * made-up actions of every service they name (a Deny of `NotAction: ["log:*"]` leaves the log actions of
   * an Allow `*`) and of services nobody names. Undefined when the analysis cannot make one of them.
   */
  readonly namedAndMade: () => string[] | undefined;
}

/** `f` computed once per argument. */
function once<T>(f: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    if (!made.has(key)) made.set(key, f(key));
    return made.get(key) as T;
  };
}

/** `f` computed on first use, once. */
function memo<T>(f: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: f() }).value;
}

/** The union of lists, undefined when one of them is (the analysis cannot tell). */
function unionOf(lists: (string[] | undefined)[]): string[] | undefined {
  const all = new Set<string>();
  for (const list of lists) {
    if (list === undefined) return undefined;
    for (const item of list) all.add(item);
  }
  return Array.from(all);
}

/** Every action of a service nobody names: the unnamed service of `*`, of `NotAction`, of `*:*`. */
const ANY_ACTION = '*:*';

/** The probes of a role's custom documents; each part is made on first use (most roles need few of them). */
function probesOf(documents: PolicyDocument[]): Probes {
  const statements = documents.flatMap((d) => d.statements);
  const named = memo(() => statements.flatMap((s) => [...s.actions, ...s.notActions]));
  // Every request's action is `<service>:<name>`: `*` is filled as `*:*`, never as a name without a service part
  // (which a Deny of `*:*` does not match, so an Allow of `*` beside it looked wide).
  const actionFills = once((pattern) => actionFillerOf()(pattern === '*' ? ANY_ACTION : pattern));
  const actionFillerOf = memo(() => actionFiller(named()));
  const resourceFillerOf = memo(() => resourceFiller(statements.flatMap((s) => s.resources)));
  const services = memo(() =>
    Array.from(
      new Set(
        named()
          .map((a) => a.split(':')[0])
          .filter((s) => s !== '' && !hasWildcard(s)),
      ),
    ),
  );
  const actionsOf = once((service) => freshActions(service, named()));
  const actionsThrough = (patterns: string[]): string[] | undefined => {
    const met = throughNotActionDenies(patterns, documents);
    return met === undefined ? undefined : unionOf(met.map(actionFills));
  };
  return {
    documents,
    actionFills,
    actionsThrough,
    resourceFills: once((pattern) => resourceFillerOf()(pattern)),
    services,
    actionsOf,
    namedAndMade: memo(() => unionOf([actionsThrough([...named(), ANY_ACTION]), ...services().map(actionsOf)])),
  };
}

/** Whether an action pattern has a wildcard in its service part (`*`, `*:Get*`, `lo*:List*`): it reaches services nobody names. */
function reachesUnnamedServices(action: string): boolean {
  return hasWildcard(action.split(':')[0]);
}

/**
 * The patterns through which `statement` allows an action nobody names: a made-up action of a service the
 * documents name (`log:*`), or any action of a service nobody names (`*`, `*:Get*`, `NotAction`), on a
 * resource it covers made up alike, against all of `documents` (their Denies included). Where the analysis
 * cannot make such an action or resource, it reports the statement's wildcard actions rather than miss them.
 */
function wideActions(probesOfRole: () => Probes, statement: PolicyStatement): readonly string[] {
  // Literal actions match only themselves, never the made-up ones: nothing to ask the evaluator.
  if (statement.notActions.length === 0 && !statement.actions.some(hasWildcard)) return NOTHING;
  const probes = probesOfRole();
  const resources = unionOf(statement.resources.flatMap(resourceTemplates).map(probes.resourceFills));
  // Of services nobody names: where `*`, `*:X*` meet the Denies with `NotAction` and still reach such services.
  const unnamed = throughNotActionDenies(
    [ANY_ACTION, ...statement.actions.filter(reachesUnnamedServices)],
    probes.documents,
  )?.filter(reachesUnnamedServices);
  const actions = unionOf([
    ...probes.services().map(probes.actionsOf),
    ...(unnamed === undefined ? [undefined] : unnamed.map(probes.actionFills)),
  ]);
  const wide = new Set<string>();
  const list = (action: string | undefined): void => {
    if (statement.notActions.length > 0) statement.notActions.forEach((a) => wide.add(`all but ${a}`));
    else
      statement.actions
        .filter((a) => (action === undefined ? hasWildcard(a) : globMatches(a, action, false)))
        .forEach((a) => wide.add(a));
  };
  // No made-up action or resource left that the literals cannot single out: the analysis cannot tell, so it reports.
  if (resources === undefined || actions === undefined) list(undefined);
  else {
    for (const resource of resources) {
      for (const action of actions) if (opens(probes.documents, statement, action, resource)) list(action);
    }
  }
  return Array.from(wide);
}

/**
 * The resource patterns of `statement` that allow an action on a resource made up for the probe (a whole
 * wildcard of the pattern's resource part, filled with text no pattern singles out).
 */
function wideResources(probesOfRole: () => Probes, statement: PolicyStatement): readonly string[] {
  // A literal resource matches only itself, never the made-up one.
  if (!statement.resources.some(hasWildcard)) return NOTHING;
  const probes = probesOfRole();
  const wide: string[] = [];
  let actions: string[] | undefined | null = null;
  for (const pattern of statement.resources.filter(hasWildcard)) {
    const filled = unionOf(wildcardResourceTemplates(pattern).map(probes.resourceFills));
    // A pattern is wide when it matches a probe of its own (a whole wildcard of its resource part): `consumergroup/*`
    // of one logstore does not match the made-up consumer group of a made-up logstore, and `project/p` beside
    // `acs:log:*:*:*` in the same statement is not listed for the other's match.
    const own = filled?.filter((probe) => globMatches(pattern, probe, true));
    if (own !== undefined && own.length === 0) continue;
    if (actions === null) actions = unionOf([probes.actionsThrough(statement.actions), probes.namedAndMade()]);
    // No made-up resource or action left that the literals cannot single out: the analysis cannot tell, so it reports.
    const opened =
      own === undefined ||
      actions === undefined ||
      own.some((probe) => (actions as string[]).some((a) => opens(probes.documents, statement, a, probe)));
    if (opened) wide.push(pattern);
  }
  return wide;
}

/**
 * `XA-WILDCARD-ACTION` and `XA-WILDCARD-RESOURCE` of a role's custom policies, as statements about what
 * they allow (asked of the evaluator): an action nobody named (`*`, `<service>:*`, `NotAction`), a resource
 * made up for the probe (`*`, `acs:log:*:*:*`, `acs:log:*:*:project/*`, `acs:ecs:*:*:*`).
 */
export function wildcardFindings(role: GraphRole): FindingDraft[] {
  const documents: PolicyDocument[] = [];
  for (const p of role.policies) if (p.policyType === 'Custom' && p.document) documents.push(p.document);
  const statements = allowStatements(documents);
  // The probes are made only for a role that has a statement they can tell something about.
  let probes: Probes | undefined;
  const probesOfRole = (): Probes => (probes ??= probesOf(documents));
  // Sets only once a statement gives something (most roles' statements give nothing, and then no finding).
  let wideA: Set<string> | undefined;
  let wideR: Set<string> | undefined;
  for (const s of statements) {
    for (const a of wideActions(probesOfRole, s)) (wideA ??= new Set()).add(a);
    for (const r of wideResources(probesOfRole, s)) (wideR ??= new Set()).add(r);
  }
  if (wideA === undefined && wideR === undefined) return NO_DRAFTS;
  const actions = wideA ? sortStrings(Array.from(wideA)) : [];
  const resources = wideR ? sortStrings(Array.from(wideR)) : [];
  const at = { stack: role.stack, path: role.path, subject: role.arn };
  const drafts: FindingDraft[] = [];
  if (actions.length > 0) {
    drafts.push({
      ...at,
      id: FindingId.WILDCARD_ACTION,
      severity: Severity.HIGH,
      content: actions.join(', '),
      message: `role ${role.roleName} may use ${actions.join(', ')}; name the actions it needs`,
    });
  }
  if (resources.length > 0) {
    drafts.push({
      ...at,
      id: FindingId.WILDCARD_RESOURCE,
      severity: Severity.MEDIUM,
      content: resources.join(', '),
      message: `role ${role.roleName} has a custom policy on ${resources.map((r) => `"${r}"`).join(', ')} (every resource of a kind); scope it to the resources it needs`,
    });
  }
  return drafts;
}
