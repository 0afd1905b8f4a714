import { App, Testing } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import {
  AccessGraph,
  AccessReport,
  AccountStack,
  CrossAccountRole,
  Decision,
  FindingId,
  LogGrant,
  PolicyDocument,
  PolicyEvaluator,
  ScopedLogPolicy,
  SystemPolicies,
} from '../../lib';
import { buildEcsOpsDelegationApp } from '../../examples/ecs-ops-delegation/stacks';
import { buildFunctionComputeReadonlyApp } from '../../examples/function-compute-readonly/stacks';
import { buildLogServicePartnerApp } from '../../examples/log-service-partner/stacks';
import { buildPartnerReadonlyApp } from '../../examples/partner-readonly/stacks';
import { CrossAccountEnvironment, readEnvironment } from '../../examples/shared/environment';
import { flagshipOut, synthOut } from '../support/out';
import { errorOf, OTHER, OWNER, PARTNER, synth } from '../support/synth';
import { differences } from '../support/json-diff';

const ROLE = 'partner-log-writer';
const ROLE_ARN = `acs:ram::${OWNER}:role/${ROLE}`;

interface Trust {
  trustedAccountIds?: string[];
  revoked?: boolean;
}

/** The owner stack of the flagship, with the given trust. */
function ownerStack(trust: Trust): { [key: string]: unknown } {
  const stack = new AccountStack(Testing.app(), 'owner', { accountId: OWNER, region: 'cn-hangzhou' });
  const policy = new ScopedLogPolicy(stack, 'partner-log-policy', {
    policyName: 'partner-log-write-consume',
    projectOwnerAccountId: OWNER,
    grants: [LogGrant.write('shared-app-logs', 'app-events'), LogGrant.consume('shared-app-logs', 'app-events', 'cg')],
  });
  new CrossAccountRole(stack, ROLE, {
    roleName: ROLE,
    ownerAccountId: OWNER,
    ...trust,
    policies: [policy],
    systemPolicies: ['AliyunLogReadOnlyAccess'],
  });
  return JSON.parse(Testing.synth(stack));
}

function trustOf(stack: { [key: string]: unknown }): PolicyDocument {
  const roles = (stack.resource as { [type: string]: { [name: string]: { [attr: string]: unknown } } })
    .alicloud_ram_role;
  return PolicyDocument.fromJson(String(roles[`${ROLE}_role`].assume_role_policy_document));
}

const doc = (json: object) => PolicyDocument.fromJson(JSON.stringify({ ...json, Version: '1' }));
const STS_ASSUME_ROLE_ACCESS = SystemPolicies.lookup('AliyunSTSAssumeRoleAccess')!.document;
const EVERYTHING = doc({ Statement: [{ Action: '*', Effect: 'Allow', Resource: '*' }] });
const THIS_ROLE_ONLY = doc({ Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: ROLE_ARN }] });

// Everyone the output could hold: principals of the owner, of the partner and of an unrelated
// account, users, roles, role sessions and the roots; each with every identity policy that grants
// sts:AssumeRole, and each with every request context of the trust conditions' vocabulary.
const CALLERS = [OWNER, PARTNER, OTHER].flatMap((account) => [
  `acs:ram::${account}:root`,
  `acs:ram::${account}:user/b1`,
  `acs:ram::${account}:user/admin`,
  `acs:ram::${account}:role/ci`,
  `acs:ram::${account}:role/ci/session-1`,
]);
const GRANTS = [[STS_ASSUME_ROLE_ACCESS], [EVERYTHING], [THIS_ROLE_ONLY]];
const CONTEXTS: { [key: string]: string[] }[] = [
  {},
  { 'acs:MFAPresent': ['true'] },
  { 'acs:SourceIp': ['203.0.113.7'] },
  { 'sts:ExternalId': ['partner-b'] },
  { 'acs:MFAPresent': ['true'], 'acs:SourceIp': ['203.0.113.7'], 'sts:ExternalId': ['partner-b'] },
];

/** Every caller the evaluator lets assume `roleArn` under `trust`, with some grant and some context. */
function whoGetsIn(trust: PolicyDocument, roleArn = ROLE_ARN, callers = CALLERS): string[] {
  const allowed = new Set<string>();
  const grants = [...GRANTS, [doc({ Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: roleArn }] })]];
  for (const caller of callers)
    for (const grant of grants)
      for (const context of CONTEXTS)
        if (PolicyEvaluator.evaluateAssumeRole(grant, trust, caller, roleArn, context) === Decision.ALLOW)
          allowed.add(caller);
  return Array.from(allowed).sort();
}

