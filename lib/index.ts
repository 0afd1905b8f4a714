// cdktf-alicloud-cross-account: Alibaba Cloud cross-account access as cdktf constructs.
// The policy model (lib/policy) knows nothing of cdktf; constructs (lib/ram, lib/log, lib/stack)
// render it with the generated provider bindings, which are exported as the `alicloud` namespace
// because public properties such as `CrossAccountRole.resource` have their types. lib/ucloud holds
// the UCloud accessor side (scenario 0), with the UCloud bindings as the `ucloud` namespace.

export * from './policy';
export { AssumeRoleUserGrant, AssumeRoleUserGrantProps, RamUserSpec } from './ram/assume-role-user-grant';
export { CrossAccountRole, CrossAccountRoleProps } from './ram/cross-account-role';
export { CustomPolicy, CustomPolicyProps } from './ram/custom-policy';
export { IRamPolicy, PolicyReference, PolicyType } from './ram/ram-policy';
export { LogAccess, LogGrant } from './log/log-grant';
export { ScopedLogPolicy, ScopedLogPolicyProps } from './log/scoped-log-policy';
export { AccountGuard, AccountGuardProps } from './stack/account-guard';
export { AccountStack, AccountStackAssumeRole, AccountStackProps, OssStateBackendProps } from './stack/account-stack';
export * as alicloud from './.gen/providers/alicloud';
export { UCloudGrantorSteps, UCloudGrantorStepsProps } from './ucloud/grantor-steps';
export {
  UCloudAccountStack,
  UCloudAccountStackAssumeRole,
  UCloudAccountStackProps,
} from './ucloud/ucloud-account-stack';
export { UCloudStsUserGrant, UCloudStsUserGrantProps, UCloudSubUserSpec } from './ucloud/ucloud-sts-user-grant';
export { UCloudUrn } from './ucloud/ucloud-urn';
export * as ucloud from './.gen/providers/ucloud';
export * from './analysis';
export { AcknowledgeOptions, Findings } from './stack/findings';
