/**
 * Jest for `npm run mutation` (Stryker): the tests of the policy model and the analysis, whose mutants
 * they must kill, with fewer property-test cases so a surviving mutant costs seconds, not minutes.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/policy', '<rootDir>/test/analysis'],
  reporters: ['default'],
};

// Stryker runs the tests in this process: a mutant that survives runs every property case, so keep them few.
process.env.XACCOUNT_PROPERTY_RUNS ??= '20';
