import { Construct } from 'constructs';
import {
  AccessGraph,
  AccessReport,
  alicloud,
  AssumeRoleUserGrant,
  CrossAccountRole,
  CustomPolicy,
  Finding,
  Findings,
  LogGrant,
  PolicyDocument,
  PolicyStatement,
  ScopedLogPolicy,
} from '../../lib';
import { accountStack, synthOut } from '../support/out';
import { OWNER, PARTNER } from '../support/synth';

/** The findings of an app with an owner stack and a partner stack built by the callbacks. */
function findings(
  owner: (stack: ReturnType<typeof accountStack>) => void,
  partner?: (stack: ReturnType<typeof accountStack>) => void,
): Finding[] {
  const dir = synthOut((app) => {
    owner(accountStack(app, 'owner', OWNER));
    if (partner) partner(accountStack(app, 'partner', PARTNER));
  });
  return AccessReport.fromGraph(AccessGraph.fromSynthOutput(dir)).findings;
}
const ids = (list: Finding[]) => list.map((f) => `${f.severity} ${f.id}`);
const role = (stack: ReturnType<typeof accountStack>, props: object = {}) =>
  new CrossAccountRole(stack, 'role', {
    roleName: 'r',
    ownerAccountId: OWNER,
    trustedAccountIds: [PARTNER],
    requireMfa: true,
    ...props,
  });
const grant = (stack: Construct, roleName = 'r') =>
  new AssumeRoleUserGrant(stack, 'grant', {
    roleArn: CrossAccountRole.arnOf(OWNER, roleName),
    userNames: ['b1'], // existing users: their console login is not in the output, so MFA is reachable
  });

describe('findings', () => {
  test('a conditioned role with a scoped policy and a served trust has none', () => {
    const list = findings(
      (s) =>
        role(s, {
          policies: [
            new ScopedLogPolicy(s, 'logs', { policyName: 'logs', grants: [LogGrant.write('app-logs', 'events')] }),
          ],
        }),
      (s) => grant(s),
    );
    expect(list).toEqual([]);
  });

  test('XA-TRUST-NO-CONDITION: an account trusted with no condition', () => {
    const list = findings(
      (s) => role(s, { requireMfa: false }),
      (s) => grant(s),
    );
    expect(ids(list)).toEqual(['medium XA-TRUST-NO-CONDITION']);
    expect(list[0].message).toBe(
      `role r trusts every RAM user and role of account ${PARTNER} with no condition on who may assume it; ` +
        'add requireMfa, allowedSourceIps or externalId, or trust named users',
    );
  });

  test('XA-WILDCARD-ACTION and XA-WILDCARD-RESOURCE: a custom policy with service:* on *', () => {
    const list = findings(
      (s) =>
        role(s, {
          policies: [
            new CustomPolicy(s, 'all', {
              policyName: 'all-logs',
              document: new PolicyDocument([new PolicyStatement({ actions: ['log:*'], resources: ['*'] })]),
            }),
          ],
        }),
      (s) => grant(s),
    );
    expect(ids(list)).toEqual(['high XA-WILDCARD-ACTION', 'medium XA-WILDCARD-RESOURCE']);
  });

  test('XA-BROAD-SYSTEM-POLICY: a system policy with a scoped alternative, but not a read-only ECS one', () => {
    expect(
      ids(
        findings(
          (s) => role(s, { systemPolicies: ['AliyunLogFullAccess'] }),
          (s) => grant(s),
        ),
      ),
    ).toEqual(['medium XA-BROAD-SYSTEM-POLICY']);
    expect(
      findings(
        (s) => role(s, { systemPolicies: ['AliyunECSReadOnlyAccess'] }),
        (s) => grant(s),
      ),
    ).toEqual([]);
  });

  test('XA-GRANT-UNKNOWN-ROLE: high when the role account is in the output, low otherwise', () => {
    expect(
      ids(
        findings(
          (s) => role(s),
          (s) => {
            grant(s);
            grant(new Construct(s, 'second'), 'missing');
          },
        ),
      ).filter((i) => i.includes('GRANT')),
    ).toEqual(['high XA-GRANT-UNKNOWN-ROLE']);
    const onlyPartner = synthOut((app) => grant(accountStack(app, 'partner', PARTNER)));
    expect(ids(AccessReport.fromGraph(AccessGraph.fromSynthOutput(onlyPartner)).findings)).toEqual([
      'low XA-GRANT-UNKNOWN-ROLE',
    ]);
  });

  test('XA-TRUST-UNSERVED: the trusted account is in the output but grants no one', () => {
    expect(
      ids(
        findings(
          (s) => role(s),
          () => undefined,
        ),
      ),
    ).toEqual(['low XA-TRUST-UNSERVED']);
  });

  test('XA-ASSUME-ANY-ROLE: a user holding AliyunSTSAssumeRoleAccess', () => {
    const list = findings(
      (s) => role(s),
      (s) => {
        grant(s);
        new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'broad', {
          userName: 'b1',
          policyName: 'AliyunSTSAssumeRoleAccess',
          policyType: 'System',
        });
      },
    );
    expect(ids(list)).toEqual(['high XA-ASSUME-ANY-ROLE', 'medium XA-BROAD-SYSTEM-POLICY']);
  });

  test('an acknowledged finding stays listed, with its reason', () => {
    const list = findings(
      (s) => {
        const r = role(s, { requireMfa: false });
        Findings.acknowledge(r, 'XA-TRUST-NO-CONDITION', 'partner B vets its own users', {
          content: `acs:ram::${PARTNER}:root`,
        });
      },
      (s) => grant(s),
    );
    expect(list).toEqual([
      expect.objectContaining({ id: 'XA-TRUST-NO-CONDITION', acknowledgedReason: 'partner B vets its own users' }),
    ]);
  });

  test('Findings.acknowledge checks the id and asks for a reason', () => {
    expect(() =>
      synthOut((app) => Findings.acknowledge(role(accountStack(app, 'owner', OWNER)), 'TRUST', 'because we can')),
    ).toThrow('owner/role: finding id "TRUST" is not a finding id (such as XA-TRUST-NO-CONDITION)');
    expect(() =>
      synthOut((app) => Findings.acknowledge(role(accountStack(app, 'owner', OWNER)), 'XA-TRUST-NO-CONDITION', 'ok')),
    ).toThrow('owner/role: acknowledgement reason "ok" is too short (say why, in at least 10 characters)');
  });
});
