import { AccessDiff, AccessGraph, AccessReport, AssumeResult, Decision } from '../../lib/analysis';
import { accountJson, handWrittenOut, Json, policyText, trustStatement } from '../support/hand-written';
import { OWNER, PARTNER } from '../support/ids';

// A policy the output attaches but does not define (a custom policy made by hand or by another tool, a
// system policy the table does not know): its content is unknown, and it may well be the grant that lets
// the holder in. The report must never answer "no" for such a holder (issue 10: never a wrong "no").

const BOB = `acs:ram::${PARTNER}:user/bob`;
const CI = `acs:ram::${PARTNER}:role/ci`;

/** The owner's role `ops`, trusting the partner's account. */
const owner = (): Json =>
  accountJson(OWNER, {
    alicloud_ram_role: {
      r: { role_name: 'ops', assume_role_policy_document: policyText(trustStatement([`acs:ram::${PARTNER}:root`])) },
    },
  });

/** The partner's stack: user bob (no console login needed: the trust has no MFA condition) and `resources`. */
function output(resources: Json): string {
  return handWrittenOut({
    owner: owner(),
    partner: accountJson(PARTNER, { alicloud_ram_user: { u: { name: 'bob' } }, ...resources }),
  });
}

function rowOf(dir: string, principal: string): AssumeResult {
  const graph = AccessGraph.fromSynthOutput(dir);
  return graph.assumersOf(graph.roles[0]).find((r) => r.principal === principal)!;
}

const userAttachment = (policyName: string, policyType = 'Custom'): Json => ({
  alicloud_ram_user_policy_attachment: { a: { user_name: 'bob', policy_name: policyName, policy_type: policyType } },
});

describe('policies whose content the output does not hold', () => {
  test('a custom policy attached to the user but defined elsewhere: allowed for some contents, never "no"', () => {
    const row = rowOf(output(userAttachment('made-by-hand')), BOB);
    expect(row).toMatchObject({
      decision: Decision.ALLOW,
      reachable: true,
      dependsOn: ['the content of custom policy made-by-hand'],
    });
    expect(row.reason).toBe(
      "both the trust policy and the caller's own policies allow it, for some values of the content of custom " +
        'policy made-by-hand, which this output does not know (as written, the evaluator says no)',
    );
  });

  test('a system policy the table does not know, and one attached through a group', () => {
    expect(rowOf(output(userAttachment('AliyunSomethingNew', 'System')), BOB)).toMatchObject({
      decision: Decision.ALLOW,
      dependsOn: ['the content of system policy AliyunSomethingNew'],
    });
    const viaGroup = output({
      alicloud_ram_group: { g: { group_name: 'devs' } },
      alicloud_ram_group_membership: { m: { group_name: 'devs', user_names: ['bob'] } },
      alicloud_ram_group_policy_attachment: {
        a: { group_name: 'devs', policy_name: 'elsewhere', policy_type: 'Custom' },
      },
    });
    expect(rowOf(viaGroup, BOB)).toMatchObject({
      decision: Decision.ALLOW,
      dependsOn: ['the content of custom policy elsewhere'],
    });
  });

  test('a role of the trusted account holding one: its sessions may get in (a role is a caller too)', () => {
    const dir = output({
      alicloud_ram_role: {
        ci: {
          role_name: 'ci',
          assume_role_policy_document: policyText({
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { Service: ['ecs.aliyuncs.com'] },
          }),
        },
      },
      alicloud_ram_role_policy_attachment: { a: { role_name: 'ci', policy_name: 'elsewhere', policy_type: 'Custom' } },
    });
    expect(rowOf(dir, CI)).toMatchObject({
      decision: Decision.ALLOW,
      dependsOn: ['the content of custom policy elsewhere'],
    });
  });

  test('a policy name that is a Terraform value, in an account with no custom policy: some value names one defined elsewhere', () => {
    expect(rowOf(output(userAttachment('${var.policy}')), BOB)).toMatchObject({
      decision: Decision.ALLOW,
      dependsOn: ['${var.policy}'],
    });
  });

  test('a known policy that grants nothing on the role stays a "no": only unknown content widens', () => {
    const dir = output({
      alicloud_ram_policy: {
        p: {
          policy_name: 'reader',
          policy_document: policyText({ Effect: 'Allow', Action: 'log:GetLogStore', Resource: '*' }),
        },
      },
      ...userAttachment('reader'),
    });
    const row = rowOf(dir, BOB);
    expect(row).toMatchObject({ decision: Decision.IMPLICIT_DENY });
    expect(row.dependsOn).toBeUndefined();
  });

  test('the report says it, and the gate counts an attachment of unknown content as new access', () => {
    const head = output(userAttachment('made-by-hand'));
    const markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(head)).toMarkdown();
    expect(markdown).toContain(
      `| ${BOB} | **yes, for some values of the content of custom policy made-by-hand, unknown in this output** |`,
    );
    const diff = AccessDiff.between(AccessGraph.fromSynthOutput(output({})), AccessGraph.fromSynthOutput(head));
    expect(diff.broadens).toBe(true);
    expect(diff.newAccess.join('\n')).toContain(BOB);
  });
});

