import { AccessGraph, Decision, GraphRole, PolicyEvaluator } from '../../lib';

/** Who can assume a role: the ARNs of the output's users the evaluator allows. */
export function assumers(graph: AccessGraph, roleName: string): string[] {
  return graph
    .assumersOf(role(graph, roleName))
    .filter((r) => r.kind === 'user' && r.decision === Decision.ALLOW)
    .map((r) => r.principal);
}

/** The role of that name; fails when the output does not define it. */
export function role(graph: AccessGraph, roleName: string): GraphRole {
  const found = graph.roles.find((r) => r.roleName === roleName);
  if (!found) throw new Error(`no role ${roleName} in the output`);
  return found;
}

/** Whether the role may perform the action on the resource. */
export function may(graph: AccessGraph, roleName: string, action: string, resource: string): boolean {
  return (
    PolicyEvaluator.evaluate(graph.policyDocumentsOf(role(graph, roleName)), { action, resource }) === Decision.ALLOW
  );
}

/** The other parties that must never get in: the trusted account itself and an unrelated account. */
export function outsiders(graph: AccessGraph, roleName: string): Decision[] {
  return graph
    .assumersOf(role(graph, roleName))
    .filter((r) => ['account-root', 'ungranted-user', 'unrelated-account'].includes(r.kind))
    .map((r) => r.decision);
}
