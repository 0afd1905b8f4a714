import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../support/cdktf';

// `npm run mutation` (docs/mutation.md): what Stryker is told to do, and how the score per folder is counted.

const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'stryker.config.json'), 'utf8')) as {
  [key: string]: unknown;
};
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: { [name: string]: string };
};

function score(report: object, ...args: string[]): { status: number | null; stdout: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutation-score-'));
  try {
    const file = path.join(dir, 'mutation.json');
    fs.writeFileSync(file, JSON.stringify(report));
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/mutation-score.js'), '--report', file, ...args], {
      encoding: 'utf8',
    });
    return { status: run.status, stdout: run.stdout };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const mutants = (...statuses: string[]) => ({ mutants: statuses.map((status, i) => ({ id: `${i}`, status })) });

describe('npm run mutation', () => {
  test('runs Stryker on lib/policy and lib/analysis, per-test coverage, incremental, JSON and HTML reports', () => {
    expect(pkg.scripts.mutation).toBe('stryker run && node scripts/mutation-score.js --min 80 lib/policy lib/analysis');
    expect(config).toMatchObject({
      testRunner: 'jest',
      // No checker process (docs/mutation.md: it took as much CPU as a test runner); type-invalid mutants
      // run as JavaScript.
      checkers: [],
      mutate: expect.arrayContaining(['lib/policy/**/*.ts', 'lib/analysis/**/*.ts']),
      coverageAnalysis: 'perTest',
      incremental: true,
      incrementalFile: 'reports/stryker-incremental.json',
      jsonReporter: { fileName: 'reports/mutation/mutation.json' },
      htmlReporter: { fileName: 'reports/mutation/mutation.html' },
    });
  });

  test('the score is killed and timed out over every valid mutant; no coverage counts as survived', () => {
    const report = {
      files: {
        'lib/policy/a.ts': mutants('Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'Ignored'),
        'lib/analysis/b.ts': mutants('Killed', 'Survived'),
        'lib/policyx/c.ts': mutants('Survived'),
      },
    };
    const run = score(report, '--min', '60', 'lib/policy', 'lib/analysis/');
    expect(run.stdout.split('\n')).toEqual([
      'lib/policy: 60.00 % (3 killed or timed out of 5 valid mutants; 2 survived or not covered, 1 static ignored, 1 compile or runtime errors)',
      'lib/analysis: 50.00 % (1 killed or timed out of 2 valid mutants; 1 survived or not covered, 0 static ignored, 0 compile or runtime errors) below 60 %',
      '',
    ]);
    expect(run.status).toBe(1);
    expect(score(report, '--min', '50', 'lib/policy', 'lib/analysis').status).toBe(0);
  });

  test('--files adds the score of each file of a folder', () => {
    const report = {
      files: {
        'lib/analysis/b.ts': mutants('Killed', 'Survived', 'Ignored'),
        'lib/analysis/private/a.ts': mutants('Killed', 'Timeout', 'RuntimeError'),
        'lib/analysis/c.ts': mutants('CompileError'),
      },
    };
    expect(score(report, '--files', 'lib/analysis').stdout.split('\n')).toEqual([
      'lib/analysis: 75.00 % (3 killed or timed out of 4 valid mutants; 1 survived or not covered, 1 static ignored, 2 compile or runtime errors)',
      '  b.ts: 50.00 % (1/2; 1 static, 0 errors)',
      '  c.ts: - (0/0; 0 static, 1 errors)',
      '  private/a.ts: 100.00 % (2/2; 0 static, 1 errors)',
      '',
    ]);
  });

  test('a missing report says how to make one', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts/mutation-score.js'), '--report', '/nonexistent.json'],
      {
        encoding: 'utf8',
      },
    );
    expect([run.status, run.stderr.trim()]).toEqual([
      1,
      'mutation-score: no report at /nonexistent.json (run npm run mutation first)',
    ]);
  });
});
