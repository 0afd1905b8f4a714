import * as fs from 'fs';
import * as path from 'path';
import { AccessDiff, AccessGraph, AccessReport } from '../../lib/analysis';
import { OWNER, PARTNER } from '../support/ids';
import { fixtureOut } from './support/fixtures';

// The flagship app, and the same app with PARTNER_ACCESS=revoked, read from their committed synthesized
// outputs (support/fixture-apps.ts says how each is made; fixtures-current.test.ts keeps them current).
// Built in beforeEach, for each test: Stryker counts code run at load or in beforeAll as covered by no test
// (it would run none of these tests for its mutants), and Jest loads every test file for each mutant.
let graph: AccessGraph;
let markdown: string;
beforeEach(() => {
  graph = AccessGraph.fromSynthOutput(fixtureOut('flagship'));
  markdown = AccessReport.fromGraph(graph).toMarkdown();
});

describe('access report of the flagship app', () => {
  test("says B's granted user can assume the role, and B's root and unrelated accounts cannot", () => {
    expect(markdown).toContain(
      `| acs:ram::${PARTNER}:user/b1 | **yes** | always | both the trust policy and the caller's own policies allow it |`,
    );
    expect(markdown).toContain(`| acs:ram::${PARTNER}:root | no |`);
    expect(markdown).toContain(`| any other RAM user or role of ${PARTNER} | no |`);
    expect(markdown).toContain(
      '| any RAM user or role of another account (even one holding AliyunSTSAssumeRoleAccess) | no |',
    );
  });

  test('says in plain words that the role writes to the logstore and consumes with its consumer group', () => {
    expect(markdown).toMatch(
      /\| logstore app-events in project shared-app-logs [^|]*\| [^|]*log:PostLogStoreLogs \(write logs\)/,
    );
    expect(markdown).toMatch(
      /\| consumer group partner-b-consumer of logstore app-events [^|]*\| [^|]*log:ConsumerGroupHeartBeat/,
    );
  });

  test('lists the acknowledged finding with its reason', () => {
    expect(markdown).toContain('**1 role(s), 0 open finding(s), 1 acknowledged.**');
    expect(markdown).toMatch(
      /\| medium \| `XA-TRUST-NO-CONDITION`<br>`[0-9a-f]{12}` \| [^|]+ \| [^|]+ \| account \d+ decides which of its users may assume the role/,
    );
  });

  test('ends with a Mermaid diagram of accounts, users, groups, roles and resources', () => {
    const diagram = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
    expect(diagram).toMatchSnapshot();
    expect(diagram).toContain('-->|can assume|');
  });

  test('the JSON form carries the same facts', () => {
    const json = AccessReport.fromGraph(graph).toJson() as {
      roles: { assumers: { principal: string; decision: string }[] }[];
    };
    expect(json.roles[0].assumers[0]).toMatchObject({ principal: `acs:ram::${PARTNER}:user/b1`, decision: 'Allow' });
  });

  test('is the same text every time', () => {
    expect(AccessReport.fromGraph(AccessGraph.fromSynthOutput(fixtureOut('flagship'))).toMarkdown()).toBe(markdown);
  });
});

describe('access diff', () => {
  test('revoking B reports exactly the loss of access, as narrowed', () => {
    const revoked = AccessGraph.fromSynthOutput(fixtureOut('flagship-revoked'));
    const diff = AccessDiff.between(graph, revoked);
    expect(diff.verdict).toBe('access narrowed');
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([`acs:ram::${PARTNER}:user/b1 can assume acs:ram::${OWNER}:role/partner-log-writer`]);
    expect(diff.toMarkdown()).toMatch(/^## Cross-account access: access narrowed\n/);
  });

  test('granting B back reports the same fact as added, and says plainly that access broadened', () => {
    const revoked = AccessGraph.fromSynthOutput(fixtureOut('flagship-revoked'));
    const diff = AccessDiff.between(revoked, graph);
    expect(diff.verdict).toBe('access broadened');
    expect(diff.toMarkdown()).toContain('> **This change broadens access.**');
    expect(diff.toMarkdown()).toContain(`+ acs:ram::${PARTNER}:user/b1 can assume`);
  });

  test('the same app twice has no change', () => {
    expect(AccessDiff.between(graph, graph).verdict).toBe('no change in access');
  });

  test('a widened permission is a broadening', () => {
    const dir = fixtureOut('flagship');
    const file = path.join(dir, 'stacks', 'owner', 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const policy = Object.values(json.resource.alicloud_ram_policy)[0] as { policy_document: string };
    policy.policy_document = policy.policy_document.replace('log:PostLogStoreLogs', 'log:*');
    fs.writeFileSync(file, JSON.stringify(json));
    const diff = AccessDiff.between(graph, AccessGraph.fromSynthOutput(dir));
    expect(diff.verdict).toBe('access broadened and narrowed');
    expect(diff.added.some((a) => a.includes('may log:* (every log action)'))).toBe(true);
  });
});
