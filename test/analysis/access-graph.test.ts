import * as fs from 'fs';
import * as path from 'path';
import { AccessGraph, Decision, GraphRole, PolicyEvaluator } from '../../lib/analysis';
import { OWNER, PARTNER } from '../support/ids';
import { LOG_SERVICE_PARTNER as N } from '../../examples/log-service-partner/names';
import { fixtureOut } from './support/fixtures';

// The flagship app and the grant below are read from their committed synthesized outputs
// (support/fixture-apps.ts says how each is made; fixtures-current.test.ts keeps them current).
// Built in beforeEach, for each test: Stryker counts code run at load or in beforeAll as covered by no test
// (it would run none of these tests for its mutants), and Jest loads every test file for each mutant.
let graph: AccessGraph;
let role: GraphRole;
beforeEach(() => {
  graph = AccessGraph.fromSynthOutput(fixtureOut('flagship'));
  role = graph.roles[0];
});
const STORE = `acs:log:cn-hangzhou:${OWNER}:project/${N.project}/logstore/${N.logstore}`;

describe('AccessGraph of the flagship app', () => {
  test('reads both stacks with their accounts, the role, the user, the group and the policies', () => {
    expect(graph.stacks.map((s) => [s.name, s.accountId])).toEqual([
      ['owner', OWNER],
      ['partner', PARTNER],
    ]);
    expect(graph.roles.map((r) => r.arn)).toEqual([`acs:ram::${OWNER}:role/${N.roleName}`]);
    expect(role.policies.map((p) => [p.policyName, p.policyType, p.document !== undefined])).toEqual([
      [N.policyName, 'Custom', true],
    ]);
    expect(graph.users.map((u) => [u.arn, u.createdHere, u.groups])).toEqual([
      [`acs:ram::${PARTNER}:user/b1`, true, [N.partnerGroup]],
    ]);
    expect(graph.groups.map((g) => [g.groupName, g.members, g.policies.map((p) => p.policyName)])).toEqual([
      [N.partnerGroup, ['b1'], [`AssumeRole-${OWNER}-${N.roleName}`]],
    ]);
    expect(graph.acknowledgements).toEqual([
      expect.objectContaining({ stack: 'owner', path: 'owner/partner-log-writer', findingId: 'XA-TRUST-NO-CONDITION' }),
    ]);
  });

  test("B's granted user can assume the role; B's root, B's other users and other accounts cannot", () => {
    const results = graph.assumersOf(role);
    const decision = (kind: string) => results.filter((r) => r.kind === kind).map((r) => [r.principal, r.decision]);
    expect(decision('user')).toEqual([[`acs:ram::${PARTNER}:user/b1`, Decision.ALLOW]]);
    expect(decision('account-root')).toEqual([[`acs:ram::${PARTNER}:root`, Decision.IMPLICIT_DENY]]);
    expect(decision('ungranted-user')).toEqual([[`any other RAM user or role of ${PARTNER}`, Decision.IMPLICIT_DENY]]);
    expect(decision('unrelated-account').map(([, d]) => d)).toEqual([Decision.IMPLICIT_DENY]);
  });

  test('the role writes to exactly the configured logstore and consumes with exactly the configured group', () => {
    const docs = graph.policyDocumentsOf(role);
    const can = (action: string, resource: string) => PolicyEvaluator.evaluate(docs, { action, resource });
    expect(can('log:PostLogStoreLogs', STORE)).toBe(Decision.ALLOW);
    expect(can('log:PostLogStoreLogs', STORE.replace(N.logstore, 'other-store'))).toBe(Decision.IMPLICIT_DENY);
    expect(can('log:PostLogStoreLogs', STORE.replace(N.project, 'other-project'))).toBe(Decision.IMPLICIT_DENY);
    expect(can('log:ConsumerGroupHeartBeat', `${STORE}/consumergroup/${N.consumerGroup}`)).toBe(Decision.ALLOW);
    expect(can('log:ConsumerGroupHeartBeat', `${STORE}/consumergroup/someone-else`)).toBe(Decision.IMPLICIT_DENY);
    expect(can('log:CreateConsumerGroup', `${STORE}/consumergroup/*`)).toBe(Decision.ALLOW);
    expect(can('log:GetLogStoreLogs', STORE)).toBe(Decision.IMPLICIT_DENY);
    expect(can('log:DeleteLogStore', STORE)).toBe(Decision.IMPLICIT_DENY);
  });

  test('permissions are grouped by resource in plain words', () => {
    const permissions = graph.permissionsOf(role);
    expect(permissions.map((p) => p.resource)).toEqual([
      STORE,
      `${STORE}/consumergroup/*`,
      `${STORE}/consumergroup/${N.consumerGroup}`,
    ]);
    expect(permissions[0].allowed).toContain('log:PostLogStoreLogs (write logs)');
    expect(permissions[0].resourceWords).toBe(
      `logstore ${N.logstore} in project ${N.project} (account ${OWNER}, region cn-hangzhou)`,
    );
  });

  test('with only the owner stack, B is shown as an account whose own grants are not known here', () => {
    const dir = fixtureOut('flagship');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    delete manifest.stacks.partner;
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const ownerOnly = AccessGraph.fromSynthOutput(dir);
    expect(ownerOnly.hasAccount(PARTNER)).toBe(false);
    expect(ownerOnly.assumersOf(ownerOnly.roles[0]).filter((r) => r.kind === 'external-account')).toEqual([
      {
        principal: `RAM users and roles of ${PARTNER} that it grants sts:AssumeRole on this role`,
        kind: 'external-account',
        decision: Decision.ALLOW,
        conditions: '',
        conditionSets: [''],
        reachable: true,
        reason: `account ${PARTNER} is not in this output, so its own grants are not known here`,
      },
    ]);
  });
});

describe('AccessGraph of documents with Terraform expressions', () => {
  test('a grant whose role ARN comes from a variable is read, with the expression kept as written', () => {
    // An AssumeRoleUserGrant in a partner stack with `roleArn: new TerraformVariable(...).stringValue`.
    const dir = fixtureOut('grant-from-variable');
    const user = AccessGraph.fromSynthOutput(dir).users[0];
    expect(user.policies[0].document?.statements[0].resources).toEqual(['${var.role_arn}']);
  });
});
