import * as fs from 'fs';
import * as path from 'path';
import { FIXTURE_APPS } from './support/fixture-apps';
import { fixtureFiles, fixtureNames, FIXTURES_DIR, OutputFiles, outputFiles } from './support/fixtures';

// The analysis tests that Stryker runs read committed synthesized outputs instead of synthesizing
// (support/fixtures.ts). This test re-synthesizes each one, so a fixture can never drift from what the
// constructs and the examples synthesize today. XACCOUNT_WRITE_FIXTURES=1 (npm run mutation:fixtures)
// rewrites them instead.
const write = process.env.XACCOUNT_WRITE_FIXTURES === '1';

// `npm run test:cdktn` runs this test with cdktf resolved to cdktn, whose output differs only in the
// framework version it writes into the manifest and each stack's metadata.
declare const XACCOUNT_FRAMEWORK: string | undefined;
const cdktn = typeof XACCOUNT_FRAMEWORK === 'string' && XACCOUNT_FRAMEWORK === 'cdktn';

/** The files with the framework version of `like` (cdktn writes its own). */
function versionsOf(files: OutputFiles, like: OutputFiles): OutputFiles {
  const version = (json: unknown): unknown => (json as { version?: unknown }).version;
  const metadata = (json: unknown) => (json as { '//'?: { metadata?: { version?: unknown } } })['//']?.metadata;
  const copy = JSON.parse(JSON.stringify(files)) as OutputFiles;
  for (const [file, json] of Object.entries(copy)) {
    if (file === 'manifest.json') (json as { version?: unknown }).version = version(like[file]);
    else if (metadata(json) && metadata(like[file])) metadata(json)!.version = metadata(like[file])!.version;
  }
  return copy;
}

describe('test/analysis/fixtures', () => {
  test.each(Object.keys(FIXTURE_APPS).sort())('%s is what its app synthesizes today', (name) => {
    const files = outputFiles(FIXTURE_APPS[name]());
    expect(Object.keys(files)).toContain('manifest.json');
    if (write) {
      // `npm run mutation:fixtures` then formats them with prettier (which cannot run inside Jest).
      fs.writeFileSync(path.join(FIXTURES_DIR, `${name}.json`), JSON.stringify(files, null, 2));
    }
    const fixture = fixtureFiles(name);
    expect(fixture).toEqual(cdktn ? versionsOf(files, fixture) : files);
  });

  test('hold exactly the fixtures of support/fixture-apps.ts', () => {
    if (write) {
      for (const name of fixtureNames()) {
        if (!(name in FIXTURE_APPS)) fs.rmSync(path.join(FIXTURES_DIR, `${name}.json`));
      }
    }
    expect(fixtureNames()).toEqual(Object.keys(FIXTURE_APPS).sort());
  });

  // A path of the machine that wrote a fixture (cdktf's default local backend is absolute) would make
  // the test above fail in every other checkout.
  test('hold no absolute path', () => {
    const absolute = /"(\/(work|tmp|home|root|Users)\/[^"]*)"/;
    for (const name of fixtureNames()) {
      const text = fs.readFileSync(path.join(FIXTURES_DIR, `${name}.json`), 'utf8');
      expect([name, absolute.exec(text)?.[1]]).toEqual([name, undefined]);
    }
  });
});
