import { AccessDiff, AccessGraph, AccessReport, Decision, FindingId, GraphRole } from '../../lib/analysis';
import { doc, writeOut } from './support/hand-written';

const A = '1000000000000001';
const B = '2000000000000002';
const C = '3000000000000003';
const ROLE = `acs:ram::${A}:role/x`;
const assume = (resource = ROLE, Condition?: object) => ({
  Action: 'sts:AssumeRole',
  Effect: 'Allow',
  Resource: resource,
  ...(Condition ? { Condition } : {}),
});

function roleOf(graph: AccessGraph, arn = ROLE): GraphRole {
  return graph.role(arn)!;
}

function row(graph: AccessGraph, principal: string, arn = ROLE) {
  const found = graph.assumersOf(roleOf(graph, arn)).find((r) => r.principal === principal);
  if (!found) throw new Error(`no row for ${principal}`);
  return found;
}

/** Account A's stack: role x with this trust policy. */
function ownerWith(trust: object) {
  return {
    account: A,
    resources: { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: trust } } },
  };
}

/** One user of an account with its own policy. */
function userWith(name: string, policy: object) {
  return {
    [`alicloud_ram_user`]: { [name]: { name } },
    alicloud_ram_policy: { [`${name}-p`]: { policy_name: `${name}-p`, policy_document: policy } },
    alicloud_ram_user_policy_attachment: {
      [`${name}-a`]: { user_name: name, policy_name: `${name}-p`, policy_type: 'Custom' },
    },
  };
}

describe('class 1: each principal against each trust statement that could admit it', () => {
  test('two users of one account, each from its own IP range in its own statement: both get in, each under its own range', () => {
    const trust = doc(
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { RAM: [`acs:ram::${B}:user/u1`] },
        Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } },
      },
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { RAM: [`acs:ram::${B}:user/u2`] },
        Condition: { IpAddress: { 'acs:SourceIp': '192.168.0.0/16' } },
      },
    );
    const u1 = userWith('u1', doc(assume()));
    const u2 = userWith('u2', doc(assume()));
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: ownerWith(trust),
        b: {
          account: B,
          resources: {
            alicloud_ram_user: { ...u1.alicloud_ram_user, ...u2.alicloud_ram_user },
            alicloud_ram_policy: { ...u1.alicloud_ram_policy, ...u2.alicloud_ram_policy },
            alicloud_ram_user_policy_attachment: {
              ...u1.alicloud_ram_user_policy_attachment,
              ...u2.alicloud_ram_user_policy_attachment,
            },
          },
        },
      }),
    );
    expect(
      [row(graph, `acs:ram::${B}:user/u1`), row(graph, `acs:ram::${B}:user/u2`)].map((r) => [
        r.decision,
        r.conditionSets,
      ]),
    ).toEqual([
      [Decision.ALLOW, ['source IP in 10.0.0.0/8']],
      [Decision.ALLOW, ['source IP in 192.168.0.0/16']],
    ]);
  });

  test('two partners with their own external IDs: each partner gets in with its own; a principal admitted by two statements lists both sets', () => {
    const trust = doc(
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { RAM: [`acs:ram::${B}:root`] },
        Condition: { StringEquals: { 'sts:ExternalId': 'for-b' } },
      },
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { RAM: [`acs:ram::${C}:root`] },
        Condition: { StringEquals: { 'sts:ExternalId': 'for-c' } },
      },
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { RAM: [`acs:ram::${B}:user/u1`] },
        Condition: { Bool: { 'acs:MFAPresent': 'true' } },
      },
    );
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: ownerWith(trust),
        b: {
          account: B,
          resources: { ...userWith('u1', doc(assume())), alicloud_ram_login_profile: { l: { user_name: 'u1' } } },
        },
        c: { account: C, resources: userWith('u3', doc(assume())) },
      }),
    );
    expect(row(graph, `acs:ram::${B}:user/u1`)).toMatchObject({
      decision: Decision.ALLOW,
      conditionSets: ['signed in with MFA', 'the agreed external ID is passed'],
      conditions: '(signed in with MFA) or (the agreed external ID is passed)',
      reachable: true,
    });
    expect(row(graph, `acs:ram::${C}:user/u3`)).toMatchObject({
      decision: Decision.ALLOW,
      conditionSets: ['the agreed external ID is passed'],
    });
  });
});

