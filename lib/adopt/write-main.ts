import { Condition, ConditionOperator, Principal } from '../policy';
import { ADOPTED_IDS, roleInApp } from './adopted-app';
import { AccountPlan, AttachmentPlan, GrantPlan, RolePlan } from './adoption-plan';
import {
  groupPolicyAttachmentImportId,
  userGroupAttachmentImportId,
  userPolicyAttachmentImportId,
} from '../ram/private/import-ids';

/** What main.ts is written from. */
export interface MainOptions {
  /** The folder the outputs were read from, for the header comment. */
  readonly source: string;
  /** The module main.ts imports the constructs from. */
  readonly library: string;
  /** The module main.ts imports `App` from (the framework of the library's flavour). */
  readonly framework: string;
  readonly region: string;
}

/** A TypeScript string literal in single quotes, as the repository's prettier writes them. */
function lit(value: string): string {
  let out = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    if (c === '\\' || c === "'") out += `\\${c}`;
    else if (code < 0x20 || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return `'${out}'`;
}
const list = (values: string[]) => `[${values.map(lit).join(', ')}]`;

function operatorName(operator: string): string {
  const entry = Object.entries(ConditionOperator).find(([, value]) => value === operator);
  return `ConditionOperator.${entry![0]}`;
}

function condition(c: Condition): string {
  return `Condition.of(${operatorName(c.operator)}, ${lit(c.key)}, ${list(c.values)})`;
}

function principal(p: Principal): string {
  const base = `Principal.fromIdentifier(${lit(p.type)}, ${lit(p.identifier)})`;
  return p.conditions.length === 0 ? base : `${base}.withConditions(${p.conditions.map(condition).join(', ')})`;
}

/** `  key: value,` lines for the properties that are set. */
function props(entries: [string, string | undefined][]): string[] {
  return entries.filter(([, v]) => v !== undefined).map(([k, v]) => `  ${k}: ${v},`);
}

function variable(prefix: string, name: string, index: number): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  return `${prefix}${words.map((w) => w[0].toUpperCase() + w.slice(1)).join('')}${index}`;
}

function roleCode(stack: string, accountId: string, role: RolePlan, policyVars: Map<string, string>): string[] {
  const t = role.trust;
  const policies = role.customPolicies.map((n) => policyVars.get(n) ?? `PolicyReference.custom(${lit(n)})`);
  return [
    `new CrossAccountRole(${stack}, ${lit(ADOPTED_IDS.role(role.roleName))}, {`,
    ...props([
      ['roleName', lit(role.roleName)],
      ['ownerAccountId', lit(accountId)],
      ['trustedAccountIds', t.trustedAccountIds && list(t.trustedAccountIds)],
      ['trustedPrincipals', t.trustedPrincipals && `[${t.trustedPrincipals.map(principal).join(', ')}]`],
      ['externalId', t.externalId === undefined ? undefined : lit(t.externalId)],
      ['requireMfa', t.requireMfa ? 'true' : undefined],
      ['allowedSourceIps', t.allowedSourceIps && list(t.allowedSourceIps)],
      ['description', role.description === undefined ? undefined : lit(role.description)],
      ['maxSessionDuration', role.maxSessionDuration === undefined ? undefined : String(role.maxSessionDuration)],
      ['systemPolicies', role.systemPolicies.length > 0 ? list(role.systemPolicies) : undefined],
      ['policies', policies.length > 0 ? `[${policies.join(', ')}]` : undefined],
      ['adopt', 'true'],
    ]),
    '});',
  ];
}

function grantCode(stack: string, grant: GrantPlan, elsewhere: boolean): string[] {
  const users = grant.users.map(
    (u) =>
      `{ ${[
        `userName: ${lit(u.userName)}`,
        `userId: ${lit(u.userId)}`,
        ...(u.displayName === undefined ? [] : [`displayName: ${lit(u.displayName)}`]),
        ...(u.comments === undefined ? [] : [`comments: ${lit(u.comments)}`]),
      ].join(', ')} }`,
  );
  return [
    `new AssumeRoleUserGrant(${stack}, ${lit(ADOPTED_IDS.grant(grant.policyName))}, {`,
    ...props([
      ['roleArn', lit(grant.roleArn)],
      ['policyName', lit(grant.policyName)],
      ['users', users.length > 0 ? `[${users.join(', ')}]` : undefined],
      ['userNames', grant.userNames.length > 0 ? list(grant.userNames) : undefined],
      ['groupName', grant.groupName === undefined ? undefined : lit(grant.groupName)],
      ['requireMfa', grant.requireMfa ? 'true' : undefined],
      ['allowedSourceIps', grant.allowedSourceIps && list(grant.allowedSourceIps)],
      ['roleManagedElsewhere', elsewhere ? 'true' : undefined],
      ['adopt', 'true'],
    ]),
    '});',
  ];
}

