import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Committed synthesized outputs (test/analysis/fixtures/<name>.json): each maps the files of a `cdktf.out`
 * folder (`manifest.json`, `stacks/<stack>/cdk.tf.json`) to their parsed JSON. The analysis reads
 * synthesized output only, so its tests read these instead of synthesizing: they load no cdktf and cost
 * milliseconds, which is what lets Stryker judge lib/analysis (jest.mutation.config.js).
 * test/analysis/fixtures-current.test.ts re-synthesizes every one and fails when a fixture is stale.
 */
export const FIXTURES_DIR = path.join(__dirname, '..', 'fixtures');

/** The files of one output folder, by path relative to it. */
export type OutputFiles = { [relativePath: string]: unknown };

/** The names of the committed fixtures, sorted. */
export function fixtureNames(): string[] {
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** The files of a committed fixture. */
export function fixtureFiles(name: string): OutputFiles {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, `${name}.json`), 'utf8')) as OutputFiles;
}

/** Writes a committed fixture out as a fresh `cdktf.out` folder (tests may change it) and returns the folder. */
export function fixtureOut(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xaccount-fixture-${name}-`));
  for (const [relative, json] of Object.entries(fixtureFiles(name))) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), JSON.stringify(json, null, 2));
  }
  return dir;
}

/**
 * The files of an output folder the analysis reads: its manifest and every `cdk.tf.json`. The manifest's
 * `annotations` (construct warnings with stack traces of this machine's paths and token numbers) are left
 * out: the analysis reads only the manifest's stacks and their paths.
 */
export function outputFiles(dir: string): OutputFiles {
  const files: OutputFiles = {};
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (child === 'manifest.json' || entry.name === 'cdk.tf.json') {
        const json = JSON.parse(fs.readFileSync(path.join(dir, child), 'utf8'));
        if (child === 'manifest.json') {
          for (const stack of Object.values(json.stacks ?? {})) delete (stack as { annotations?: unknown }).annotations;
        }
        files[child] = json;
      }
    }
  };
  walk('');
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}
