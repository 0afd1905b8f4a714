import { AccessDiff, AccessGraph, Decision } from '../../lib/analysis';
import { runCli } from '../../lib/cli/main';
import { doc, writeOut } from './support/hand-written';

// A Deny with conditions narrows an Allow without changing the Allow's own conditions: "deny unless from the
// office network" is the common form. Dropping or narrowing such a Deny is new access, which the gate must see
// though no Allow's conditions changed; the evaluator decides it, on both outputs' documents, and the line
// names a request that head lets in and base did not.
const A = '1000000000000001';
const B = '2000000000000002';
const ROLE = `acs:ram::${A}:role/x`;
const USER = `acs:ram::${B}:user/u`;
const ASSUME = 'sts:AssumeRole';

const allowB = { Action: ASSUME, Effect: 'Allow', Principal: { RAM: [`acs:ram::${B}:root`] } };
const denyOutside = (...cidrs: string[]) => ({
  Action: ASSUME,
  Effect: 'Deny',
  Principal: { RAM: [`acs:ram::${B}:root`] },
  Condition: { NotIpAddress: { 'acs:SourceIp': cidrs } },
});
const grant = { Action: ASSUME, Effect: 'Allow', Resource: ROLE };

/** Role x of A with these trust statements; B's user u holding these statements. */
function out(trust: object[], held: object[] = [grant]): string {
  return writeOut({
    a: {
      account: A,
      resources: { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: doc(...trust) } } },
    },
    b: {
      account: B,
      resources: {
        alicloud_ram_user: { u: { name: 'u' } },
        alicloud_ram_policy: { g: { policy_name: 'g', policy_document: doc(...held) } },
        alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
      },
    },
  });
}
const graph = (trust: object[], held?: object[]) => AccessGraph.fromSynthOutput(out(trust, held));
const diff = (base: AccessGraph, head: AccessGraph) => AccessDiff.between(base, head).newAccess;

describe('new access when a Deny with conditions is dropped or narrowed', () => {
  test('a trust Deny from outside 10.0.0.0/8 dropped: new for a request with no source IP', () => {
    const base = graph([allowB, denyOutside('10.0.0.0/8')]);
    const head = graph([allowB]);
    // Both say the user can assume the role: only the Deny tells them apart.
    for (const g of [base, head]) {
      expect(g.assumersOf(g.role(ROLE)!).find((r) => r.principal === USER)?.decision).toBe(Decision.ALLOW);
    }
    expect(diff(base, head)).toEqual([`${USER} can assume ${ROLE} (new for a request with no acs:SourceIp)`]);
    expect(diff(head, base)).toEqual([]);
    expect(diff(base, base)).toEqual([]);
  });

  test('a trust Deny narrowed to fewer blocks: new for an address of the block it no longer denies', () => {
    const base = graph([allowB, denyOutside('10.0.0.0/8')]);
    const head = graph([allowB, denyOutside('10.0.0.0/8', '11.0.0.0/8')]);
    expect(diff(base, head)).toEqual([`${USER} can assume ${ROLE} (new for a request with acs:SourceIp 11.0.0.0)`]);
    expect(diff(head, base)).toEqual([]);
  });

  test("a Deny of the user's own policy dropped is new access too", () => {
    const denyWithoutMfa = {
      Action: ASSUME,
      Effect: 'Deny',
      Resource: '*',
      Condition: { Bool: { 'acs:MFAPresent': 'false' } },
    };
    const base = graph([allowB], [grant, denyWithoutMfa]);
    const head = graph([allowB], [grant]);
    expect(diff(base, head)).toEqual([`${USER} can assume ${ROLE} (new for a request with acs:MFAPresent false)`]);
    expect(diff(head, base)).toEqual([]);
  });

  test('a Deny of another principal dropped is not new access for this one', () => {
    const other = { ...denyOutside('10.0.0.0/8'), Principal: { RAM: [`acs:ram::${B}:user/someone-else`] } };
    expect(diff(graph([allowB, other]), graph([allowB]))).toEqual([]);
  });

  test('the gate exits 1 on a dropped trust Deny, and 0 the other way', () => {
    const [base, head] = [out([allowB, denyOutside('10.0.0.0/8')]), out([allowB])];
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    expect(runCli(['diff', base, head, '--fail-on-new-access'], io)).toBe(1);
    expect(lines.join('\n')).toContain(`+ ${USER} can assume ${ROLE} (new for a request with no acs:SourceIp)`);
    expect(runCli(['diff', head, base, '--fail-on-new-access'], io)).toBe(0);
  });
});