describe('class 2: roles of the output are assumers, with their chains', () => {
  const trustOf = (principals: object) => doc({ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: principals });
  const out = () =>
    writeOut({
      a: {
        account: A,
        resources: {
          alicloud_ram_role: {
            x: { role_name: 'x', assume_role_policy_document: trustOf({ RAM: [`acs:ram::${B}:root`] }) },
          },
        },
      },
      b: {
        account: B,
        resources: {
          alicloud_ram_role: {
            ci: { role_name: 'ci', assume_role_policy_document: trustOf({ Service: ['ecs.aliyuncs.com'] }) },
            ops: { role_name: 'ops', assume_role_policy_document: trustOf({ RAM: [`acs:ram::${B}:root`] }) },
          },
          alicloud_ram_role_policy_attachment: {
            ci: { role_name: 'ci', policy_name: 'AliyunSTSAssumeRoleAccess', policy_type: 'System' },
            ops: { role_name: 'ops', policy_name: 'to-x', policy_type: 'Custom' },
          },
          alicloud_ram_policy: {
            'to-x': {
              policy_name: 'to-x',
              policy_document: doc({ NotAction: 'ram:*', Effect: 'Allow', Resource: '*' }),
            },
            'to-ops': { policy_name: 'to-ops', policy_document: doc(assume(`acs:ram::${B}:role/ops`)) },
          },
          alicloud_ram_group: { g: { group_name: 'g' } },
          alicloud_ram_user: { dev: { name: 'dev' } },
          alicloud_ram_user_group_attachment: { m: { group_name: 'g', user_name: 'dev' } },
          alicloud_ram_group_policy_attachment: {
            p: { group_name: 'g', policy_name: 'to-ops', policy_type: 'Custom' },
          },
        },
      },
    });

  test('a CI role holding AliyunSTSAssumeRoleAccess and a role allowed by NotAction are assumers, with one-hop chains', () => {
    const graph = AccessGraph.fromSynthOutput(out());
    expect(row(graph, `acs:ram::${B}:role/ci`)).toMatchObject({
      kind: 'role',
      decision: Decision.ALLOW,
      via: [`service ecs.aliyuncs.com → role acs:ram::${B}:role/ci → role ${ROLE}`],
    });
    expect(row(graph, `acs:ram::${B}:role/ops`)).toMatchObject({
      kind: 'role',
      decision: Decision.ALLOW,
      via: [
        `role acs:ram::${B}:role/ci → role acs:ram::${B}:role/ops → role ${ROLE}`,
        `user acs:ram::${B}:user/dev → role acs:ram::${B}:role/ops → role ${ROLE}`,
      ],
    });
  });

  test('a group member counts through its group; the "other principals" row speaks of users and roles', () => {
    const graph = AccessGraph.fromSynthOutput(out());
    expect(row(graph, `acs:ram::${B}:user/dev`, `acs:ram::${B}:role/ops`).decision).toBe(Decision.ALLOW);
    expect(row(graph, `any other RAM user or role of ${B}`).decision).toBe(Decision.IMPLICIT_DENY);
    const markdown = AccessReport.fromGraph(graph).toMarkdown();
    // The diagram draws roles as assumers too: ci → x, ops → x, ci → ops, ops → ops (NotAction), group g (of dev) → ops.
    expect((markdown.match(/-->\|can assume\|/g) ?? []).length).toBe(5);
    expect(markdown).toContain(
      `| acs:ram::${B}:role/ci | **yes** | always | both the trust policy and the caller's own policies allow it<br>via service ecs.aliyuncs.com → role acs:ram::${B}:role/ci → role ${ROLE} |`,
    );
  });
});

