import { AccessGraph, AssumeResult, Decision } from '../../lib/analysis';
import { doc, writeOut } from './support/hand-written';

// Every row of "who can assume this role" as the JSON report gives it: the fields the markdown does not show
// for rows it prints as "no" (conditions, conditionSets, reachable of the account-root and class rows), the order
// of the callers, and the chains (`via`) that start at a class of principals. Graphs are built in the tests
// (never at load), so that Stryker counts the work as the coverage of these tests.

const A = '1000000000000001';
const B = '2000000000000002';
const C = '3000000000000003';
const ROLE = `acs:ram::${A}:role/x`;
const HOP = `acs:ram::${B}:role/hop`;
const BOTH = "both the trust policy and the caller's own policies allow it";
const NOT_NAMED =
  "the caller may call sts:AssumeRole, but the role's trust policy does not name it (or its conditions do not hold)";
const NO_GRANT = "the trust policy allows it, but the caller's own policies do not allow sts:AssumeRole on the role";
const OTHER_ACCOUNT = 'any RAM user or role of another account (even one holding AliyunSTSAssumeRoleAccess)';

const assume = (resource = ROLE) => ({ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: resource });
const allow = (ram: string[], extra: object = {}) => ({
  Action: 'sts:AssumeRole',
  Effect: 'Allow',
  Principal: { RAM: ram },
  ...extra,
});
const deny = (ram: string[]) => ({ Action: 'sts:AssumeRole', Effect: 'Deny', Principal: { RAM: ram } });
const MFA = { Condition: { Bool: { 'acs:MFAPresent': 'true' } } };
const system = (name: string) => ({ policy_name: name, policy_type: 'System' });

function rowsOf(graph: AccessGraph, arn = ROLE): AssumeResult[] {
  return graph.assumersOf(graph.role(arn)!);
}

/** The row of an account itself: always refused, whatever the trust says (ram-policy-reference §2.3). */
function rootRow(account: string): AssumeResult {
  return {
    principal: `acs:ram::${account}:root`,
    kind: 'account-root',
    decision: Decision.IMPLICIT_DENY,
    conditions: '',
    conditionSets: [],
    reachable: true,
    reason: 'an Alibaba Cloud account itself cannot call AssumeRole; only its RAM users and roles can',
  };
}

/** The row of the principals of an account of the output that the output does not show. */
function otherRow(account: string, decision = Decision.IMPLICIT_DENY): AssumeResult {
  return {
    principal: `any other RAM user or role of ${account}`,
    kind: 'ungranted-user',
    decision,
    conditions: '',
    conditionSets: [],
    reachable: true,
    reason: `holds no sts:AssumeRole permission in account ${account}`,
  };
}

/** The row of the principals of a trusted account that is not in the output. */
function externalRow(account: string, decision: Decision, sets: string[], conditions = sets.join(' or ')) {
  return {
    principal: `RAM users and roles of ${account} that it grants sts:AssumeRole on this role`,
    kind: 'external-account',
    decision,
    conditions,
    conditionSets: sets,
    reachable: true,
    reason: `account ${account} is not in this output, so its own grants are not known here`,
  };
}

const UNRELATED: AssumeResult = {
  principal: OTHER_ACCOUNT,
  kind: 'unrelated-account',
  decision: Decision.IMPLICIT_DENY,
  conditions: '',
  conditionSets: [],
  reachable: true,
  reason: 'the trust policy does not name its account',
};

/** Role x of A with this trust; B with these resources; C never in the output. */
function graphOf(trust: object, b: { [type: string]: { [name: string]: { [attribute: string]: unknown } } }) {
  return AccessGraph.fromSynthOutput(
    writeOut({
      a: {
        account: A,
        resources: { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: trust } } },
      },
      b: { account: B, resources: b },
    }),
  );
}

/** B's user u holding `policy`. */
function userU(policy: object) {
  return {
    alicloud_ram_user: { u: { name: 'u' } },
    alicloud_ram_policy: { p: { policy_name: 'p', policy_document: policy } },
    alicloud_ram_user_policy_attachment: { u: { user_name: 'u', policy_name: 'p', policy_type: 'Custom' } },
  };
}

