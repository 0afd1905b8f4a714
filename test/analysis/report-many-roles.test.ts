import { AccessGraph, AccessReport } from '../../lib/analysis';
import { doc, writeOut } from './support/hand-written';

// Above 40 roles the report is one row per role and the diagram shows accounts only
// (access-report.ts compactRoles, mermaid.ts accountSummary): what a reader of a large output sees.
const A = '1000000000000001';
const B = '2000000000000002';
const ROLES = 41;

function trust(i: number): object {
  return doc({
    Action: 'sts:AssumeRole',
    Effect: 'Allow',
    Principal: { RAM: [`acs:ram::${B}:root`] },
    ...(i === 2 ? { Condition: { StringEquals: { 'sts:ExternalId': 'x' } } } : {}),
  });
}

/** Owner A with 41 roles trusting B (r2 with an external ID, r1 with a policy); B's user u granted r1 and r2. */
function output(): string {
  const roles: { [name: string]: { [attribute: string]: unknown } } = {};
  for (let i = 1; i <= ROLES; i++) roles[`r${i}`] = { role_name: `r${i}`, assume_role_policy_document: trust(i) };
  const policy = doc({ Action: ['log:GetLogStore', 'log:PostLogStoreLogs'], Effect: 'Allow', Resource: '*' });
  const grant = doc({
    Action: 'sts:AssumeRole',
    Effect: 'Allow',
    Resource: [`acs:ram::${A}:role/r1`, `acs:ram::${A}:role/r2`],
  });
  return writeOut({
    owner: {
      account: A,
      resources: {
        alicloud_ram_role: roles,
        alicloud_ram_policy: { p: { policy_name: 'p', policy_document: policy } },
        alicloud_ram_role_policy_attachment: { a: { role_name: 'r1', policy_name: 'p', policy_type: 'Custom' } },
      },
    },
    b: {
      account: B,
      resources: {
        alicloud_ram_user: { u: { name: 'u' } },
        alicloud_ram_policy: { g: { policy_name: 'g', policy_document: grant } },
        alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
      },
    },
  });
}

// Built in beforeEach, for each test: Stryker counts code run at load or in beforeAll as covered by no test
// (it would run none of these tests for its mutants), and Jest loads every test file for each mutant.
let markdown: string;
let lines: string[];
beforeEach(() => {
  markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(output())).toMarkdown();
  lines = markdown.split('\n');
});
const role = (i: number) => `\`acs:ram::${A}:role/r${i}\``;

describe('the report of more than 40 roles', () => {
  test('says so, and has one row per role', () => {
    const start = lines.indexOf('## Roles');
    expect(lines.slice(start, start + 6)).toEqual([
      '## Roles',
      '',
      '41 roles: one row each (more than 40); `cdktf-xaccount report --json` writes every detail.',
      '',
      '| role | can assume it | what it can do | findings |',
      '| --- | --- | --- | --- |',
    ]);
    expect(lines.filter((l) => l.startsWith(`| \`acs:ram::${A}:role/`))).toHaveLength(ROLES);
    expect(lines).not.toContainEqual(expect.stringMatching(/^## Role `/));
  });

  test('a row names who can assume the role (and when), what it can do, and its findings', () => {
    expect(lines).toContain(
      `| ${role(1)} | acs:ram::${B}:user/u | 2 action(s) on \`*\` | ` +
        'medium `XA-TRUST-NO-CONDITION`<br>medium `XA-WILDCARD-RESOURCE` |',
    );
    expect(lines).toContain(`| ${role(2)} | acs:ram::${B}:user/u (when the agreed external ID is passed) | – | – |`);
    expect(lines).toContain(`| ${role(3)} | – | – | medium \`XA-TRUST-NO-CONDITION\`<br>low \`XA-TRUST-UNSERVED\` |`);
  });

  test('the diagram shows the accounts, with how many roles of one the users of the other can assume', () => {
    const diagram = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1];
    expect(diagram).toBe(
      [
        'flowchart LR',
        `  a1["account ${A}: 41 role(s), 0 user(s)"]`,
        `  a2["account ${B}: 0 role(s), 1 user(s)"]`,
        '  a2 -->|can assume 2 role(s)| a1',
      ].join('\n'),
    );
  });
});
