import { AccessDiff, AccessGraph, AccessReport, Decision, PolicyEvaluator } from '../../lib/analysis';
import { PolicyDocument } from '../../lib/policy';
import { allowB, ASSUME, denyB, grant, out, ROLE, USER } from './support/deny-output';

// Hand-written trust and grant policies whose only way in lies between the values the conditions name: a
// decimal between two bounds, a millisecond inside a second, an IPv6 stretch between blocks, a string past
// several globs. Each was a "no" (or a missing finding) before the candidates reached every such place.
const graph = (trust: object[], held?: object[]) => AccessGraph.fromSynthOutput(out(trust, held));
const row = (g: AccessGraph) => g.assumersOf(g.role(ROLE)!).find((r) => r.principal === USER)!;
const ids = (g: AccessGraph) => AccessReport.fromGraph(g).findings.map((f) => f.id);
const allowWhen = (condition: object) => ({ ...allowB, Condition: condition });
const window = { NumericGreaterThan: { 'acs:Level': '1.5' }, NumericLessThan: { 'acs:Level': '2' } };

describe('a way in between the values the conditions name is a yes', () => {
  test('a decimal between 1.5 and 2 (and the trust rule sees the statement lets every user of B in)', () => {
    const g = graph([allowWhen(window)]);
    expect(row(g)).toMatchObject({
      decision: Decision.ALLOW,
      conditions: 'NumericGreaterThan acs:Level 1.5; NumericLessThan acs:Level 2',
    });
    expect(ids(g)).toContain('XA-TRUST-NO-CONDITION');
  });

  test('a millisecond inside the first 800 ms of a day', () => {
    const day = {
      DateGreaterThan: { 'acs:CurrentTime': '2026-01-01T00:00:00.000Z' },
      DateLessThan: { 'acs:CurrentTime': '2026-01-01T00:00:00.800Z' },
    };
    expect(row(graph([allowWhen(day)])).decision).toBe(Decision.ALLOW);
  });

  test('an IPv6 address of 2001:db8::/32 outside the denied 2001:db8::/33', () => {
    const trust = [
      allowWhen({ IpAddress: { 'acs:SourceIp': '2001:db8::/32' } }),
      denyB({ IpAddress: { 'acs:SourceIp': '2001:db8::/33' } }),
    ];
    expect(row(graph(trust))).toMatchObject({
      decision: Decision.ALLOW,
      conditions: 'source IP in 2001:db8::/32; source IP not in 2001:db8::/33',
    });
  });

  test('an external ID matching a* that none of the denied ax*, a and a*~ matches', () => {
    const trust = [
      allowWhen({ StringLike: { 'sts:ExternalId': 'a*' } }),
      denyB({ StringLike: { 'sts:ExternalId': ['ax*', 'a', 'a*~'] } }),
    ];
    expect(row(graph(trust)).decision).toBe(Decision.ALLOW);
  });
});

describe('finding rules ask the same complete question', () => {
  test('AssumeRole on * past two Denies with conditions (from 10.0.0.0/8 with external ID abc): any role', () => {
    const held = [
      { Action: ASSUME, Effect: 'Allow', Resource: '*' },
      { Action: ASSUME, Effect: 'Deny', Resource: '*', Condition: { NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } },
      { Action: ASSUME, Effect: 'Deny', Resource: '*', Condition: { StringNotEquals: { 'sts:ExternalId': 'abc' } } },
    ];
    expect(ids(graph([allowB], held))).toContain('XA-ASSUME-ANY-ROLE');
  });

  test('AssumeRole on * for a level between 1.5 and 2: any role', () => {
    const held = [{ Action: ASSUME, Effect: 'Allow', Resource: '*', Condition: window }];
    expect(ids(graph([allowB], held))).toContain('XA-ASSUME-ANY-ROLE');
  });

  test('the control: AssumeRole on * for a level below 1 and above 2, which no request meets, is no finding', () => {
    const never = { NumericGreaterThan: { 'acs:Level': '2' }, NumericLessThan: { 'acs:Level': '1' } };
    const held = [grant, { Action: ASSUME, Effect: 'Allow', Resource: '*', Condition: never }];
    expect(ids(graph([allowB], held))).not.toContain('XA-ASSUME-ANY-ROLE');
  });
});

