import * as aws from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { App, ITerraformDependable, LocalBackend, TerraformStack } from 'cdktf';
import { AccountStack, alicloud, AssumeRoleUserGrant, CrossAccountRole, LogGrant, ScopedLogPolicy } from '../lib';
import { OWNER, partner, PROJECT, REGION, SYSTEM_POLICY } from './workload';

/** Our constructs: what a user writes. */
export function synthOurs(n: number, outdir: string, stackTraces = true): void {
  // `stackTraces: false` (a user setting) drops the stack traces of annotations (warnings) only; cdktf 0.21 still
  // captures one for every token it creates (docs/benchmarks.md, user settings).
  const app = new App({ outdir, skipValidation: false, ...(stackTraces ? {} : { stackTraces: false }) });
  const owner = new AccountStack(app, 'owner', { accountId: OWNER, region: REGION });
  const grants = new AccountStack(app, 'partners', { accountId: '3000000000000003', region: REGION });
  for (let i = 0; i < n; i++) {
    const p = partner(i);
    const policy = new ScopedLogPolicy(owner, `${p.role}-policy`, {
      policyName: p.policy,
      projectOwnerAccountId: OWNER,
      region: REGION,
      grants: [LogGrant.write(PROJECT, p.logstore), LogGrant.consume(PROJECT, p.logstore, p.group)],
    });
    new CrossAccountRole(owner, p.role, {
      roleName: p.role,
      ownerAccountId: OWNER,
      trustedAccountIds: [p.account],
      policies: [policy],
      systemPolicies: [SYSTEM_POLICY],
    });
    new AssumeRoleUserGrant(grants, `${p.role}-grant`, {
      roleArn: CrossAccountRole.arnOf(OWNER, p.role),
      userNames: [p.user],
    });
  }
  app.synth();
}

/** The documents the floor writes, computed before timing starts: the floor does no policy logic. */
export interface FloorDocuments {
  readonly trust: string[];
  readonly permissions: string[];
  readonly grants: string[];
}

/** The documents of N partners, in the same canonical form as ours (taken from our own output). */
export function floorDocuments(n: number): FloorDocuments {
  const store = (i: number) => `acs:log:${REGION}:${OWNER}:project/${PROJECT}/logstore/${partner(i).logstore}`;
  const docs: { trust: string[]; permissions: string[]; grants: string[] } = { trust: [], permissions: [], grants: [] };
  for (let i = 0; i < n; i++) {
    const p = partner(i);
    docs.trust.push(
      `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::${p.account}:root"]}}],"Version":"1"}`,
    );
    docs.permissions.push(
      JSON.stringify({
        Statement: [
          {
            Action: [
              'log:ConsumerGroupHeartBeat',
              'log:ConsumerGroupUpdateCheckPoint',
              'log:GetConsumerGroupCheckPoint',
              'log:UpdateConsumerGroup',
            ],
            Effect: 'Allow',
            Resource: `${store(i)}/consumergroup/${p.group}`,
          },
          {
            Action: ['log:CreateConsumerGroup', 'log:ListConsumerGroup'],
            Effect: 'Allow',
            Resource: `${store(i)}/consumergroup/*`,
          },
          {
            Action: ['log:GetCursorOrData', 'log:ListShards', 'log:PostLogStoreLogs'],
            Effect: 'Allow',
            Resource: store(i),
          },
        ],
        Version: '1',
      }),
    );
    docs.grants.push(
      `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Resource":"acs:ram::${OWNER}:role/${p.role}"}],"Version":"1"}`,
    );
  }
  return docs;
}

/** A stack of the floor and its caller-identity read, which every resource depends on (as AccountStack's do). */
function floorStack(app: App, id: string, accountId: string): { stack: TerraformStack; guard: ITerraformDependable } {
  const stack = new TerraformStack(app, id);
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: REGION });
  new LocalBackend(stack, { path: `terraform.${id}.tfstate` });
  const guard = new alicloud.dataAlicloudCallerIdentity.DataAlicloudCallerIdentity(stack, 'caller', {
    lifecycle: {
      postcondition: [{ condition: `\${self.account_id == "${accountId}"}`, errorMessage: 'wrong account' }],
    },
  });
  return { stack, guard };
}

/**
 * The floor for cdktf: the same Terraform resources and attributes as ours (descriptions, and every
 * resource depending on its stack's caller-identity read) with the generated L1 bindings, written as
 * an L1 user would, and precomputed JSON.
 */