describe('the rows of a role, every field, in their order', () => {
  test('callers sorted by ARN (roles before users of an account, a granted user of an untrusted account first), then per trusted account its root and class row, then any other account', () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: {
          account: A,
          resources: {
            alicloud_ram_role: {
              x: {
                role_name: 'x',
                assume_role_policy_document: doc(
                  allow([`acs:ram::${B}:root`]),
                  allow([`acs:ram::${C}:root`, `acs:ram::${C}:user/named`], {
                    Condition: { StringEquals: { 'sts:ExternalId': 'e' } },
                  }),
                ),
              },
            },
          },
        },
        b: {
          account: B,
          resources: {
            // zed before amy in the output, and users before the role: the rows are sorted all the same.
            alicloud_ram_user: { zed: { name: 'zed' }, amy: { name: 'amy' } },
            alicloud_ram_role: {
              r: {
                role_name: 'r',
                assume_role_policy_document: doc({
                  Action: 'sts:AssumeRole',
                  Effect: 'Allow',
                  Principal: { Service: ['ecs.aliyuncs.com'] },
                }),
              },
            },
            alicloud_ram_role_policy_attachment: { r: { role_name: 'r', ...system('AliyunSTSAssumeRoleAccess') } },
            alicloud_ram_user_policy_attachment: { z: { user_name: 'zed', ...system('AliyunSTSAssumeRoleAccess') } },
          },
        },
        // A user of an account the trust does not name, granted the role by its own policy: a caller, refused.
        d: {
          account: '0100000000000000',
          resources: {
            alicloud_ram_user: { lead: { name: 'lead' } },
            alicloud_ram_policy: { p: { policy_name: 'p', policy_document: doc(assume()) } },
            alicloud_ram_user_policy_attachment: { l: { user_name: 'lead', policy_name: 'p', policy_type: 'Custom' } },
          },
        },
      }),
    );
    expect(rowsOf(graph)).toStrictEqual([
      {
        principal: 'acs:ram::0100000000000000:user/lead',
        kind: 'user',
        decision: Decision.IMPLICIT_DENY,
        conditions: '',
        conditionSets: [],
        reachable: true,
        reason: NOT_NAMED,
      },
      {
        principal: `acs:ram::${B}:role/r`,
        kind: 'role',
        decision: Decision.ALLOW,
        conditions: '',
        conditionSets: [''],
        reachable: true,
        reason: BOTH,
        via: [`service ecs.aliyuncs.com → role acs:ram::${B}:role/r → role ${ROLE}`],
      },
      {
        principal: `acs:ram::${B}:user/amy`,
        kind: 'user',
        decision: Decision.IMPLICIT_DENY,
        conditions: '',
        conditionSets: [],
        reachable: true,
        reason: NO_GRANT,
      },
      {
        principal: `acs:ram::${B}:user/zed`,
        kind: 'user',
        decision: Decision.ALLOW,
        conditions: '',
        conditionSets: [''],
        reachable: true,
        reason: BOTH,
      },
      rootRow(B),
      otherRow(B),
      rootRow(C),
      externalRow(C, Decision.ALLOW, ['the agreed external ID is passed']),
      UNRELATED,
    ]);
  });

  test('a role entered by a class of principals and by users: its chains start at the class row and at the reachable users only', () => {
    const graph = AccessGraph.fromSynthOutput(
      writeOut({
        a: {
          account: A,
          resources: {
            alicloud_ram_role: {
              x: {
                role_name: 'x',
                assume_role_policy_document: doc(
                  allow([`acs:ram::${B}:root`]),
                  allow([`acs:ram::${A}:user/boss`], MFA),
                ),
              },
            },
            alicloud_ram_user: { boss: { name: 'boss' } },
            alicloud_ram_policy: { p: { policy_name: 'p', policy_document: doc(assume()) } },
            alicloud_ram_user_policy_attachment: { b: { user_name: 'boss', policy_name: 'p', policy_type: 'Custom' } },
          },
        },
        b: {
          account: B,
          resources: {
            alicloud_ram_user: { api: { name: 'api' } },
            alicloud_ram_role: {
              hop: {
                role_name: 'hop',
                assume_role_policy_document: doc(
                  allow([`acs:ram::${C}:root`, `acs:ram::${B}:user/api`, `acs:ram::${B}:user/ext`], MFA),
                ),
              },
            },
            alicloud_ram_policy: { p: { policy_name: 'p', policy_document: doc(assume(HOP)) } },
            alicloud_ram_role_policy_attachment: { r: { role_name: 'hop', ...system('AliyunSTSAssumeRoleAccess') } },
            // api is created here without a console login; ext is not created here (its login is not known).
            alicloud_ram_user_policy_attachment: {
              a: { user_name: 'api', policy_name: 'p', policy_type: 'Custom' },
              e: { user_name: 'ext', policy_name: 'p', policy_type: 'Custom' },
            },
          },
        },
      }),
    );
    const mfaOnly = (arn: string): AssumeResult => ({
      principal: arn,
      kind: 'user',
      decision: Decision.ALLOW,
      conditions: 'signed in with MFA',
      conditionSets: ['signed in with MFA'],
      reachable: false,
      unreachableReason:
        `${arn} gets in only with acs:MFAPresent true (an MFA sign-in), but it has no console login in this output ` +
        '(alicloud_ram_login_profile), and its AccessKey API calls never carry MFA; a console login made outside ' +
        'this output would let it in',
      reason: `${BOTH}, but no request of this output can be sent with MFA`,
    });
    expect(rowsOf(graph, HOP)).toStrictEqual([
      {
        principal: HOP,
        kind: 'role',
        decision: Decision.IMPLICIT_DENY,
        conditions: '',
        conditionSets: [],
        reachable: true,
        reason: NOT_NAMED,
      },
      mfaOnly(`acs:ram::${B}:user/api`),
      // A user the output only attaches a policy to may have a console login made elsewhere: reachable.
      {
        principal: `acs:ram::${B}:user/ext`,
        kind: 'user',
        decision: Decision.ALLOW,
        conditions: 'signed in with MFA',
        conditionSets: ['signed in with MFA'],
        reachable: true,
        reason: BOTH,
      },
      rootRow(B),
      otherRow(B),
      rootRow(C),
      externalRow(C, Decision.ALLOW, ['signed in with MFA']),
      UNRELATED,
    ]);
    const rows = rowsOf(graph);
    expect(rows.find((r) => r.principal === `acs:ram::${A}:user/boss`)).toStrictEqual(
      mfaOnly(`acs:ram::${A}:user/boss`),
    );
    // Only the reachable entrants of hop start a chain: ext, and the class of C's principals (not api).
    expect(rows.find((r) => r.principal === HOP)).toStrictEqual({
      principal: HOP,
      kind: 'role',
      decision: Decision.ALLOW,
      conditions: '',
      conditionSets: [''],
      reachable: true,
      reason: BOTH,
      via: [
        `user acs:ram::${B}:user/ext → role ${HOP} → role ${ROLE}`,
        `RAM users and roles of ${C} that it grants sts:AssumeRole on this role → role ${HOP} → role ${ROLE}`,
      ],
    });
  });
});

