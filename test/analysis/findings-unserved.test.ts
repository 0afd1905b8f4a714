import { AccessGraph, AccessReport } from '../../lib/analysis';
import { accountJson, handWrittenOut, Json, policyText, roleResources, trustStatement } from '../support/hand-written';
import { OWNER, PARTNER } from '../support/ids';

// XA-TRUST-UNSERVED speaks of principals that can actually get in: a partner role counts like a user, and a
// user the evaluator lets in only with MFA it can never present (no console login) does not serve the trust.

const ROLE_ARN = `acs:ram::${OWNER}:role/r`;
const MFA = { Bool: { 'acs:MFAPresent': 'true' } };
const grant = policyText({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE_ARN });

function unserved(partnerResources: Json, trustCondition?: Json): string[] {
  const owner = accountJson(OWNER, roleResources('r', [trustStatement([`acs:ram::${PARTNER}:root`], trustCondition)]));
  const partner = accountJson(PARTNER, partnerResources);
  const graph = AccessGraph.fromSynthOutput(handWrittenOut({ owner, partner }));
  return AccessReport.fromGraph(graph)
    .findings.filter((f) => f.id === 'XA-TRUST-UNSERVED')
    .map((f) => f.content);
}

const userWithGrant = (extra: Json = {}): Json => ({
  alicloud_ram_user: { u: { name: 'u' } },
  alicloud_ram_policy: { g: { policy_name: 'g', policy_document: grant } },
  alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
  ...extra,
});

describe('XA-TRUST-UNSERVED', () => {
  test('a partner with no grant at all: reported', () => {
    expect(unserved({ alicloud_ram_user: { u: { name: 'u' } } })).toEqual([`account ${PARTNER}`]);
  });

  test('a partner user with a grant: served', () => {
    expect(unserved(userWithGrant())).toEqual([]);
  });

  test('a partner role (a CI role assumed by ECS) with a grant: served, like a user', () => {
    const ci = roleResources(
      'ci',
      [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } }],
      [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE_ARN }],
    );
    expect(unserved(ci)).toEqual([]);
  });

  test('a partner user let in only with MFA and without a console login: not served', () => {
    expect(unserved(userWithGrant(), MFA)).toEqual([`account ${PARTNER}`]);
  });

  test('the same user with a console login: served', () => {
    expect(unserved(userWithGrant({ alicloud_ram_login_profile: { l: { user_name: 'u' } } }), MFA)).toEqual([]);
  });
});
