export { AccessRequest, Decision, EvaluatorOptions } from './decision';
export { AssumeRoleExplanation, PolicyEvaluator } from './policy-evaluator';
export { AssumeRoleParameterCheck, AssumeRoleParameters } from './assume-role-parameters';
