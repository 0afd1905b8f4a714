/**
 * Jest for `npm run mutation` (Stryker): the tests of the policy model and the analysis, whose mutants
 * they must kill, with fewer property-test cases so a surviving mutant costs seconds, not minutes.
 *
 * Only test files that load no cdktf are run (scripts/cdktf-free-tests.js): Jest loads every test file of
 * the run for each mutant, even one none of whose tests covers it, and a file that loads cdktf (or
 * synthesizes at its top) costs seconds each time. The analysis reads synthesized output only, so its
 * tests read committed fixtures instead (test/analysis/support/fixtures.ts), which a normal `npm test`
 * checks against a fresh synth. The analysis tests that still synthesize (findings of construct-built
 * apps, the CLI in a child process, accounts from providers) run in `npm test`, not here: the score is a
 * lower bound.
 *
 * XACCOUNT_MUTATION_TESTS=policy keeps to test/policy: the fast way to measure lib/policy alone.
 * XACCOUNT_MUTATION_TESTS=evaluator adds the evaluator's own tests, for the evaluator, its conditions and
 * globs.
 */
const path = require('path');
const base = require('./jest.config');
const { cdktfFreeTests } = require('./scripts/cdktf-free-tests');

const EVALUATOR_TESTS = 'policy-evaluator,evaluator-vectors,evaluator.property,condition-eval,glob,satisfying-context';
const only = process.env.XACCOUNT_MUTATION_TESTS;
// The library folders are roots too, so that Jest's --findRelatedTests (stryker.config.json) follows a test's
// imports through them: new-access-gate.test.ts reaches lib/analysis/access-diff.ts only through lib/cli.
const LIB = ['<rootDir>/lib/policy', '<rootDir>/lib/analysis', '<rootDir>/lib/cli'];
const roots =
  only === 'policy' ? ['<rootDir>/test/policy', ...LIB] : ['<rootDir>/test/policy', '<rootDir>/test/analysis', ...LIB];
const testMatch =
  only === 'evaluator'
    ? ['<rootDir>/test/policy/**/*.test.ts', `<rootDir>/test/analysis/{${EVALUATOR_TESTS}}.test.ts`]
    : [
        '<rootDir>/test/policy/**/*.test.ts',
        ...cdktfFreeTests(path.join(__dirname, 'test', 'analysis')).map(
          (f) => `<rootDir>/${path.relative(__dirname, f).split(path.sep).join('/')}`,
        ),
      ];

// Stryker runs the tests in this process: a mutant that survives runs every property case, so keep them few
// (fewer cases can only let more mutants survive: the score stays a lower bound).
process.env.XACCOUNT_PROPERTY_RUNS ??= '20';
process.env.FINDINGS_PROPERTY_CASES ??= '40';

module.exports = { ...base, roots, testMatch, reporters: ['default'] };
