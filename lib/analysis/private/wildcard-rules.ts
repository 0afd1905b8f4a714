import { PolicyDocument, PolicyStatement } from '../../policy';
import { FindingId, Severity } from '../finding';
import { GraphRole } from '../graph-model';
import { FindingDraft } from './finding-draft';
import { freshActions } from './fresh-probes';
import { globMatches } from './glob';
import {
  allowStatements,
  hasWildcard,
  instantiate,
  opens,
  PROBE_NAME,
  probeAction,
  wildcardResourceProbe,
} from './probes';
import { sortStrings } from './sort';

/** No wide pattern, and no finding: shared by the many statements and roles that have none (never changed). */
const NOTHING: readonly string[] = Object.freeze([]);
const NO_DRAFTS: FindingDraft[] = Object.freeze([]) as unknown as FindingDraft[];

/** What the probes of one role's custom documents ask about, computed once per role (not per statement and pattern). */
interface Probes {
  readonly documents: PolicyDocument[];
  /** Every action the documents name, made concrete where it has a wildcard. */
  readonly namedActions: string[];
  /** Made-up actions of every service the documents name (`''` for an action without one), and of one nobody names. */
  readonly serviceActions: string[];
  /** Made-up actions of a service no literal of the documents can single out; undefined when it cannot tell. */
  readonly actionsOf: (service: string) => string[] | undefined;
  /** Services to probe for wide actions: those named (made concrete), and one nobody names. */
  readonly services: string[];
}

/**
 * The probes of a role's custom documents. Services: those the documents name (`log` of `log:Get*`, of a
 * Deny's `NotAction: ["log:*"]`), plus one no policy names; a wildcard in the service part (`lo*`, `l?g:*`)
 * stands for made-up services it matches.
 */
function probesOf(documents: PolicyDocument[]): Probes {
  const named = documents.flatMap((d) => d.statements).flatMap((s) => [...s.actions, ...s.notActions]);
  const namedServices = named.map((a) => instantiate(a.split(':')[0]));
  const made = new Map<string, string[] | undefined>();
  const actionsOf = (service: string): string[] | undefined => {
    if (!made.has(service)) made.set(service, freshActions(service, named));
    return made.get(service);
  };
  return {
    documents,
    namedActions: named.map(instantiate),
    // Where the literals leave no made-up action, the one this module once made stands in (the named actions are asked too).
    serviceActions: Array.from(new Set([...namedServices, PROBE_NAME])).flatMap(
      (s) => actionsOf(s) ?? [probeAction(s)],
    ),
    actionsOf,
    services: Array.from(new Set([...namedServices.filter((s) => s !== ''), PROBE_NAME])),
  };
}

/**
 * Actions to ask about: every action the documents name (made concrete where it has a wildcard: a Deny of
 * `NotAction: ["sts:AssumeRole"]` leaves exactly that one), and a made-up action of every service they name
 * (a Deny of `NotAction: ["log:*"]` leaves the log actions of an Allow `*`) and of one nobody names. The
 * evaluator decides which of them the statement allows.
 */
function candidateActions(probes: Probes, statement: PolicyStatement): string[] {
  return Array.from(new Set([...statement.actions.map(instantiate), ...probes.namedActions, ...probes.serviceActions]));
}

/**
 * The patterns through which `statement` allows an action of a service that no policy names, or an
 * action of a service it names that no policy names (`log:*`): judged by the decision on those made-up
 * actions, on a resource the statement covers, against all of `documents` (their Denies included).
 */
function wideActions(probesOfRole: () => Probes, statement: PolicyStatement): readonly string[] {
  // Literal actions match only themselves, never the made-up ones: nothing to ask the evaluator.
  if (statement.notActions.length === 0 && !statement.actions.some(hasWildcard)) return NOTHING;
  const probes = probesOfRole();
  const wide = new Set<string>();
  // A pattern with a wildcard in its service part (`*:Get*`, `lo*:List*`) reaches services nobody names, whatever
  // its action part: their made-up actions are also asked with that part made concrete (`xaprobe-7f3a:Getxaprobe-7f3a`).
  const names = statement.actions
    .filter((a) => hasWildcard(a.split(':')[0]))
    .map((a) => instantiate(a.slice(a.indexOf(':') + 1)));
  for (const resource of statement.resources.map(instantiate)) {
    for (const service of probes.services) {
      const made = service.includes(PROBE_NAME) ? names.map((n) => `${service}:${n}`) : [];
      const fresh = probes.actionsOf(service);
      // No made-up action left that the literals cannot single out: the analysis cannot tell, so it reports.
      for (const action of [...(fresh ?? [undefined]), ...made]) {
        if (action !== undefined && !opens(probes.documents, statement, action, resource)) continue;
        if (statement.notActions.length > 0) statement.notActions.forEach((a) => wide.add(`all but ${a}`));
        else
          statement.actions
            .filter((a) => (action === undefined ? hasWildcard(a) : globMatches(a, action, false)))
            .forEach((a) => wide.add(a));
      }
    }
  }
  return Array.from(wide);
}

/** The resource patterns of `statement` that allow an action on a resource made up for the probe. */
function wideResources(probesOfRole: () => Probes, statement: PolicyStatement): readonly string[] {
  // A literal resource matches only itself, never the made-up one.
  if (!statement.resources.some(hasWildcard)) return NOTHING;
  // A pattern is wide when it matches its own probe (a whole wildcard of its resource part): `consumergroup/*`
  // of one logstore does not match the made-up consumer group of a made-up logstore, and `project/p` beside
  // `acs:log:*:*:*` in the same statement is not listed for the other's match.
  const probed = statement.resources
    .filter(hasWildcard)
    .map((pattern) => ({ pattern, probe: wildcardResourceProbe(pattern) }))
    .filter(({ pattern, probe }) => globMatches(pattern, probe, true));
  if (probed.length === 0) return NOTHING;
  const probes = probesOfRole();
  const actions = candidateActions(probes, statement);
  return probed
    .filter(({ probe }) => actions.some((a) => opens(probes.documents, statement, a, probe)))
    .map(({ pattern }) => pattern);
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
