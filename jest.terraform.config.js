/**
 * `npm run test:terraform`: the tests that run real Terraform on the synthesized stacks, with the
 * stand-in provider (or the registry's, with ALICLOUD_PROVIDER=registry). Kept out of `npm test`.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/terraform'],
  testMatch: ['**/*.terraform-test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 300000,
  // Terraform and `cdktf synth` wait on child processes much of the time: two workers on two cores.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