describe('revoking a partner', () => {
  test('removing one trusted account changes only the trust policy document of the role', () => {
    const before = ownerStack({ trustedAccountIds: [PARTNER, OTHER] });
    const after = ownerStack({ trustedAccountIds: [PARTNER] });
    expect(differences(before, after)).toEqual([
      'resource.alicloud_ram_role.partner-log-writer_role.assume_role_policy_document',
    ]);
  });
});

describe('revoked: true closes the door (ram-policy-reference §2.3, §3.1, §3.2)', () => {
  const granted = ownerStack({ trustedAccountIds: [PARTNER] });
  const revoked = ownerStack({ trustedAccountIds: [], revoked: true });

  test('the trust policy names only the role itself, i.e. sessions of this role, which nobody can get anew', () => {
    expect(trustOf(revoked).toJson()).toEqual({
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [ROLE_ARN] } }],
      Version: '1',
    });
  });

  test('only assume_role_policy_document changes: an in-place UpdateRole, the role and its ARN stay', () => {
    expect(differences(granted, revoked)).toEqual([
      'resource.alicloud_ram_role.partner-log-writer_role.assume_role_policy_document',
    ]);
  });

  test('the stack notes the revoked role under the // key, which Terraform ignores and the analysis reads', () => {
    const dir = synthOut((app) => {
      const stack = new AccountStack(app, 'owner', { accountId: OWNER, region: 'cn-hangzhou' });
      new CrossAccountRole(stack, ROLE, { roleName: ROLE, revoked: true });
      new CrossAccountRole(stack, 'still-trusted', { roleName: 'still-trusted', trustedAccountIds: [PARTNER] });
    });
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'stacks', 'owner', 'cdk.tf.json'), 'utf8'));
    expect(json['//']['cdktf-xaccount']).toEqual({
      revokedRoles: [{ path: `owner/${ROLE}`, roleName: ROLE, roleArn: ROLE_ARN }],
    });
  });

  test('before: the partner gets in; after: nobody of A, B or another account, whatever they hold', () => {
    expect(whoGetsIn(trustOf(granted))).toEqual([
      `acs:ram::${PARTNER}:role/ci`,
      `acs:ram::${PARTNER}:role/ci/session-1`,
      `acs:ram::${PARTNER}:user/admin`,
      `acs:ram::${PARTNER}:user/b1`,
    ]);
    expect(whoGetsIn(trustOf(revoked))).toEqual([]);
  });

  test('the old form, trusting account A itself, let every principal of A holding AliyunSTSAssumeRoleAccess in', () => {
    const ownRoot = doc({
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${OWNER}:root`] } }],
    });
    expect(whoGetsIn(ownRoot)).toEqual([
      `acs:ram::${OWNER}:role/ci`,
      `acs:ram::${OWNER}:role/ci/session-1`,
      `acs:ram::${OWNER}:user/admin`,
      `acs:ram::${OWNER}:user/b1`,
    ]);
    // The constructs now refuse that form outright.
    expect(
      errorOf(() =>
        synth(
          (scope) =>
            new CrossAccountRole(scope, 'r', { roleName: ROLE, ownerAccountId: OWNER, trustedAccountIds: [OWNER] }),
        ),
      ),
    ).toContain(`stack/r: trustedAccountIds[0] "${OWNER}" is the role's own account (ownerAccountId)`);
  });

  test('what is left: a session of the role itself, issued before revocation, if the role may call AssumeRole', () => {
    const self = `acs:ram::${OWNER}:role/${ROLE}/old-session`;
    expect(PolicyEvaluator.evaluateAssumeRole([STS_ASSUME_ROLE_ACCESS], trustOf(revoked), self, ROLE_ARN)).toBe(
      Decision.ALLOW,
    );
    // The flagship role holds no sts:AssumeRole, so even that session cannot renew itself.
    const logReadOnly = SystemPolicies.lookup('AliyunLogReadOnlyAccess')!.document;
    expect(PolicyEvaluator.evaluateAssumeRole([logReadOnly], trustOf(revoked), self, ROLE_ARN)).toBe(
      Decision.IMPLICIT_DENY,
    );
  });

  test('the role may be revoked in an AccountStack without ownerAccountId: the stack names the account', () => {
    const stack = new AccountStack(Testing.app(), 'owner', { accountId: OWNER, region: 'cn-hangzhou' });
    const role = new CrossAccountRole(stack, 'r', { roleName: 'r', revoked: true });
    expect(role.revoked).toBe(true);
    expect(role.ownerAccountId).toBe(OWNER);
    expect(role.trustPolicy.toJsonString()).toBe(
      `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::${OWNER}:role/r"]}}],"Version":"1"}`,
    );
  });

  test('bad input: revoked with trusted entities, or with no known account', () => {
    const problem = (props: object) =>
      errorOf(() => synth((scope) => new CrossAccountRole(scope, 'r', { roleName: 'r', revoked: true, ...props })));
    expect(problem({ ownerAccountId: OWNER, trustedAccountIds: [PARTNER] })).toBe(
      `stack/r: revoked is true but trustedAccountIds/trustedPrincipals name "${PARTNER}" ` +
        '(a revoked role trusts no one: leave them empty, or set revoked to false to trust them)',
    );
    expect(problem({})).toBe(
      "stack/r: revoked is true but the role's account is unknown (give ownerAccountId, or create the role in an " +
        'AccountStack with its own provider: the revoked trust policy names the role itself, acs:ram::<owner>:role/<name>)',
    );
  });
});

