import * as path from 'path';

// jest.mutation.config.js runs, for every mutant, only the test files that load no cdktf
// (scripts/cdktf-free-tests.js). These tests check that selection: a test that starts to synthesize
// silently leaves it (and the mutation score with it), so the files that must stay in are named here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cdktfFreeTests, loadsCdktf } = require('../../scripts/cdktf-free-tests') as {
  cdktfFreeTests: (dir: string) => string[];
  loadsCdktf: (file: string) => boolean;
};

const ROOT = path.resolve(__dirname, '..', '..');
const selected = cdktfFreeTests(__dirname).map((f) => path.basename(f));

describe('the analysis tests Stryker runs', () => {
  test('include the tests of the report, the diff, the graph, the findings and the evaluator', () => {
    expect(selected).toEqual(
      expect.arrayContaining([
        'access-graph.test.ts',
        'accounts-from-providers.test.ts',
        'acknowledgements-hand-written.test.ts',
        'describe.test.ts',
        'diff-denies.test.ts',
        'diff-markdown.test.ts',
        'report-many-roles.test.ts',
        'synth-reader.test.ts',
        'assumers.property.test.ts',
        'assumers.test.ts',
        'condition-eval.test.ts',
        'evaluator-vectors.test.ts',
        'evaluator.property.test.ts',
        'findings-equivalent-forms.test.ts',
        'findings-properties.test.ts',
        'findings-unserved.test.ts',
        'glob.test.ts',
        'ip-candidates.property.test.ts',
        'policy-evaluator.test.ts',
        'report-and-diff.test.ts',
        'report-format.test.ts',
        'satisfying-context.test.ts',
        'value-regions.property.test.ts',
        'value-regions.test.ts',
        'ways-in-between-values.test.ts',
      ]),
    );
  });

  test('leave out the tests that synthesize, and only those', () => {
    expect(selected).not.toContain('findings.test.ts');
    expect(selected).not.toContain('fixtures-current.test.ts');
    expect(selected).not.toContain('deny-gate-cli.test.ts'); // the CLI in-process; diff-denies.test.ts has the rest
    expect(loadsCdktf(path.join(ROOT, 'test', 'support', 'out.ts'))).toBe(true); // imports cdktf itself
    expect(loadsCdktf(path.join(ROOT, 'lib', 'index.ts'))).toBe(true); // through the constructs
    expect(loadsCdktf(path.join(ROOT, 'lib', 'analysis', 'index.ts'))).toBe(false);
    // lib/cli/main.ts loads cdktf since `adopt` (main): input-untrusted and new-access-gate, which run the CLI, are out.
  });
});
