/**
 * Jest for `npm run mutation` (Stryker): the tests of the policy model and the analysis, whose mutants
 * they must kill, with fewer property-test cases so a surviving mutant costs seconds, not minutes.
 *
 * XACCOUNT_MUTATION_TESTS=policy keeps to test/policy, which loads neither cdktf nor the provider
 * bindings: the fast way to measure lib/policy alone (its score is then a lower bound: the analysis
 * tests kill policy mutants too). XACCOUNT_MUTATION_TESTS=evaluator adds the evaluator's own tests,
 * also free of cdktf, for the evaluator, its conditions and globs.
 */
const base = require('./jest.config');

const EVALUATOR_TESTS = 'policy-evaluator,evaluator-vectors,evaluator.property,condition-eval,glob,satisfying-context';
const only = process.env.XACCOUNT_MUTATION_TESTS;
const roots = only === 'policy' ? ['<rootDir>/test/policy'] : ['<rootDir>/test/policy', '<rootDir>/test/analysis'];
const testMatch =
  only === 'evaluator'
    ? ['<rootDir>/test/policy/**/*.test.ts', `<rootDir>/test/analysis/{${EVALUATOR_TESTS}}.test.ts`]
    : base.testMatch;

// Stryker runs the tests in this process: a mutant that survives runs every property case, so keep them few.
process.env.XACCOUNT_PROPERTY_RUNS ??= '20';

module.exports = { ...base, roots, testMatch, reporters: ['default'] };
