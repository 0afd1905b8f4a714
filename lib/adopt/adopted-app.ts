import { App } from '../private/framework';
import { RamGroupPolicyAttachment } from '../.gen/providers/alicloud/ram-group-policy-attachment';
import { RamUserGroupAttachment } from '../.gen/providers/alicloud/ram-user-group-attachment';
import { RamUserPolicyAttachment } from '../.gen/providers/alicloud/ram-user-policy-attachment';
import { Arn } from '../policy';
import { AssumeRoleUserGrant } from '../ram/assume-role-user-grant';
import { CrossAccountRole } from '../ram/cross-account-role';
import { CustomPolicy } from '../ram/custom-policy';
import { PolicyReference } from '../ram/ram-policy';
import {
  groupPolicyAttachmentImportId,
  userGroupAttachmentImportId,
  userPolicyAttachmentImportId,
} from '../ram/private/import-ids';
import { AccountStack } from '../stack/account-stack';
import { AccountPlan, AttachmentPlan, GrantPlan, MembershipPlan } from './adoption-plan';

/** The construct ids the adopted app uses; main.ts writes the same ones (write-main.ts). */
export const ADOPTED_IDS = {
  policy: (name: string): string => `policy-${name}`,
  role: (name: string): string => `role-${name}`,
  grant: (policyName: string): string => `grant-${policyName}`,
  attachment: (a: AttachmentPlan): string =>
    `${a.holder}-${a.holderName}-${a.policyType.toLowerCase()}-${a.policyName}`,
  membership: (m: MembershipPlan): string => `member-${m.groupName}-${m.userName}`,
};

/** Whether a grant's role is one this app adopts too (else the grant says it is managed elsewhere). */
export function roleInApp(plans: AccountPlan[], roleArn: string): boolean {
  return plans.some((p) => p.roles.some((r) => Arn.ramRole(p.accountId, r.roleName) === roleArn));
}

/**
 * Builds, in this process, the app the written main.ts builds: for the access report of what was
 * found. The round-trip test holds the two to the same synthesized output.
 */
export function buildAdoptedApp(app: App, plans: AccountPlan[], region: string): void {
  for (const plan of plans) {
    const stack = new AccountStack(app, plan.stackId, { accountId: plan.accountId, region });
    const policies = new Map(
      plan.customPolicies.map((p) => [
        p.policyName,
        new CustomPolicy(stack, ADOPTED_IDS.policy(p.policyName), {
          policyName: p.policyName,
          description: p.description,
          document: p.document,
          adopt: true,
        }),
      ]),
    );
    for (const role of plan.roles) {
      new CrossAccountRole(stack, ADOPTED_IDS.role(role.roleName), {
        roleName: role.roleName,
        ownerAccountId: plan.accountId,
        ...role.trust,
        description: role.description,
        maxSessionDuration: role.maxSessionDuration,
        systemPolicies: role.systemPolicies,
        policies: role.customPolicies.map((name) => policies.get(name) ?? PolicyReference.custom(name)),
        adopt: true,
      });
    }
    for (const grant of plan.grants) buildGrant(stack, grant, !roleInApp(plans, grant.roleArn));
    for (const a of plan.attachments) buildAttachment(stack, a);
    for (const m of plan.memberships) {
      new RamUserGroupAttachment(stack, ADOPTED_IDS.membership(m), {
        groupName: m.groupName,
        userName: m.userName,
      }).importFrom(userGroupAttachmentImportId(m.groupName, m.userName));
    }
  }
}

function buildGrant(stack: AccountStack, grant: GrantPlan, roleManagedElsewhere: boolean): void {
  new AssumeRoleUserGrant(stack, ADOPTED_IDS.grant(grant.policyName), {
    roleArn: grant.roleArn,
    policyName: grant.policyName,
    users: grant.users.map((u) => ({
      userName: u.userName,
      userId: u.userId,
      displayName: u.displayName,
      comments: u.comments,
    })),
    userNames: grant.userNames.length > 0 ? grant.userNames : undefined,
    groupName: grant.groupName,
    requireMfa: grant.requireMfa || undefined,
    allowedSourceIps: grant.allowedSourceIps,
    roleManagedElsewhere: roleManagedElsewhere || undefined,
    adopt: true,
  });
}

function buildAttachment(stack: AccountStack, a: AttachmentPlan): void {
  const id = ADOPTED_IDS.attachment(a);
  if (a.holder === 'user') {
    new RamUserPolicyAttachment(stack, id, {
      userName: a.holderName,
      policyName: a.policyName,
      policyType: a.policyType,
    }).importFrom(userPolicyAttachmentImportId(a.policyName, a.policyType, a.holderName));
  } else {
    new RamGroupPolicyAttachment(stack, id, {
      groupName: a.holderName,
      policyName: a.policyName,
      policyType: a.policyType,
    }).importFrom(groupPolicyAttachmentImportId(a.policyName, a.policyType, a.holderName));
  }
}