describe('conditions the candidates cannot decide are said, never taken as a "no"', () => {
  // StringLike "13*" and a number between 20 and 200 on one key: 130 to 139 get in, which no candidate of
  // either kind alone is.
  const mixed = { StringLike: { 'acs:Level': '13*' }, NumericGreaterThan: { 'acs:Level': '20' } };
  const below200 = { NumericLessThan: { 'acs:Level': '200' } };

  test('in the report: an error naming the role, the caller and the key', () => {
    const g = graph([allowWhen({ ...mixed, ...below200 })]);
    expect(() => row(g)).toThrow(
      /role x: cannot decide whether acs:ram::2000000000000002:user\/u gets in: conditions of different kinds \(numeric, string\) on acs:Level, which this analysis does not decide together \(use one kind of operator per key\) \(it says neither yes nor no\)/,
    );
  });

  test('in a finding rule: the finding is reported (AssumeRole on * for such a level: any role)', () => {
    const held = [grant, { Action: ASSUME, Effect: 'Allow', Resource: '*', Condition: { ...mixed, ...below200 } }];
    expect(ids(graph([allowB], held))).toContain('XA-ASSUME-ANY-ROLE');
  });

  test('in a finding rule, on the Deny side: AssumeRole on * for a level between 20 and 200, denied unless 13*', () => {
    const held = [
      grant,
      {
        Action: ASSUME,
        Effect: 'Allow',
        Resource: '*',
        Condition: { ...below200, NumericGreaterThan: { 'acs:Level': '20' } },
      },
      { Action: ASSUME, Effect: 'Deny', Resource: '*', Condition: { StringNotLike: { 'acs:Level': '13*' } } },
    ];
    expect(ids(graph([allowB], held))).toContain('XA-ASSUME-ANY-ROLE');
  });

  test('in the gate: a dropped Deny on such a key is a line to review by hand', () => {
    const base = graph([allowB, denyB(mixed)]);
    const head = graph([allowB]);
    expect(AccessDiff.between(base, head).newAccess).toEqual([
      `${USER} can assume ${ROLE} (conditions of different kinds (numeric, string) on acs:Level, which this analysis does not decide together (use one kind of operator per key): review by hand)`,
    ]);
    expect(AccessDiff.between(head, head).newAccess).toEqual([]);
  });
});

describe('one value per key', () => {
  // docs/report-format.md, "Which requests are tried": an AssumeRole request carries one value for each key, so a
  // trust statement met only by two external IDs at once admits nobody, though the evaluator, which also serves
  // set-valued service keys, allows such a request.
  test('a statement that only a request with two external IDs could meet admits nobody', () => {
    const both = allowWhen({ StringEquals: { 'sts:ExternalId': 'a' }, StringLike: { 'sts:ExternalId': 'b*' } });
    expect(row(graph([both])).decision).toBe(Decision.IMPLICIT_DENY);
    const trust = PolicyDocument.fromJson(JSON.stringify({ Statement: [both], Version: '1' }));
    const held = [PolicyDocument.fromJson(JSON.stringify({ Statement: [grant], Version: '1' }))];
    const evaluate = (context: { [key: string]: string[] }) =>
      PolicyEvaluator.evaluateAssumeRole(held, trust, USER, ROLE, context);
    expect(evaluate({ 'sts:ExternalId': ['a', 'b'] })).toBe(Decision.ALLOW);
    for (const id of ['a', 'b', 'ab', 'b*', ''])
      expect(evaluate({ 'sts:ExternalId': [id] })).toBe(Decision.IMPLICIT_DENY);
  });
});