export function synthFloor(n: number, outdir: string, docs: FloorDocuments): void {
  const app = new App({ outdir });
  const { stack: owner, guard: ownerGuard } = floorStack(app, 'owner', OWNER);
  const { stack: grants, guard: grantsGuard } = floorStack(app, 'partners', '3000000000000003');
  for (let i = 0; i < n; i++) {
    const p = partner(i);
    const policy = new alicloud.ramPolicy.RamPolicy(owner, `${p.role}-policy`, {
      policyName: p.policy,
      policyDocument: docs.permissions[i],
      description: `Log Service: consume ${PROJECT}/${p.logstore} as ${p.group}; write ${PROJECT}/${p.logstore}`,
      rotateStrategy: 'DeleteOldestNonDefaultVersionWhenLimitExceeded',
      dependsOn: [ownerGuard],
    });
    const role = new alicloud.ramRole.RamRole(owner, `${p.role}-role`, {
      roleName: p.role,
      assumeRolePolicyDocument: docs.trust[i],
      force: true,
      dependsOn: [ownerGuard],
    });
    new alicloud.ramRolePolicyAttachment.RamRolePolicyAttachment(owner, `${p.role}-custom`, {
      roleName: role.roleName,
      policyName: p.policy,
      policyType: 'Custom',
      dependsOn: [policy, ownerGuard],
    });
    new alicloud.ramRolePolicyAttachment.RamRolePolicyAttachment(owner, `${p.role}-system`, {
      roleName: role.roleName,
      policyName: SYSTEM_POLICY,
      policyType: 'System',
      dependsOn: [ownerGuard],
    });
    const grant = new alicloud.ramPolicy.RamPolicy(grants, `${p.role}-grant`, {
      policyName: `AssumeRole-${OWNER}-${p.role}`,
      policyDocument: docs.grants[i],
      description: `Lets the holder assume acs:ram::${OWNER}:role/${p.role} and nothing else`,
      rotateStrategy: 'DeleteOldestNonDefaultVersionWhenLimitExceeded',
      dependsOn: [grantsGuard],
    });
    new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(grants, `${p.role}-grant-user`, {
      userName: p.user,
      policyName: grant.policyName,
      policyType: 'Custom',
      dependsOn: [grantsGuard],
    });
  }
  app.synth();
}

/** CloudFormation allows 500 resources a stack; each partner adds a Role and a ManagedPolicy. */
const AWS_PARTNERS_PER_STACK = 250;

/**
 * The peer users would otherwise pick: AWS CDK's aws-iam, the same N roles, policies and grants. As an
 * AWS CDK user must, the owner's roles are spread over stacks of 250 partners (500 resources, the
 * CloudFormation limit); the grants likewise.
 */
export function synthAwsCdk(n: number, outdir: string): void {
  const app = new aws.App({ outdir });
  const env = { account: '100000000001', region: 'us-east-1' };
  const readOnly = iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess');
  let owner: aws.Stack | undefined;
  let grants: aws.Stack | undefined;
  for (let i = 0; i < n; i++) {
    if (i % AWS_PARTNERS_PER_STACK === 0) {
      const part = i / AWS_PARTNERS_PER_STACK;
      owner = new aws.Stack(app, `owner-${part}`, { env });
      grants = new aws.Stack(app, `partners-${part}`, { env: { ...env, account: '300000000003' } });
    }
    const p = partner(i);
    const account = String(200000000000 + i);
    const store = `arn:aws:logs:${env.region}:${env.account}:log-group:${p.logstore}`;
    const policy = new iam.ManagedPolicy(owner!, `${p.role}-policy`, {
      managedPolicyName: p.policy,
      statements: [
        new iam.PolicyStatement({
          actions: ['logs:PutLogEvents', 'logs:DescribeLogStreams', 'logs:GetLogEvents'],
          resources: [store],
        }),
        new iam.PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:DescribeSubscriptionFilters'],
          resources: [`${store}:*`],
        }),
        new iam.PolicyStatement({
          actions: [
            'logs:PutSubscriptionFilter',
            'logs:DeleteSubscriptionFilter',
            'logs:GetLogRecord',
            'logs:FilterLogEvents',
          ],
          resources: [`${store}:log-stream:${p.group}`],
        }),
      ],
    });
    const role = new iam.Role(owner!, p.role, {
      roleName: p.role,
      assumedBy: new iam.AccountPrincipal(account),
      managedPolicies: [policy, readOnly],
    });
    const user = iam.User.fromUserName(grants!, `${p.role}-user`, p.user);
    new iam.ManagedPolicy(grants!, `${p.role}-grant`, {
      statements: [
        new iam.PolicyStatement({
          actions: ['sts:AssumeRole'],
          resources: [`arn:aws:iam::${env.account}:role/${role.roleName}`],
        }),
      ],
      users: [user],
    });
  }
  app.synth();
}
