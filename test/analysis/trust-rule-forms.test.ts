import { AccessGraph, AccessReport, FindingId } from '../../lib/analysis';
import { accountJson, handWrittenOut, Json, policyText, trustStatement } from '../support/hand-written';
import { OTHER, OWNER, PARTNER } from '../support/ids';
import { trustNoConditionFindings } from '../../lib/analysis/private/trust-rules';

// XA-TRUST-NO-CONDITION and the revoked form, on hand-written trust policies: each statement is judged
// alone (with the trust policy's Denies), and a role that trusts only itself is revoked, not unserved.

/** The findings of one role `r` of the owner with this trust policy, in an output that also holds the partner. */
function findings(...statements: Json[]): { id: string; content: string; message: string }[] {
  const dir = handWrittenOut({
    owner: accountJson(OWNER, {
      alicloud_ram_role: { r: { role_name: 'r', assume_role_policy_document: policyText(...statements) } },
    }),
    partner: accountJson(PARTNER, { alicloud_ram_user: { u: { name: 'bob' } } }),
  });
  return AccessReport.fromGraph(AccessGraph.fromSynthOutput(dir)).findings.map((f) => ({
    id: f.id,
    content: f.content,
    message: f.message,
  }));
}
const ids = (list: { id: string }[]) => list.map((f) => f.id);
const noCondition = (list: { id: string; content: string }[]) =>
  list.filter((f) => f.id === FindingId.TRUST_NO_CONDITION).map((f) => f.content);
const denyFor = (principal: string): Json => ({
  Effect: 'Deny',
  Action: 'sts:AssumeRole',
  Principal: { RAM: [principal] },
});

describe('XA-TRUST-NO-CONDITION, statement by statement', () => {
  test('a condition on how, not who (acs:SecureTransport) does not silence it, and the message says so', () => {
    const found = findings(trustStatement([`acs:ram::${PARTNER}:root`], { Bool: { 'acs:SecureTransport': 'true' } }));
    const finding = found.find((f) => f.id === FindingId.TRUST_NO_CONDITION)!;
    expect(finding.message).toMatch(
      new RegExp(
        `^role r trusts every RAM user and role of account ${PARTNER} with no condition on who may assume it ` +
          '\\(only .+SecureTransport.+, which any of them can meet\\); add requireMfa, allowedSourceIps or externalId, or trust named users$',
      ),
    );
    expect(finding.content).toMatch(new RegExp(`^acs:ram::${PARTNER}:root when .+SecureTransport`));
  });

  test('a Deny of the trust policy that refuses the account is applied: no finding', () => {
    expect(
      noCondition(findings(trustStatement([`acs:ram::${PARTNER}:root`]), denyFor(`acs:ram::${PARTNER}:root`))),
    ).toEqual([]);
    // A Deny of another account leaves the finding.
    expect(
      noCondition(findings(trustStatement([`acs:ram::${PARTNER}:root`]), denyFor(`acs:ram::${OTHER}:root`))),
    ).toEqual([`acs:ram::${PARTNER}:root`]);
  });

  test('each Allow statement is judged alone: a restricted statement is not opened by an open one beside it', () => {
    const restricted = trustStatement([`acs:ram::${PARTNER}:root`], {
      IpAddress: { 'acs:SourceIp': '198.51.100.0/24' },
    });
    expect(noCondition(findings(restricted, trustStatement([`acs:ram::${PARTNER}:root`])))).toEqual([
      `acs:ram::${PARTNER}:root`,
    ]);
    expect(noCondition(findings(restricted))).toEqual([]);
  });

  test('named users are not an account: no finding', () => {
    expect(noCondition(findings(trustStatement([`acs:ram::${PARTNER}:user/bob`])))).toEqual([]);
  });
});

