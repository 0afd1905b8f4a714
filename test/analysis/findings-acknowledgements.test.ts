import { AccessGraph, AccessReport, CrossAccountRole, Finding, FindingId, Findings } from '../../lib';
import { runCli } from '../../lib/cli/main';
import { accountJson, handWrittenOut, roleResources, trustStatement } from '../support/hand-written';
import { accountStack, synthOut } from '../support/out';
import { OTHER, OWNER, PARTNER } from '../support/synth';

// An acknowledgement is bound to what it acknowledged, and reopened when that changes (issue 10, class 6).

const REASON = 'partner B vets its own users';

/** The trust finding of an owner role trusting `accounts` with no condition, acknowledged with `options`. */
function trustFinding(accounts: string[], options?: { content?: string; fingerprint?: string }): Finding {
  const dir = synthOut((app) => {
    const role = new CrossAccountRole(accountStack(app, 'owner', OWNER), 'role', {
      roleName: 'r',
      ownerAccountId: OWNER,
      trustedAccountIds: accounts,
    });
    if (options) Findings.acknowledge(role, FindingId.TRUST_NO_CONDITION, REASON, options);
  });
  const findings = AccessReport.fromGraph(AccessGraph.fromSynthOutput(dir)).findings;
  return findings.find((f) => f.id === FindingId.TRUST_NO_CONDITION)!;
}

describe('acknowledgements bound to content', () => {
  const original = trustFinding([PARTNER]);

  test('the report names what a finding is about: its content and fingerprint', () => {
    expect(original.content).toBe(`acs:ram::${PARTNER}:root`);
    expect(original.fingerprint).toMatch(/^[0-9a-f]{12}$/);
  });

  test('report --json lists content and fingerprint per finding, the markdown the fingerprint under the id', () => {
    const dir = synthOut((app) => {
      new CrossAccountRole(accountStack(app, 'owner', OWNER), 'role', {
        roleName: 'r',
        ownerAccountId: OWNER,
        trustedAccountIds: [PARTNER],
      });
    });
    const report = AccessReport.fromGraph(AccessGraph.fromSynthOutput(dir));
    expect((report.toJson().findings as Finding[])[0]).toMatchObject({
      id: FindingId.TRUST_NO_CONDITION,
      content: original.content,
      fingerprint: original.fingerprint,
    });
    expect(report.toMarkdown()).toContain(`| \`${FindingId.TRUST_NO_CONDITION}\`<br>\`${original.fingerprint}\` |`);
  });

  test('an acknowledgement naming the content, or the fingerprint, acknowledges it', () => {
    expect(trustFinding([PARTNER], { content: original.content })).toMatchObject({ acknowledgedReason: REASON });
    expect(trustFinding([PARTNER], { fingerprint: original.fingerprint })).toMatchObject({
      acknowledgedReason: REASON,
    });
  });

  test('another account added to the same trust policy reopens it, saying the acknowledged content changed', () => {
    for (const binding of [{ content: original.content }, { fingerprint: original.fingerprint }]) {
      const widened = trustFinding([PARTNER, OTHER], binding);
      expect(widened.acknowledgedReason).toBeUndefined();
      expect(widened.content).toBe(`acs:ram::${PARTNER}:root, acs:ram::${OTHER}:root`);
      expect(widened.fingerprint).not.toBe(original.fingerprint);
      const acknowledged = binding.content ? `"${original.content}"` : `fingerprint ${original.fingerprint}`;
      expect(widened.reopened).toBe(
        `the acknowledged content changed: acknowledged ${acknowledged}, it now is "${widened.content}" ` +
          `(fingerprint ${widened.fingerprint}); review it and update the acknowledgement`,
      );
      expect(widened.message).toContain(`(acknowledgement reopened: ${widened.reopened})`);
    }
  });

  test('an acknowledgement that names nothing acknowledges nothing, and says what to bind it to', () => {
    const unbound = trustFinding([PARTNER], {});
    expect(unbound.acknowledgedReason).toBeUndefined();
    expect(unbound.reopened).toBe(
      `acknowledged without naming what ("${REASON}"); bind it with { content: "${original.content}" } ` +
        `or { fingerprint: "${original.fingerprint}" }`,
    );
  });

  test('`check` fails on a reopened finding and passes on a bound one', () => {
    const check = (options: { content?: string }): number => {
      const dir = synthOut((app) => {
        const role = new CrossAccountRole(accountStack(app, 'owner', OWNER), 'role', {
          roleName: 'r',
          ownerAccountId: OWNER,
          trustedAccountIds: [PARTNER, OTHER],
        });
        Findings.acknowledge(role, FindingId.TRUST_NO_CONDITION, REASON, options);
      });
      return runCli(['check', dir, '--fail-on', 'medium'], { out: () => undefined, err: () => undefined });
    };
    expect(check({ content: `acs:ram::${PARTNER}:root` })).toBe(1);
    expect(check({ content: `acs:ram::${PARTNER}:root, acs:ram::${OTHER}:root` })).toBe(0);
  });

  test('the fingerprint follows the content: same content, same fingerprint; any change, another', () => {
    expect(trustFinding([PARTNER]).fingerprint).toBe(original.fingerprint);
    expect(trustFinding([OTHER]).fingerprint).not.toBe(original.fingerprint);
  });

  test('Findings.acknowledge checks the binding', () => {
    const acknowledge = (options: { content?: string; fingerprint?: string }) => () =>
      synthOut((app) =>
        Findings.acknowledge(accountStack(app, 'owner', OWNER), FindingId.TRUST_NO_CONDITION, REASON, options),
      );
    expect(acknowledge({ fingerprint: 'e98f' })).toThrow(
      'owner: fingerprint "e98f" is not a finding fingerprint (12 hex digits, as the report prints it)',
    );
    expect(acknowledge({ content: ' ' })).toThrow(
      `owner: acknowledged content " " is empty (give the finding's content as the report prints it)`,
    );
  });

  test('a hand-written acknowledgement with a fingerprint that is not a string is an input error', () => {
    const owner = {
      ...accountJson(OWNER, roleResources('r', [trustStatement([`acs:ram::${PARTNER}:root`])])),
      '//': {
        'cdktf-xaccount': {
          acknowledgements: [{ findingId: 'XA-TRUST-NO-CONDITION', path: 'owner', reason: REASON, fingerprint: 7 }],
        },
      },
    };
    const dir = handWrittenOut({ owner });
    expect(() => AccessGraph.fromSynthOutput(dir)).toThrow(
      `${dir}/stacks/owner/cdk.tf.json: //.cdktf-xaccount.acknowledgements[0].fingerprint is 7, expected a string`,
    );
  });
});
