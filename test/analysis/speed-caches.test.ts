import * as crypto from 'crypto';
import { createHash } from 'crypto';
import * as fc from 'fast-check';
import { AccessGraph, Decision, PolicyDocument, PolicyEvaluator } from '../../lib';
import { globMatches } from '../../lib/analysis/private/glob';
import { allowedCounts, permissionSummaries } from '../../lib/analysis/private/permissions';
import { fingerprintOf } from '../../lib/analysis/private/finding-rules';
import { GraphRole } from '../../lib/analysis/graph-model';
import { mayMatch } from '../../lib/analysis/private/probes';
import { accountJson, handWrittenOut, policyText, roleResources, trustStatement } from '../support/hand-written';
import { randomOutput, stacksOf } from './support/random-output';
import { writeOut } from './support/hand-written';

// What the report at N = 5,000 reuses instead of recomputing (docs/benchmarks.md, third pass), each shown
// unable to give a stale or a wrong answer: reuse is keyed on the exact value, never on a look-alike.

const SEED = Number(process.env.SPEED_CACHES_SEED ?? 20261201);
const OWNER = '1000000000000001';
const A = '2000000000000001';
const B = '2000000000000002'; // A with one digit changed

describe('reuse inside one report cannot mix up values that differ in one character', () => {
  test('one reference text in two stacks resolves to each stack its own resource', () => {
    // Both stacks write `${alicloud_ram_role.r.role_name}`; each attachment must land on its own stack's role.
    const stack = (account: string, roleName: string, policyName: string) =>
      accountJson(account, {
        alicloud_ram_role: {
          r: {
            role_name: roleName,
            assume_role_policy_document: policyText(trustStatement([`acs:ram::${OWNER}:root`])),
          },
        },
        alicloud_ram_policy: {
          p: {
            policy_name: policyName,
            policy_document: policyText({ Effect: 'Allow', Action: 'log:GetLogStore', Resource: '*' }),
          },
        },
        alicloud_ram_role_policy_attachment: {
          x: { role_name: '${alicloud_ram_role.r.role_name}', policy_name: policyName, policy_type: 'Custom' },
        },
      });
    const graph = AccessGraph.fromSynthOutput(
      handWrittenOut({ a: stack(A, 'reader-a', 'policy-a'), b: stack(B, 'reader-b', 'policy-b') }),
    );
    expect(graph.role(`acs:ram::${A}:role/reader-a`)!.policies.map((p) => p.policyName)).toEqual(['policy-a']);
    expect(graph.role(`acs:ram::${B}:role/reader-b`)!.policies.map((p) => p.policyName)).toEqual(['policy-b']);
  });

  test('a reference resolved once from the top still meets the depth limit inside a longer chain', () => {
    // r0 -> r1 -> ... -> r22 (a literal name): `a` resolves the last 13 links first, `b` needs all 23.
    const roles: { [name: string]: object } = {};
    const trust = policyText(trustStatement([`acs:ram::${OWNER}:root`]));
    for (let i = 0; i < 22; i++) {
      roles[`r${i}`] = { role_name: `\${alicloud_ram_role.r${i + 1}.role_name}`, assume_role_policy_document: trust };
    }
    roles.r22 = { role_name: 'end', assume_role_policy_document: trust };
    const short = { a: { role_name: '${alicloud_ram_role.r10.role_name}', assume_role_policy_document: trust } };
    const long = { b: { role_name: '${alicloud_ram_role.r0.role_name}', assume_role_policy_document: trust } };
    const out = (extra: object) =>
      handWrittenOut({ s: accountJson(OWNER, { alicloud_ram_role: { ...extra, ...roles } }) });
    expect(() => AccessGraph.fromSynthOutput(out({ ...short, ...long }))).toThrow(
      /reference loop at "\$\{alicloud_ram_role\.r\d+\.role_name\}" in alicloud_ram_role\.r\d+\.role_name/,
    );
    expect(() => AccessGraph.fromSynthOutput(out(long))).toThrow(/reference loop/);
  });

  test('roles trusting accounts one digit apart: each row is about its own account, and the evaluator agrees', () => {
    const grant = policyText({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: [`acs:ram::${OWNER}:role/ra`, `acs:ram::${OWNER}:role/rb`],
    });
    const graph = AccessGraph.fromSynthOutput(
      handWrittenOut({
        owner: accountJson(OWNER, {
          alicloud_ram_role: {
            ...(roleResources('ra', [trustStatement([`acs:ram::${A}:root`])]).alicloud_ram_role as object),
            ...(roleResources('rb', [trustStatement([`acs:ram::${B}:root`])]).alicloud_ram_role as object),
          },
        }),
        partner: accountJson(A, {
          alicloud_ram_user: { u: { name: 'u' } },
          alicloud_ram_policy: { g: { policy_name: 'g', policy_document: grant } },
          alicloud_ram_user_policy_attachment: { g: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
        }),
      }),
    );
    const user = graph.user(`acs:ram::${A}:user/u`)!;
    const rows = (name: string) => graph.assumersOf(graph.role(`acs:ram::${OWNER}:role/${name}`)!);
    const of = (name: string, principal: string) => rows(name).find((r) => r.principal === principal)!;
    expect(of('ra', user.arn).decision).toBe(Decision.ALLOW);
    expect(of('rb', user.arn).decision).toBe(Decision.IMPLICIT_DENY);
    expect(of('ra', `acs:ram::${A}:root`).principal).toBe(`acs:ram::${A}:root`);
    expect(of('rb', `acs:ram::${B}:root`).principal).toBe(`acs:ram::${B}:root`);
    expect(rows('ra').map((r) => r.kind)).toContain('ungranted-user'); // A is in the output
    expect(of('rb', `RAM users and roles of ${B} that it grants sts:AssumeRole on this role`).decision).toBe(
      Decision.ALLOW,
    ); // B is not: its own grants are unknown
    // Apart from u, whose own grant names rb, no row of rb is about A.
    expect(rows('rb').some((r) => r.principal !== user.arn && r.principal.includes(A))).toBe(false);
    for (const name of ['ra', 'rb']) {
      const role = graph.role(`acs:ram::${OWNER}:role/${name}`)!;
      expect(of(name, user.arn).decision).toBe(
        PolicyEvaluator.evaluateAssumeRole(graph.identityPoliciesOf(user), role.trustPolicy, user.arn, role.arn),
      );
    }
  });

  test('actions compared without case: the lower-cased cache gives each text its own value', () => {
    const pairs: [string, string, boolean, boolean][] = [
      ['log:GetLogStore', 'LOG:getlogstore', false, true],
      ['log:GetLogStore', 'log:GetLogStorf', false, false],
      ['log:GetLogStore', 'log:GetLogStore', true, true],
      ['log:GetLogStore', 'log:getLogStore', true, false],
      ['sts:AssumeRole', 'sts:assumerole', false, true],
      ['sts:AssumeRole', 'sts:assumerolf', false, false],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [pattern, value, caseSensitive, expected] of pairs) {
        expect(globMatches(pattern, value, caseSensitive)).toBe(expected);
      }
    }
  });
});

