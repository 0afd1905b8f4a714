import { AccessDiff, AccessGraph, Decision } from '../../lib/analysis';
import { allowB, ASSUME, B, denyB, denyOutside, denyWithoutMfa, grant, out, ROLE, USER } from './support/deny-output';

// A Deny with conditions narrows an Allow without changing the Allow's own conditions: "deny unless from the
// office network" is the common form. The report says the way in it leaves (the complement of the Deny's
// condition), and dropping or narrowing such a Deny is new access, which the gate must see though no
// Allow's conditions changed. Where no operator says a Deny condition's complement (Bool, inequalities), the
// evaluator, asked about the same requests on both outputs, finds the request that head newly lets in.
const graph = (trust: object[], held?: object[]) => AccessGraph.fromSynthOutput(out(trust, held));
const row = (g: AccessGraph) => g.assumersOf(g.role(ROLE)!).find((r) => r.principal === USER)!;
const diff = (base: AccessGraph, head: AccessGraph) => AccessDiff.between(base, head).newAccess;

describe('the ways past a Deny with conditions, in the report', () => {
  test('"deny from outside 10.0.0.0/8": the user gets in when the source IP is in 10.0.0.0/8', () => {
    expect(row(graph([allowB, denyOutside('10.0.0.0/8')]))).toMatchObject({
      decision: Decision.ALLOW,
      conditions: 'source IP in 10.0.0.0/8',
      conditionSets: ['source IP in 10.0.0.0/8'],
    });
  });

  test('a Deny of two conditions has two ways past it, one per condition failed', () => {
    const deny = denyB({ NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' }, StringNotEquals: { 'sts:ExternalId': 'e1' } });
    expect(row(graph([allowB, deny])).conditionSets).toEqual([
      'source IP in 10.0.0.0/8',
      'the agreed external ID is passed',
    ]);
  });

  test('a Deny that cannot apply to the caller (another principal) asks nothing of it', () => {
    const other = { ...denyOutside('10.0.0.0/8'), Principal: { RAM: [`acs:ram::${B}:user/someone-else`] } };
    expect(row(graph([allowB, other]))).toMatchObject({ decision: Decision.ALLOW, conditions: '' });
  });

  test('an Allow with conditions on nine keys and a Deny: still yes (every key is met on its own)', () => {
    const many: { [key: string]: string } = {};
    for (let i = 1; i <= 9; i++) many[`acs:Key${i}`] = `v${i}`;
    const g = graph([{ ...allowB, Condition: { StringEquals: many } }, denyOutside('10.0.0.0/8')]);
    expect(row(g).decision).toBe(Decision.ALLOW);
    expect(row(g).conditions).toContain('source IP in 10.0.0.0/8');
  });

  test('more ways past the Denies than are tried: an error naming the role, never a "no"', () => {
    const denies = Array.from({ length: 13 }, (_, i) => denyB({ StringNotEquals: { [`acs:Key${i}`]: 'v' } }));
    const dir = out([allowB, ...denies]);
    expect(() => row(AccessGraph.fromSynthOutput(dir))).toThrow(
      /role x: 13 Deny statements with conditions may apply to acs:ram::2000000000000002:user\/u, 8192 ways past them, more than the 4096 this analysis tries \(it says neither yes nor no; merge the Deny statements\)/,
    );
  });
});

describe('new access when a Deny with conditions is dropped or narrowed', () => {
  test('a trust Deny from outside 10.0.0.0/8 dropped: new access, saying the condition it had', () => {
    const base = graph([allowB, denyOutside('10.0.0.0/8')]);
    const head = graph([allowB]);
    expect(diff(base, head)).toEqual([`${USER} can assume ${ROLE} (before: when source IP in 10.0.0.0/8)`]);
    expect(diff(head, base)).toEqual([]);
    expect(diff(base, base)).toEqual([]);
  });

  test('a trust Deny narrowed to fewer blocks: new access', () => {
    const base = graph([allowB, denyOutside('10.0.0.0/8')]);
    const head = graph([allowB, denyOutside('10.0.0.0/8', '11.0.0.0/8')]);
    expect(diff(base, head)).toEqual([
      `${USER} can assume ${ROLE} when source IP in 10.0.0.0/8, 11.0.0.0/8 (before: when source IP in 10.0.0.0/8)`,
    ]);
  });

  test('a trust Deny without MFA dropped: the same words, and the request head newly lets in', () => {
    const base = graph([allowB, denyWithoutMfa]);
    const head = graph([allowB]);
    expect(row(base).conditions).toBe(row(head).conditions);
    expect(diff(base, head)).toEqual([`${USER} can assume ${ROLE} (new for a request with acs:MFAPresent false)`]);
    expect(diff(head, base)).toEqual([]);
  });

  test("a Deny of the user's own policy dropped is new access too", () => {
    const own = { Action: ASSUME, Effect: 'Deny', Resource: '*', Condition: { Bool: { 'acs:MFAPresent': 'false' } } };
    const base = graph([allowB], [grant, own]);
    const head = graph([allowB], [grant]);
    expect(diff(base, head)).toEqual([`${USER} can assume ${ROLE} (new for a request with acs:MFAPresent false)`]);
    expect(diff(head, base)).toEqual([]);
  });

  test('a Deny of another principal dropped is not new access for this one', () => {
    const other = { ...denyOutside('10.0.0.0/8'), Principal: { RAM: [`acs:ram::${B}:user/someone-else`] } };
    expect(diff(graph([allowB, other]), graph([allowB]))).toEqual([]);
  });

  test('conditions on too many keys to try every request: new access to review by hand, unless nothing changed', () => {
    const many: { [key: string]: string } = {};
    for (let i = 1; i <= 8; i++) many[`acs:Key${i}`] = `v${i}`;
    const allow = { ...allowB, Condition: { StringEquals: many } };
    const base = graph([allow, denyWithoutMfa]);
    expect(diff(base, graph([allow]))).toEqual([
      `${USER} can assume ${ROLE} when ${row(base).conditions} ` +
        '(conditions on too many keys to compare with base: review by hand)',
    ]);
    expect(diff(base, graph([allow, denyWithoutMfa]))).toEqual([]);
  });
});