describe('class 4: MFA required of a user who has no console login', () => {
  const out = (login: boolean) =>
    writeOut({
      a: {
        account: A,
        resources: {
          alicloud_ram_role: {
            x: {
              role_name: 'x',
              assume_role_policy_document: doc({
                Action: 'sts:AssumeRole',
                Effect: 'Allow',
                Principal: { RAM: [`acs:ram::${B}:root`] },
                Condition: { Bool: { 'acs:MFAPresent': 'true' } },
              }),
            },
          },
        },
      },
      b: {
        account: B,
        resources: {
          ...userWith('api', doc(assume())),
          ...(login ? { alicloud_ram_login_profile: { l: { user_name: 'api' } } } : {}),
        },
      },
    });
  const user = `acs:ram::${B}:user/api`;

  test('without a login profile: Allow, but not reachable, said in the report and as a finding', () => {
    const graph = AccessGraph.fromSynthOutput(out(false));
    expect(row(graph, user)).toMatchObject({
      decision: Decision.ALLOW,
      reachable: false,
      conditionSets: ['signed in with MFA'],
    });
    const report = AccessReport.fromGraph(graph);
    expect(report.toMarkdown()).toContain(
      `| ${user} | **yes, only with an MFA sign-in, and no console login in this output** | signed in with MFA |`,
    );
    expect(report.findings.filter((f) => f.id === FindingId.TRUST_MFA_UNREACHABLE)).toEqual([
      {
        id: 'XA-TRUST-MFA-UNREACHABLE',
        severity: 'medium',
        stack: 'a',
        path: 'a/x',
        subject: ROLE,
        content: user,
        fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/),
        message:
          `${user} can assume role x only with MFA, but it has no console login in this output (alicloud_ram_login_profile), ` +
          'so its AccessKey API calls can never meet the condition (a console login made outside this output would); drop requireMfa for API users (use allowedSourceIps or ' +
          'externalId) or give the user a console login with MFA',
      },
    ]);
  });

  test('never said as "no": a console login made outside this output lets the user in', () => {
    const graph = AccessGraph.fromSynthOutput(out(false));
    const rowLine = AccessReport.fromGraph(graph)
      .toMarkdown()
      .split('\n')
      .find((l) => l.startsWith(`| ${user} |`));
    expect(rowLine?.split(' | ')[1]).toBe('**yes, only with an MFA sign-in, and no console login in this output**');
    // Against an output where nobody gets in, the diff lists the MFA-only access as new access.
    const none = AccessGraph.fromSynthOutput(writeOut({ a: { account: A, resources: {} } }));
    const diff = AccessDiff.between(none, graph);
    expect(diff.newAccess).toContain(
      `${user} can assume ${ROLE} when signed in with MFA (only with an MFA sign-in, and no console login in this output)`,
    );
  });

  test('with a login profile: reachable, no finding', () => {
    const graph = AccessGraph.fromSynthOutput(out(true));
    expect(row(graph, user)).toMatchObject({ decision: Decision.ALLOW, reachable: true });
    expect(AccessReport.fromGraph(graph).findings.map((f) => f.id)).not.toContain(FindingId.TRUST_MFA_UNREACHABLE);
  });
});

describe('a trust of the own account root (the old revocation form): the report shows the open door', () => {
  test('every user and role of A holding sts:AssumeRole on * is an assumer; the others are not', () => {
    const trust = doc({ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${A}:root`] } });
    const system = { policy_name: 'AliyunSTSAssumeRoleAccess', policy_type: 'System' };
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: {
          account: A,
          resources: {
            alicloud_ram_role: {
              x: { role_name: 'x', assume_role_policy_document: trust },
              ops: {
                role_name: 'ops',
                assume_role_policy_document: doc({
                  Action: 'sts:AssumeRole',
                  Effect: 'Allow',
                  Principal: { Service: ['ecs.aliyuncs.com'] },
                }),
              },
            },
            alicloud_ram_role_policy_attachment: { ops: { role_name: 'ops', ...system } },
            alicloud_ram_user: { admin: { name: 'admin' }, dev: { name: 'dev' } },
            alicloud_ram_user_policy_attachment: { admin: { user_name: 'admin', ...system } },
          },
        },
      }),
    );
    const allowed = graph
      .assumersOf(roleOf(graph))
      .filter((r) => r.decision === Decision.ALLOW)
      .map((r) => [r.kind, r.principal]);
    expect(allowed).toEqual([
      ['role', `acs:ram::${A}:role/ops`],
      ['user', `acs:ram::${A}:user/admin`],
    ]);
    expect(row(graph, `acs:ram::${A}:user/dev`).decision).toBe(Decision.IMPLICIT_DENY);
  });
});