describe('the condition sets of a row', () => {
  test('one unconditional statement and one under an IP range: both sets, the empty one said as "no condition"', () => {
    const graph = graphOf(
      doc(
        allow([`acs:ram::${B}:root`]),
        allow([`acs:ram::${B}:user/u`], { Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } }),
      ),
      userU(doc(assume())),
    );
    expect(rowsOf(graph)[0]).toStrictEqual({
      principal: `acs:ram::${B}:user/u`,
      kind: 'user',
      decision: Decision.ALLOW,
      conditions: '(no condition) or (source IP in 10.0.0.0/8)',
      conditionSets: ['', 'source IP in 10.0.0.0/8'],
      reachable: true,
      reason: BOTH,
    });
  });

  test('two grant statements under the same condition: one set', () => {
    const ip = { Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } };
    const graph = graphOf(
      doc(allow([`acs:ram::${B}:root`])),
      userU(doc({ ...assume(), ...ip }, { ...assume(`acs:ram::${A}:role/*`), ...ip })),
    );
    expect(rowsOf(graph)[0]).toMatchObject({
      decision: Decision.ALLOW,
      conditions: 'source IP in 10.0.0.0/8',
      conditionSets: ['source IP in 10.0.0.0/8'],
    });
  });
});

describe('the class rows under a Deny of the trust policy', () => {
  test('a Deny of the whole account: the user and the other principals of B are explicitly denied', () => {
    const graph = graphOf(doc(allow([`acs:ram::${B}:root`]), deny([`acs:ram::${B}:root`])), userU(doc(assume())));
    expect(rowsOf(graph)).toStrictEqual([
      {
        principal: `acs:ram::${B}:user/u`,
        kind: 'user',
        decision: Decision.EXPLICIT_DENY,
        conditions: '',
        conditionSets: [],
        reachable: true,
        reason: 'the trust policy explicitly denies this caller',
      },
      rootRow(B),
      otherRow(B, Decision.EXPLICIT_DENY),
      UNRELATED,
    ]);
  });

  test('an account outside the output: denied whole, the class is denied; one named principal denied, the class still gets in', () => {
    const external = (trust: object) =>
      rowsOf(graphOf(trust, userU(doc(assume())))).find((r) => r.kind === 'external-account');
    expect(external(doc(allow([`acs:ram::${C}:root`]), deny([`acs:ram::${C}:root`])))).toStrictEqual(
      externalRow(C, Decision.EXPLICIT_DENY, []),
    );
    expect(
      external(doc(allow([`acs:ram::${C}:root`, `acs:ram::${C}:user/b`]), deny([`acs:ram::${C}:user/b`]))),
    ).toStrictEqual(externalRow(C, Decision.ALLOW, ['']));
  });
});