describe('the shortcuts are necessary conditions of the evaluator, never a different verdict', () => {
  const action = fc.constantFrom(
    'sts:AssumeRole',
    'STS:assumerole',
    'sts:*',
    '*',
    'log:Get*',
    'log:GetLogStore',
    'l?g:*',
  );
  const resource = fc.constantFrom(
    '*',
    `acs:ram::${OWNER}:role/r`,
    `acs:ram:*:${OWNER}:role/*`,
    'acs:log:*:*:project/*',
    `acs:log:cn-hangzhou:${OWNER}:project/p/logstore/l/consumergroup/*`,
    'acs:LOG:*:*:*',
  );
  const request = fc.record({
    action: fc.constantFrom('sts:AssumeRole', 'log:GetLogStore', 'log:XaProbe7f3aAction', 'ecs:DescribeInstances'),
    resource: fc.constantFrom(
      `acs:ram::${OWNER}:role/r`,
      `acs:ram::${OWNER}:role/xaprobe-7f3a`,
      'acs:log:cn-hangzhou:1000000000000001:project/xaprobe-7f3a',
      'acs:log:*:*:project/*',
      'acs:log:cn-hangzhou:1000000000000001:project/p/logstore/l/consumergroup/c',
    ),
  });
  const statement = fc.record({
    negated: fc.boolean(),
    actions: fc.uniqueArray(action, { minLength: 1, maxLength: 2 }),
    resources: fc.uniqueArray(resource, { minLength: 1, maxLength: 2 }),
    mfa: fc.boolean(),
  });

  test('mayMatch is false only for statements the evaluator never lets allow the request, in any context', () => {
    fc.assert(
      fc.property(statement, request, (s, r) => {
        const document = PolicyDocument.fromJson(
          policyText({
            Effect: 'Allow',
            [s.negated ? 'NotAction' : 'Action']: s.actions,
            Resource: s.resources,
            ...(s.mfa ? { Condition: { Bool: { 'acs:MFAPresent': 'true' } } } : {}),
          }),
        );
        const contexts: { [key: string]: string[] }[] = [{}, { 'acs:MFAPresent': ['true'] }];
        const allowed = contexts.some(
          (context) => PolicyEvaluator.evaluate([document], { ...r, context }) === Decision.ALLOW,
        );
        const may = mayMatch(document.statements[0], r.action, r.resource);
        if (!may) expect(allowed).toBe(false);
        if (!s.mfa) expect(may).toBe(allowed); // with no condition it is exactly the evaluator's match
      }),
      { numRuns: 3000, seed: SEED },
    );
  });

  test('the one-row-per-role table gets permissionsOf without the resource words, on random outputs', () => {
    fc.assert(
      fc.property(randomOutput, (accounts) => {
        const graph = AccessGraph.fromSynthOutput(writeOut(stacksOf(accounts)));
        for (const role of graph.roles) {
          expect(permissionSummaries(role, false)).toEqual(
            graph.permissionsOf(role).map((p) => ({ ...p, resourceWords: '' })),
          );
        }
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  test('the one-row-per-role table counts what permissionsOf allows, on random outputs', () => {
    fc.assert(
      fc.property(randomOutput, (accounts) => {
        const graph = AccessGraph.fromSynthOutput(writeOut(stacksOf(accounts)));
        for (const role of graph.roles) {
          expect(allowedCounts(role)).toEqual(
            graph
              .permissionsOf(role)
              .filter((p) => p.allowed.length > 0)
              .map((p) => ({ resource: p.resource, count: p.allowed.length })),
          );
        }
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  test('allowedCounts merges statements on one resource and conditions, indexes many, and leaves Denies out', () => {
    const statement = (effect: string, actions: string[], resource: string, mfa = false) => ({
      Effect: effect,
      Action: actions,
      Resource: resource,
      ...(mfa ? { Condition: { Bool: { 'acs:MFAPresent': 'true' } } } : {}),
    });
    // 40 resources (past the linear search), two statements adding to r0 (one action in common), one with MFA.
    const many = Array.from({ length: 40 }, (_, i) =>
      statement('Allow', ['log:GetLogStore'], `acs:log:*:*:project/r${i}`),
    );
    const document = PolicyDocument.fromJson(
      policyText(
        ...many,
        statement('Allow', ['log:GetLogStore', 'log:ListShards'], 'acs:log:*:*:project/r0'),
        statement('Allow', ['log:GetIndex'], 'acs:log:*:*:project/r0', true),
        statement('Deny', ['log:PostLogStoreLogs', 'log:ListProject'], 'acs:log:*:*:project/r1'),
        statement('Deny', ['log:PostLogStoreLogs'], 'acs:log:*:*:project/denied-only'),
      ),
    );
    const role = {
      policies: [{ policyName: 'p', policyType: 'Custom', document, origin: 'test' }],
    } as unknown as GraphRole;
    const counts = allowedCounts(role);
    expect(counts).toEqual(
      permissionSummaries(role, false)
        .filter((p) => p.allowed.length > 0)
        .map((p) => ({ resource: p.resource, count: p.allowed.length })),
    );
    const r0 = counts.filter((c) => c.resource === 'acs:log:*:*:project/r0');
    expect(r0.map((c) => c.count)).toEqual([2, 1]); // GetLogStore and ListShards; GetIndex with MFA apart
    expect(counts.find((c) => c.resource === 'acs:log:*:*:project/r1')!.count).toBe(1);
    expect(counts.some((c) => c.resource.endsWith('denied-only'))).toBe(false);
    expect(counts).toHaveLength(41);
  });

  test("a role's permission words follow a document that grew after it was summarized", () => {
    const document = PolicyDocument.fromJson(policyText({ Effect: 'Allow', Action: 'log:GetLogStore', Resource: '*' }));
    const role = {
      policies: [{ policyName: 'p', policyType: 'Custom', document, origin: 'test' }],
    } as unknown as GraphRole;
    expect(permissionSummaries(role, false)[0].allowed).toEqual(['log:GetLogStore (read logstore settings)']);
    document.addStatements(
      ...PolicyDocument.fromJson(policyText({ Effect: 'Allow', Action: 'log:ListShards', Resource: '*' })).statements,
    );
    expect(permissionSummaries(role, false)[0].allowed).toEqual([
      'log:GetLogStore (read logstore settings)',
      'log:ListShards (list shards)',
    ]);
    expect(allowedCounts(role)).toEqual([{ resource: '*', count: 2 }]);
  });

  test('a fingerprint is the first 12 hex digits of SHA-256, with crypto.hash and without it (Node before 20.12)', () => {
    const finding = { id: 'XA-TRUST-NO-CONDITION', subject: 'acs:ram::1:role/r', content: 'acs:ram::2:root' };
    const expected = createHash('sha256').update(`${finding.id}\n${finding.subject}\n${finding.content}`).digest('hex');
    expect(fingerprintOf(finding)).toBe(expected.slice(0, 12));
    jest.isolateModules(() => {
      jest.doMock('crypto', () => ({ ...jest.requireActual<typeof crypto>('crypto'), hash: undefined }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const again = require('../../lib/analysis/private/finding-rules') as { fingerprintOf: typeof fingerprintOf };
      expect(again.fingerprintOf(finding)).toBe(expected.slice(0, 12));
    });
    jest.dontMock('crypto');
  });

  test("a document's statements snapshot follows addStatements", () => {
    const first = PolicyDocument.fromJson(policyText({ Effect: 'Allow', Action: 'log:GetLogStore', Resource: '*' }));
    const second = PolicyDocument.fromJson(policyText({ Effect: 'Deny', Action: 'log:GetLogStore', Resource: '*' }));
    const document = new PolicyDocument(first.statements);
    const request = { action: 'log:GetLogStore', resource: 'acs:log:cn-hangzhou:1:project/p' };
    expect(PolicyEvaluator.evaluate([document], request)).toBe(Decision.ALLOW);
    document.addStatements(...second.statements);
    expect(document.statements).toHaveLength(2);
    expect(PolicyEvaluator.evaluate([document], request)).toBe(Decision.EXPLICIT_DENY);
  });
});
