export { Arn, LogArnOptions, RamIdentityParts, RoleArnParts } from './arn';
export { Condition, ConditionKey, ConditionOperator } from './condition';
export { Effect } from './effect';
export { RamLimits } from './limits';
export { PolicyDocument } from './policy-document';
export { PolicyStatement, PolicyStatementProps } from './policy-statement';
export { Principal, PrincipalType } from './principal';