describe('the analysis after revocation (flagship, PARTNER_ACCESS=revoked)', () => {
  const out = flagshipOut({ PARTNER_ACCESS: 'revoked' });
  const graph = AccessGraph.fromSynthOutput(out);
  const role = graph.roles.find((r) => r.roleName === ROLE)!;

  test('nobody can assume the role: every row of the report is a no', () => {
    expect(graph.assumersOf(role).filter((r) => r.decision === Decision.ALLOW)).toEqual([]);
    const b1 = graph.assumersOf(role).find((r) => r.principal.endsWith(':user/b1'))!;
    expect(b1.decision).toBe(Decision.IMPLICIT_DENY);
  });

  test('XA-TRUST-UNSERVED does not fire for the intentionally revoked role', () => {
    const ids = AccessReport.fromGraph(graph).findings.map((f) => f.id);
    expect(ids).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test('a hand-written cdk.tf.json whose role trusts only itself is read the same way, note or not', () => {
    const dir = synthOut((app) => {
      const stack = new AccountStack(app, 'owner', { accountId: OWNER, region: 'cn-hangzhou' });
      new CrossAccountRole(stack, 'r', { roleName: 'r', revoked: true });
    });
    const file = path.join(dir, 'stacks', 'owner', 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete json['//']['cdktf-xaccount'];
    fs.writeFileSync(file, JSON.stringify(json));
    const handWritten = AccessGraph.fromSynthOutput(dir);
    const ids = AccessReport.fromGraph(handWritten).findings.map((f) => f.id);
    expect(ids).not.toContain(FindingId.TRUST_UNSERVED);
    const rows = handWritten.assumersOf(handWritten.roles[0]);
    expect(rows.filter((r) => r.decision === Decision.ALLOW)).toEqual([]);
  });
});

describe('every example revokes with PARTNER_ACCESS=revoked, and then nobody can assume its role', () => {
  const builders: { [name: string]: (app: App, env: CrossAccountEnvironment) => unknown } = {
    'log-service-partner': buildLogServicePartnerApp,
    'partner-readonly': buildPartnerReadonlyApp,
    'function-compute-readonly': buildFunctionComputeReadonlyApp,
    'ecs-ops-delegation': buildEcsOpsDelegationApp,
  };
  const env = readEnvironment({ PARTNER_ACCESS: 'revoked' });
  const A = env.ownerAccountId;
  const B = env.partnerAccountId;
  // The examples' own user names, and principals of A, B and another account that hold AssumeRole on "*".
  const callers = [A, B, OTHER].flatMap((account) =>
    ['b1', 'Bob', 'alice', 'fc-viewer-1', 'admin']
      .map((u) => `acs:ram::${account}:user/${u}`)
      .concat(`acs:ram::${account}:role/ci`),
  );

  test.each(Object.keys(builders))('%s', (name) => {
    const graph = AccessGraph.fromSynthOutput(synthOut((app) => builders[name](app, env)));
    expect(graph.roles.length).toBeGreaterThan(0);
    for (const role of graph.roles) {
      expect([role.roleName, role.trustPolicy.toJson()]).toEqual([
        role.roleName,
        {
          Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [role.arn] } }],
          Version: '1',
        },
      ]);
      expect([role.roleName, whoGetsIn(role.trustPolicy, role.arn, callers)]).toEqual([role.roleName, []]);
      expect(graph.assumersOf(role).filter((r) => r.decision === Decision.ALLOW)).toEqual([]);
    }
    const ids = AccessReport.fromGraph(graph).findings.map((f) => f.id);
    expect(ids).not.toContain(FindingId.TRUST_UNSERVED);
  });
});