function attachmentCode(stack: string, a: AttachmentPlan): string[] {
  const [binding, holderKey, importId] =
    a.holder === 'user'
      ? [
          'alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment',
          'userName',
          userPolicyAttachmentImportId(a.policyName, a.policyType, a.holderName),
        ]
      : [
          'alicloud.ramGroupPolicyAttachment.RamGroupPolicyAttachment',
          'groupName',
          groupPolicyAttachmentImportId(a.policyName, a.policyType, a.holderName),
        ];
  const why =
    a.policyType === 'System'
      ? `// ${a.holder} ${a.holderName} holds the system policy ${a.policyName}: no construct of this library grants system policies to ${a.holder}s; kept as found.`
      : `// ${a.holder} ${a.holderName} holds the custom policy ${a.policyName}, which no AssumeRoleUserGrant here attaches to it; kept as found.`;
  return [
    ...(a.policyName === 'AliyunSTSAssumeRoleAccess'
      ? [
          `// AliyunSTSAssumeRoleAccess lets ${a.holderName} assume EVERY role that trusts this account; replace it with an`,
          '// AssumeRoleUserGrant on the one role it needs (README: "Already set up in the console?").',
        ]
      : [why]),
    `new ${binding}(${stack}, ${lit(ADOPTED_IDS.attachment(a))}, {`,
    `  ${holderKey}: ${lit(a.holderName)},`,
    `  policyName: ${lit(a.policyName)},`,
    `  policyType: ${lit(a.policyType)},`,
    `}).importFrom(${lit(importId)});`,
  ];
}

/** The TypeScript of the adopted app: the constructs with `adopt: true`, one AccountStack per account. */
export function writeMain(plans: AccountPlan[], options: MainOptions): string {
  const body: string[] = [];
  plans.forEach((plan, p) => {
    const stack = variable('stack', plan.stackId, p);
    body.push('', `// Account ${plan.accountId} (folder ${plan.stackId}).`);
    body.push(
      `const ${stack} = new AccountStack(app, ${lit(plan.stackId)}, { accountId: ${lit(plan.accountId)}, region: ${lit(options.region)} });`,
    );
    const policyVars = new Map<string, string>();
    plan.customPolicies.forEach((policy, i) => {
      const name = variable('policy', policy.policyName, i);
      policyVars.set(policy.policyName, name);
      body.push(
        `const ${name} = new CustomPolicy(${stack}, ${lit(ADOPTED_IDS.policy(policy.policyName))}, {`,
        ...props([
          ['policyName', lit(policy.policyName)],
          ['description', policy.description === undefined ? undefined : lit(policy.description)],
          ['document', `PolicyDocument.fromJson(${lit(policy.document.toJsonString())})`],
          ['adopt', 'true'],
        ]),
        '});',
      );
    });
    for (const role of plan.roles) body.push(...roleCode(stack, plan.accountId, role, policyVars));
    for (const skipped of plan.skippedRoles) {
      body.push(
        `// Role ${skipped.roleName} is NOT adopted: its trust policy cannot be written with CrossAccountRole, because`,
        `// ${skipped.why}. It is kept here, as recorded, for review; the role stays as it is in the console.`,
        `export const untouchedTrust${variable('', skipped.roleName, p)} = ${lit(skipped.trustJson)};`,
      );
    }
    for (const grant of plan.grants) body.push(...grantCode(stack, grant, !roleInApp(plans, grant.roleArn)));
    for (const a of plan.attachments) body.push(...attachmentCode(stack, a));
    for (const m of plan.memberships) {
      body.push(
        `// ${m.userName} is a member of group ${m.groupName}, which holds no AssumeRole grant here; kept as found.`,
        `new alicloud.ramUserGroupAttachment.RamUserGroupAttachment(${stack}, ${lit(ADOPTED_IDS.membership(m))}, {`,
        `  groupName: ${lit(m.groupName)},`,
        `  userName: ${lit(m.userName)},`,
        `}).importFrom(${lit(userGroupAttachmentImportId(m.groupName, m.userName))});`,
      );
    }
  });
  const text = body.join('\n');
  const used = [
    'AccountStack',
    'AssumeRoleUserGrant',
    'Condition',
    'ConditionOperator',
    'CrossAccountRole',
    'CustomPolicy',
    'PolicyDocument',
    'PolicyReference',
    'Principal',
    'alicloud',
  ].filter((name) => new RegExp(`\\b${name}\\b[.(]|new ${name}\\b`).test(text));
  return [
    `// Written by \`cdktf-xaccount adopt ${options.source}\` from recorded aliyun CLI outputs. Every object below`,
    '// already exists: `adopt: true` (and importFrom) makes the first `terraform plan` import it instead of',
    '// creating it. Review the plan: it must show only imports and in-place updates, never a destroy.',
    "// Before deploying, give each AccountStack its account's `profile` (or `assumeRole`) and the `stateBackend`",
    '// its state goes to (README: "Deploying each account from its own pipeline").',
    `import { App } from ${lit(options.framework)};`,
    `import { ${used.join(', ')} } from ${lit(options.library)};`,
    '',
    'const app = new App();',
    ...body,
    '',
    'app.synth();',
    '',
  ].join('\n');
}
