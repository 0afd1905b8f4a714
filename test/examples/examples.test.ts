// Every example is synthesized by the real `cdktf synth` in its own folder, as a user runs it, and its
// access is checked with the evaluator: who can and who cannot, and exactly what the role may do.
import { AccessGraph, Decision, PolicyEvaluator } from '../../lib';
import { ECS_OPS_DELEGATION } from '../../examples/ecs-ops-delegation/stacks';
import { FUNCTION_COMPUTE_READONLY } from '../../examples/function-compute-readonly/stacks';
import { LOG_SERVICE_PARTNER } from '../../examples/log-service-partner/stacks';
import { PARTNER_READONLY } from '../../examples/partner-readonly/stacks';
import { cdktfSynth, stackOf } from '../support/cdktf';
import { assumers, may, outsiders, role } from './helpers';
import { differences } from '../support/json-diff';

const A = '1000000000000001';
const B = '2000000000000002';
const NOBODY_ELSE = [Decision.IMPLICIT_DENY, Decision.IMPLICIT_DENY, Decision.IMPLICIT_DENY];

describe('examples/log-service-partner', () => {
  const out = cdktfSynth('examples/log-service-partner');
  const graph = AccessGraph.fromSynthOutput(out);
  const n = LOG_SERVICE_PARTNER;
  const store = `acs:log:cn-hangzhou:${A}:project/${n.project}/logstore/${n.logstore}`;

  test('B1 can assume the role; B itself, its other users and other accounts cannot', () => {
    expect(assumers(graph, n.roleName)).toEqual([`acs:ram::${B}:user/b1`]);
    expect(outsiders(graph, n.roleName)).toEqual(NOBODY_ELSE);
  });

  test('the role writes and consumes one logstore with one consumer group, and nothing else', () => {
    expect(may(graph, n.roleName, 'log:PostLogStoreLogs', store)).toBe(true);
    expect(may(graph, n.roleName, 'log:ConsumerGroupHeartBeat', `${store}/consumergroup/${n.consumerGroup}`)).toBe(
      true,
    );
    expect(may(graph, n.roleName, 'log:PostLogStoreLogs', store.replace(n.logstore, 'billing'))).toBe(false);
    expect(may(graph, n.roleName, 'log:ConsumerGroupHeartBeat', `${store}/consumergroup/other`)).toBe(false);
    expect(may(graph, n.roleName, 'log:GetLogStoreLogs', store)).toBe(false);
    expect(may(graph, n.roleName, 'log:DeleteLogStore', store)).toBe(false);
  });
});

describe('examples/function-compute-readonly', () => {
  const graph = AccessGraph.fromSynthOutput(cdktfSynth('examples/function-compute-readonly'));
  const n = FUNCTION_COMPUTE_READONLY;

  test("B's two viewers can assume fc-admin; no one else can", () => {
    expect(assumers(graph, n.roleName)).toEqual(n.partnerUsers.map((u) => `acs:ram::${B}:user/${u}`));
    expect(outsiders(graph, n.roleName)).toEqual(NOBODY_ELSE);
  });

  test('fc-admin reads Function Compute and cannot change it or touch anything else', () => {
    expect(may(graph, n.roleName, 'fc:GetFunction', '*')).toBe(true);
    expect(may(graph, n.roleName, 'fc:ListServices', '*')).toBe(true);
    expect(may(graph, n.roleName, 'fc:CreateFunction', '*')).toBe(false);
    expect(may(graph, n.roleName, 'fc:DeleteService', '*')).toBe(false);
    expect(may(graph, n.roleName, 'ecs:DescribeInstances', '*')).toBe(false);
  });
});