describe('holders named by Terraform values, holding policies of unknown content', () => {
  test('a user named ${var.user} attached to a policy defined elsewhere: its row says yes, for some values and contents', () => {
    const dir = handWrittenOut({
      owner: owner(),
      partner: accountJson(PARTNER, {
        alicloud_ram_user_policy_attachment: {
          a: { user_name: '${var.user}', policy_name: 'elsewhere', policy_type: 'Custom' },
        },
      }),
    });
    const graph = AccessGraph.fromSynthOutput(dir);
    const row = graph.assumersOf(graph.roles[0]).find((r) => r.kind === 'unknown-name');
    expect(row).toMatchObject({
      principal: `acs:ram::${PARTNER}:user/\${var.user}`,
      decision: Decision.ALLOW,
      dependsOn: ['${var.user}', 'the content of custom policy elsewhere'],
    });
    expect(row!.reason).toMatch(/for some contents of the policies this output does not define$/);
  });

  test('a role attachment to a role named ${var.role}, of a policy defined elsewhere: any role of the account may hold it', () => {
    const ciRole = {
      role_name: 'ci',
      assume_role_policy_document: policyText({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: ['ecs.aliyuncs.com'] },
      }),
    };
    const attached = (policyName: string, policyType: string): string =>
      handWrittenOut({
        owner: owner(),
        partner: accountJson(PARTNER, {
          alicloud_ram_role: { ci: ciRole },
          alicloud_ram_role_policy_attachment: {
            a: { role_name: '${var.role}', policy_name: policyName, policy_type: policyType },
          },
        }),
      });
    expect(rowOf(attached('elsewhere', 'Custom'), CI)).toMatchObject({
      decision: Decision.ALLOW,
      dependsOn: ['${var.role}', 'the content of custom policy elsewhere'],
    });
    expect(rowOf(attached('AliyunSomethingNew', 'System'), CI)).toMatchObject({
      decision: Decision.ALLOW,
      dependsOn: ['${var.role}', 'the content of system policy AliyunSomethingNew'],
    });
    // A known system policy that grants nothing on the role stays a "no": only unknown content widens.
    const known = rowOf(attached('AliyunECSReadOnlyAccess', 'System'), CI);
    expect([known.decision, known.dependsOn]).toEqual([Decision.IMPLICIT_DENY, undefined]);
  });

  test('a role named ${var.r}, and an attachment of a policy defined elsewhere to a role name no role has: it may be that role', () => {
    const dir = handWrittenOut({
      owner: owner(),
      partner: accountJson(PARTNER, {
        alicloud_ram_role: {
          rr: {
            role_name: '${var.r}',
            assume_role_policy_document: policyText(trustStatement([`acs:ram::${PARTNER}:root`])),
          },
        },
        alicloud_ram_role_policy_attachment: {
          a: { role_name: 'ops', policy_name: 'elsewhere', policy_type: 'Custom' },
        },
      }),
    });
    expect(rowOf(dir, `acs:ram::${PARTNER}:role/rr`)).toMatchObject({
      decision: Decision.ALLOW,
      dependsOn: ['${var.r} (as ops)', 'the content of custom policy elsewhere'],
    });
  });

  test('a membership of a group named ${var.group}: a group holding a policy defined elsewhere may be it', () => {
    const dir = output({
      alicloud_ram_group: { g: { group_name: 'devs' } },
      alicloud_ram_group_policy_attachment: {
        a: { group_name: 'devs', policy_name: 'elsewhere', policy_type: 'Custom' },
      },
      alicloud_ram_group_membership: { m: { group_name: '${var.group}', user_names: ['bob'] } },
    });
    expect(rowOf(dir, BOB)).toMatchObject({
      decision: Decision.ALLOW,
      dependsOn: ['${var.group}', 'the content of custom policy elsewhere'],
    });
  });

  test('beside a policy the output defines, the group holding it stands for any content too', () => {
    const dir = output({
      alicloud_ram_group: { g: { group_name: 'devs' } },
      alicloud_ram_policy: {
        known: {
          policy_name: 'known',
          policy_document: policyText({ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' }),
        },
      },
      alicloud_ram_group_policy_attachment: {
        a: { group_name: 'devs', policy_name: 'known', policy_type: 'Custom' },
        b: { group_name: 'devs', policy_name: 'elsewhere', policy_type: 'Custom' },
      },
      alicloud_ram_group_membership: { m: { group_name: '${var.group}', user_names: ['bob'] } },
    });
    expect(rowOf(dir, BOB)).toMatchObject({
      decision: Decision.ALLOW,
      dependsOn: ['${var.group}', 'the content of custom policy elsewhere'],
    });
  });
});
