import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/cdktf';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: { [name: string]: string };
};

describe('npm scripts', () => {
  test('every script that runs cdktf turns its update check off (CHECKPOINT_DISABLE=1)', () => {
    const runningCdktf = Object.entries(pkg.scripts).filter(([, command]) => /(^|[\s;&|])cdktf\s/.test(command));
    expect(runningCdktf.map(([name]) => name)).toContain('synth');
    for (const [name, command] of runningCdktf)
      expect({ name, command }).toEqual({ name, command: expect.stringMatching(/^CHECKPOINT_DISABLE=1 /) });
  });

  test("the README's test command compiles the assembly first: a fresh clone has no .jsii for the API-docs test", () => {
    expect(pkg.scripts.pretest.split(' && ')).toEqual(['npm run jsii', 'npm run typecheck', 'npm run lint']);
  });

  test('packing builds first, and nothing runs when the package is installed', () => {
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.scripts.build).toBe('npm run clean && npm run jsii');
    expect(Object.keys(pkg.scripts).filter((name) => /^(pre|post)?install$/.test(name))).toEqual([]);
  });
});
