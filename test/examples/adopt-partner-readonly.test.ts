// examples/adopt-partner-readonly: its main.ts and access-report.md are what `cdktf-xaccount adopt`
// writes from its recorded outputs today (run as the README says, in the example's folder), and the
// main.ts, synthesized by the real `cdktf synth` in that folder, has an import block for every object
// it defines and gives the access the console setup gives.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AccessGraph, Decision } from '../../lib';
import { stackJson } from '../adopt/support';
import { cdktfSynth, ROOT } from '../support/cdktf';
import { assumers, may, outsiders } from './helpers';

const EXAMPLE = path.join(ROOT, 'examples', 'adopt-partner-readonly');

describe('examples/adopt-partner-readonly', () => {
  test('main.ts and access-report.md are what adopt writes from recorded/', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'adopt-example-'));
    fs.cpSync(path.join(EXAMPLE, 'recorded'), path.join(work, 'recorded'), { recursive: true });
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'bin', 'cdktf-xaccount.js'), 'adopt', 'recorded', '--out', 'main.ts', '--library', '../../lib'],
      { cwd: work, stdio: 'pipe' },
    );
    for (const file of ['main.ts', 'access-report.md']) {
      expect(fs.readFileSync(path.join(work, file), 'utf8')).toBe(fs.readFileSync(path.join(EXAMPLE, file), 'utf8'));
    }
  });

  const outdir = cdktfSynth('examples/adopt-partner-readonly');

  test('cdktf synth writes both stacks, and they import every object they define', () => {
    const imported: string[] = [];
    for (const stack of ['owner', 'partner']) {
      const json = stackJson(outdir, stack);
      const addresses = Object.entries(json.resource).flatMap(([type, byName]) =>
        Object.keys(byName).map((name) => `${type}.${name}`),
      );
      expect((json.import ?? []).map((b) => b.to).sort()).toEqual(addresses.sort());
      imported.push(...(json.import ?? []).map((b) => b.id));
    }
    expect(imported).toHaveLength(5);
  });

  test('Bob can assume Partner-ReadOnly-Access, nobody else can, and the role only reads ECS', () => {
    const graph = AccessGraph.fromSynthOutput(outdir);
    const role = 'Partner-ReadOnly-Access';
    expect(assumers(graph, role)).toEqual(['acs:ram::5555666677778888:user/Bob']);
    expect(outsiders(graph, role)).toEqual([Decision.IMPLICIT_DENY, Decision.IMPLICIT_DENY, Decision.IMPLICIT_DENY]);
    expect(may(graph, role, 'ecs:DescribeInstances', '*')).toBe(true);
    expect(may(graph, role, 'ecs:StopInstance', '*')).toBe(false);
  });
});