describe('which principals a class row stands for', () => {
  const D = '4000000000000004';
  const externalId = { Condition: { StringEquals: { 'sts:ExternalId': 'e' } } };
  const ip = { Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } };

  test("an account outside the output named by one user only: its row is that user's, not another account's", () => {
    const external = (trust: object) =>
      rowsOf(graphOf(trust, userU(doc(assume())))).filter((r) => r.kind === 'external-account');
    const named = [allow([`acs:ram::${C}:user/dev`], externalId), allow([`acs:ram::${D}:user/ops`], ip)];
    expect(external(doc(...named))).toStrictEqual([
      externalRow(C, Decision.ALLOW, ['the agreed external ID is passed']),
      externalRow(D, Decision.ALLOW, ['source IP in 10.0.0.0/8']),
    ]);
    // C's one named user denied: nobody of C gets in, whoever D's trust statement lets in.
    expect(external(doc(...named, deny([`acs:ram::${C}:user/dev`])))).toStrictEqual([
      externalRow(C, Decision.EXPLICIT_DENY, []),
      externalRow(D, Decision.ALLOW, ['source IP in 10.0.0.0/8']),
    ]);
  });
});

describe('a Deny of the trust policy under a condition', () => {
  test('a Deny outside an IP range leaves the user in (from inside the range): the Deny is evaluated with each context', () => {
    const graph = graphOf(
      doc(allow([`acs:ram::${B}:user/u`]), {
        ...deny([`acs:ram::${B}:user/u`]),
        Condition: { NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } },
      }),
      userU(doc(assume())),
    );
    expect(rowsOf(graph)[0]).toMatchObject({
      principal: `acs:ram::${B}:user/u`,
      decision: Decision.ALLOW,
      reason: BOTH,
    });
  });
  test("the same Deny in the caller's own policy: still in, from inside the range", () => {
    const graph = graphOf(
      doc(allow([`acs:ram::${B}:user/u`])),
      userU(
        doc(assume(), {
          Action: 'sts:AssumeRole',
          Effect: 'Deny',
          Resource: '*',
          Condition: { NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } },
        }),
      ),
    );
    expect(rowsOf(graph)[0]).toMatchObject({
      principal: `acs:ram::${B}:user/u`,
      decision: Decision.ALLOW,
      reason: BOTH,
    });
  });
});

describe('many callers', () => {
  test('twenty users written in reverse order and a role: their rows in ARN order, the role first', () => {
    const names = Array.from({ length: 20 }, (_, i) => `u${String(19 - i).padStart(2, '0')}`);
    const graph = graphOf(doc(allow([`acs:ram::${B}:root`])), {
      alicloud_ram_user: Object.fromEntries(names.map((n) => [n, { name: n }])),
      alicloud_ram_role: { r: { role_name: 'r', assume_role_policy_document: doc(allow([`acs:ram::${B}:root`])) } },
    });
    expect(
      rowsOf(graph)
        .filter((r) => r.kind === 'user' || r.kind === 'role')
        .map((r) => r.principal),
    ).toEqual([`acs:ram::${B}:role/r`, ...names.map((n) => `acs:ram::${B}:user/${n}`).reverse()]);
  });
});