describe('XA-TRUST-NO-CONDITION looks for a way in past the Denies, as any caller of the account could send it', () => {
  const root = `acs:ram::${PARTNER}:root`;
  const denyWhen = (condition: Json): Json => ({ ...denyFor(root), Condition: condition });

  test('allowed until 2030, denied after 2025: every user of the account gets in before 2025', () => {
    const found = noCondition(
      findings(
        trustStatement([root], { DateLessThan: { 'acs:CurrentTime': '2030-01-01T00:00:00Z' } }),
        denyWhen({ DateGreaterThan: { 'acs:CurrentTime': '2025-01-01T00:00:00Z' } }),
      ),
    );
    expect(found).toEqual([expect.stringMatching(new RegExp(`^${root} when .*2030`))]);
  });

  test('a Deny of requests not over HTTPS leaves those over HTTPS: a condition on how, not who', () => {
    expect(
      noCondition(findings(trustStatement([root]), denyWhen({ StringNotEquals: { 'acs:SecureTransport': 'true' } }))),
    ).toEqual([root]);
  });

  test("the probe address is one that neither the Allow's nor a Deny's blocks name", () => {
    const allow = trustStatement([root], { NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } });
    // 198.51.100.77 was the probe: inside this Deny's block, so the open statement looked closed.
    expect(noCondition(findings(allow, denyWhen({ IpAddress: { 'acs:SourceIp': '198.51.100.0/24' } })))).toHaveLength(
      1,
    );
    // A block of every address names no one: the probe stays outside the Allow's block.
    const everywhere = denyWhen({
      NumericGreaterThanEquals: { 'acs:Level': '1' },
      IpAddress: { 'acs:SourceIp': '0.0.0.0/0' },
    });
    expect(
      noCondition(
        findings(trustStatement([root], { NotIpAddress: { 'acs:SourceIp': '198.51.100.0/24' } }), everywhere),
      ),
    ).toHaveLength(1);
    // A Deny of every IPv4 address leaves the callers over IPv6.
    expect(
      noCondition(findings(trustStatement([root]), denyWhen({ IpAddress: { 'acs:SourceIp': '0.0.0.0/0' } }))),
    ).toEqual([root]);
    expect(
      noCondition(findings(trustStatement([root]), denyWhen({ IpAddress: { 'acs:SourceIp': ['0.0.0.0/0', '::/0'] } }))),
    ).toEqual([]);
    // A Deny of every address outside one block does restrict who (the callers inside it): no finding.
    expect(
      noCondition(findings(trustStatement([root]), denyWhen({ NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }))),
    ).toEqual([]);
  });

  test('a condition met only by callers that send no external ID restricts nobody', () => {
    expect(noCondition(findings(trustStatement([root], { StringNotLike: { 'sts:ExternalId': '*' } })))).toHaveLength(1);
    // The agreed external ID, which an arbitrary caller does not know, still restricts who.
    expect(noCondition(findings(trustStatement([root], { StringEquals: { 'sts:ExternalId': 'agreed-7' } })))).toEqual(
      [],
    );
  });

  test('thirteen Denies, none of which closes the door: the rule reports (past the 4,096 ways the rows try)', () => {
    // 13 Denies of one condition each: 2^13 ways past them; a request without acs:Level passes all of them.
    // The report stops at such a role with an input error (the assumer rows say neither yes nor no); the rule
    // itself, asked alone, reports.
    const denies = Array.from({ length: 13 }, (_, i) => denyWhen({ NumericEquals: { 'acs:Level': String(100 + i) } }));
    const graph = AccessGraph.fromSynthOutput(
      handWrittenOut({
        owner: accountJson(OWNER, {
          alicloud_ram_role: {
            r: { role_name: 'r', assume_role_policy_document: policyText(trustStatement([root]), ...denies) },
          },
        }),
      }),
    );
    expect(trustNoConditionFindings(graph, graph.roles[0]).map((f) => f.content)).toEqual([root]);
  });

  test('a condition met only by callers that send no MFA value at all restricts nobody either', () => {
    const noMfaKey = trustStatement([root], { StringNotLike: { 'acs:MFAPresent': '*' } });
    expect(noCondition(findings(noMfaKey))).toHaveLength(1);
    expect(noCondition(findings(trustStatement([root], { Bool: { 'acs:MFAPresent': 'true' } })))).toEqual([]);
  });
});

describe('the revoked form: a role that trusts only itself', () => {
  const self = `acs:ram::${OWNER}:role/r`;

  test('is not unserved (nobody is meant to assume it)', () => {
    expect(ids(findings(trustStatement([self])))).not.toContain(FindingId.TRUST_UNSERVED);
  });

  test('a Deny beside it does not make it unrevoked', () => {
    expect(ids(findings(trustStatement([self]), denyFor(`acs:ram::${PARTNER}:root`)))).not.toContain(
      FindingId.TRUST_UNSERVED,
    );
  });

  test('itself and its account root: not revoked, so the account of the output that nobody serves is unserved', () => {
    expect(
      findings(trustStatement([self, `acs:ram::${OWNER}:root`])).filter((f) => f.id === FindingId.TRUST_UNSERVED),
    ).toEqual([expect.objectContaining({ content: `account ${OWNER}` })]);
  });

  test('itself in one statement and the account root in another: not revoked either', () => {
    expect(
      ids(findings(trustStatement([self]), trustStatement([`acs:ram::${OWNER}:root`]))).filter(
        (id) => id === FindingId.TRUST_UNSERVED,
      ),
    ).toEqual([FindingId.TRUST_UNSERVED]);
  });
});
