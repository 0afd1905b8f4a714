import { AccessGraph, AccessReport, Finding, FindingId } from '../../lib/analysis';
import { accountJson, handWrittenOut, Json, roleResources, trustStatement } from '../support/hand-written';
import { OTHER, OWNER, PARTNER } from '../support/ids';

// Acknowledgements as the output carries them (`//.cdktf-xaccount.acknowledgements` of a stack), written
// by hand: bound to content or fingerprint they acknowledge, and reopened when what they name changed.
// findings-acknowledgements.test.ts shows the same through Findings.acknowledge.
const REASON = 'partner B vets its own users';

/** The trust finding of owner role r trusting `accounts` with no condition, with these acknowledgements. */
function trustFinding(accounts: string[], acknowledgements: Json[] = []): Finding {
  const owner: Json = {
    ...accountJson(OWNER, roleResources('r', [trustStatement(accounts.map((a) => `acs:ram::${a}:root`))])),
    '//': { 'cdktf-xaccount': { acknowledgements } },
  };
  const findings = AccessReport.fromGraph(AccessGraph.fromSynthOutput(handWrittenOut({ owner }))).findings;
  return findings.find((f) => f.id === FindingId.TRUST_NO_CONDITION)!;
}
const ack = (binding: Json, more: Json = {}): Json => ({
  findingId: FindingId.TRUST_NO_CONDITION,
  path: 'owner',
  reason: REASON,
  ...binding,
  ...more,
});

describe('hand-written acknowledgements', () => {
  let original: Finding;
  beforeEach(() => {
    original = trustFinding([PARTNER]); // in a hook: see report-and-diff.test.ts
  });

  test('one naming the content, or the fingerprint, acknowledges the finding of its path or below', () => {
    for (const binding of [{ content: original.content }, { fingerprint: original.fingerprint }]) {
      expect(trustFinding([PARTNER], [ack(binding)])).toEqual({ ...original, acknowledgedReason: REASON });
      expect(trustFinding([PARTNER], [ack(binding, { path: 'owner/r' })]).acknowledgedReason).toBe(REASON);
    }
  });

  test('one of another finding, stack or path acknowledges nothing and reopens nothing', () => {
    const content = { content: original.content };
    for (const other of [
      ack(content, { findingId: FindingId.WILDCARD_ACTION }),
      ack(content, { path: 'partner' }),
      ack(content, { path: 'owner/rr' }),
      ack(content, { path: 'own' }),
    ]) {
      expect(trustFinding([PARTNER], [other])).toEqual(original);
    }
  });

  test('another account added reopens it: the message says what was acknowledged and what it is now', () => {
    for (const binding of [{ content: original.content }, { fingerprint: original.fingerprint }]) {
      const widened = trustFinding([PARTNER, OTHER], [ack(binding)]);
      const acknowledged = binding.content ? `"${original.content}"` : `fingerprint ${original.fingerprint}`;
      const reopened =
        `the acknowledged content changed: acknowledged ${acknowledged}, it now is "${widened.content}" ` +
        `(fingerprint ${widened.fingerprint}); review it and update the acknowledgement`;
      expect(widened.acknowledgedReason).toBeUndefined();
      expect(widened.content).toBe(`acs:ram::${PARTNER}:root, acs:ram::${OTHER}:root`);
      expect(widened.reopened).toBe(reopened);
      expect(widened.message).toBe(
        `${original.message.replace(`account ${PARTNER}`, `account ${PARTNER}, ${OTHER}`)} (acknowledgement reopened: ${reopened})`,
      );
    }
  });

  test('one that names nothing says what to bind it to; a matching one beside it still acknowledges', () => {
    const unbound = trustFinding([PARTNER], [ack({})]);
    expect(unbound.acknowledgedReason).toBeUndefined();
    expect(unbound.reopened).toBe(
      `acknowledged without naming what ("${REASON}"); bind it with { content: "${original.content}" } ` +
        `or { fingerprint: "${original.fingerprint}" }`,
    );
    expect(trustFinding([PARTNER], [ack({}), ack({ fingerprint: original.fingerprint })]).acknowledgedReason).toBe(
      REASON,
    );
  });
});

test('a reason over several lines stays one list item of the role section (and one table cell)', () => {
  const owner: Json = {
    ...accountJson(OWNER, roleResources('r', [trustStatement([`acs:ram::${PARTNER}:root`])])),
    '//': { 'cdktf-xaccount': { acknowledgements: [] } },
  };
  const open = AccessReport.fromGraph(AccessGraph.fromSynthOutput(handWrittenOut({ owner }))).findings[0];
  const reason = 'approved by security\n\n  ticket SEC-123\r\nuntil June';
  (owner['//'] as Json)['cdktf-xaccount'] = {
    acknowledgements: [{ findingId: open.id, path: 'owner', reason, content: open.content }],
  };
  const markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(handWrittenOut({ owner }))).toMarkdown();
  const item = markdown.split('\n').filter((l) => l.startsWith(`- **${open.severity}** \`${open.id}\``));
  expect(item).toEqual([
    `- **${open.severity}** \`${open.id}\`: ${open.message} (acknowledged: approved by security ticket SEC-123 until June)`,
  ]);
  expect(markdown).toContain('| approved by security ticket SEC-123 until June |');
});