describe('examples/ecs-ops-delegation', () => {
  const out = cdktfSynth('examples/ecs-ops-delegation');
  const graph = AccessGraph.fromSynthOutput(out);
  const n = ECS_OPS_DELEGATION;
  const roleArn = `acs:ram::${A}:role/${n.roleName}`;
  const alice = graph.users.find((u) => u.userName === n.employee)!;

  test('Alice can assume ecs-admin only when she signed in with MFA', () => {
    const grant = graph.identityPoliciesOf(alice);
    const trust = role(graph, n.roleName).trustPolicy;
    expect(PolicyEvaluator.evaluateAssumeRole(grant, trust, alice.arn, roleArn, { 'acs:MFAPresent': ['true'] })).toBe(
      Decision.ALLOW,
    );
    expect(PolicyEvaluator.evaluateAssumeRole(grant, trust, alice.arn, roleArn, { 'acs:MFAPresent': ['false'] })).toBe(
      Decision.IMPLICIT_DENY,
    );
    expect(PolicyEvaluator.evaluateAssumeRole(grant, trust, alice.arn, roleArn)).toBe(Decision.IMPLICIT_DENY);
    expect(outsiders(graph, n.roleName)).toEqual(NOBODY_ELSE);
  });

  test('ecs-admin operates ECS and nothing else', () => {
    expect(may(graph, n.roleName, 'ecs:StopInstance', `acs:ecs:cn-hangzhou:${A}:instance/i-1`)).toBe(true);
    expect(may(graph, n.roleName, 'ram:CreateUser', '*')).toBe(false);
    expect(may(graph, n.roleName, 'oss:GetObject', '*')).toBe(false);
  });

  test("Alice's password is a sensitive variable, never a value, and must be reset at first sign-in", () => {
    const partner = stackOf(out, 'partner');
    expect(partner.variable[n.passwordVariable]).toMatchObject({ sensitive: true, type: 'string' });
    const profile = Object.values(partner.resource.alicloud_ram_login_profile)[0];
    expect(profile).toMatchObject({
      password: `\${var.${n.passwordVariable}}`,
      password_reset_required: true,
      mfa_bind_required: true,
    });
    expect(JSON.stringify(partner.output ?? {})).not.toContain('password');
  });
});

describe('examples/partner-readonly', () => {
  const granted = cdktfSynth('examples/partner-readonly');
  const revoked = cdktfSynth('examples/partner-readonly', { PARTNER_ACCESS: 'revoked' });
  const n = PARTNER_READONLY;

  test('Bob can assume exactly Partner-ReadOnly-Access, which reads ECS and cannot change it', () => {
    const graph = AccessGraph.fromSynthOutput(granted);
    expect(assumers(graph, n.roleName)).toEqual([`acs:ram::${B}:user/Bob`]);
    expect(outsiders(graph, n.roleName)).toEqual(NOBODY_ELSE);
    expect(may(graph, n.roleName, 'ecs:DescribeInstances', '*')).toBe(true);
    expect(may(graph, n.roleName, 'ecs:StopInstance', '*')).toBe(false);
    const grant = Object.values(stackOf(granted, 'partner').resource.alicloud_ram_policy)[0];
    expect(JSON.parse(String(grant.policy_document))).toEqual({
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: `acs:ram::${A}:role/${n.roleName}` }],
      Version: '1',
    });
  });

  test('revoking changes only the trust policy document, in place: the role keeps its name, so no replacement', () => {
    const before = stackOf(granted, 'owner');
    const after = stackOf(revoked, 'owner');
    const changed = differences(before, after);
    // The `//` comment key, which Terraform ignores, notes the role as revoked for the analysis.
    expect(changed).toEqual([
      '//.cdktf-xaccount.revokedRoles',
      'resource.alicloud_ram_role.partner-readonly_role.assume_role_policy_document',
    ]);
    // role_name is the only ForceNew argument of alicloud_ram_role (schema notes §2.1); it did not change.
    expect(after.resource.alicloud_ram_role['partner-readonly_role'].role_name).toBe(n.roleName);
    expect(stackOf(revoked, 'partner')).toEqual(stackOf(granted, 'partner'));
  });

  test("after revocation Bob's grant leads nowhere", () => {
    const graph = AccessGraph.fromSynthOutput(revoked);
    expect(assumers(graph, n.roleName)).toEqual([]);
    const bob = graph.assumersOf(role(graph, n.roleName)).find((r) => r.principal.endsWith(':user/Bob'))!;
    expect(bob.reason).toBe(
      "the caller may call sts:AssumeRole, but the role's trust policy does not name it (or its conditions do not hold)",
    );
  });
});
