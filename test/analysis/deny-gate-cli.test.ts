import { runCli } from '../../lib/cli/main';
import { allowB, denyB, denyOutside, out, ROLE, USER } from './support/deny-output';

// The CLI on outputs with Deny statements with conditions, in-process (which loads cdktf, through lib/cli): the
// gate's exit codes, and the input error that stops a report with too many ways past the Denies.
const io = (lines: string[]) => ({ out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) });

describe('the CLI on Deny statements with conditions', () => {
  test('the gate exits 1 on a dropped trust Deny, and 0 the other way', () => {
    const [base, head] = [out([allowB, denyOutside('10.0.0.0/8')]), out([allowB])];
    const lines: string[] = [];
    expect(runCli(['diff', base, head, '--fail-on-new-access'], io(lines))).toBe(1);
    expect(lines.join('\n')).toContain(`+ ${USER} can assume ${ROLE} (before: when source IP in 10.0.0.0/8)`);
    expect(runCli(['diff', head, base, '--fail-on-new-access'], io([]))).toBe(0);
  });

  test('more ways past the Denies than are tried: exit 2, naming the stack file and the role', () => {
    const denies = Array.from({ length: 13 }, (_, i) => denyB({ StringNotEquals: { [`acs:Key${i}`]: 'v' } }));
    const lines: string[] = [];
    expect(runCli(['report', out([allowB, ...denies])], io(lines))).toBe(2);
    expect(lines.join('\n')).toMatch(/stacks\/a\/cdk\.tf\.json: role x: 13 Deny statements/);
  });
});
