// examples/adopt-partner-readonly: its main.ts and access-report.md are what `cdktf-xaccount adopt`
// writes from its recorded outputs today (run as the README says, in the example's folder), and the
// main.ts synthesizes with an import block for every object it defines.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stackJson, synthMain } from '../adopt/support';
import { ROOT } from '../support/cdktf';

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

  test('main.ts synthesizes both stacks and imports every object it defines', () => {
    const outdir = synthMain(path.join(EXAMPLE, 'main.ts'));
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
});
