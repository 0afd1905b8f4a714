export { AccessRequest, Decision, EvaluatorOptions } from './decision';
export { AssumeRoleExplanation, PolicyEvaluator } from './policy-evaluator';
export { AssumeRoleParameterCheck, AssumeRoleParameters } from './assume-role-parameters';
export { AccessGraph } from './access-graph';
export { AccessReport } from './access-report';
export { Finding, FindingId, Severity } from './finding';
export {
  AssumeResult,
  GraphAcknowledgement,
  GraphGroup,
  GraphPolicy,
  GraphRole,
  GraphStack,
  GraphUser,
  PermissionSummary,
} from './graph-model';
export { SystemPolicies, SystemPolicySnapshot } from './system-policies';
export { AccessDiff } from './access-diff';
