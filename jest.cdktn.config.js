// The unit tests and example synths against the cdktn flavour: the same tests, with `cdktf` resolved
// to cdktn 0.24, `constructs` to cdktn's constructs 10.6 and the bindings to those cdktn's generator
// wrote into .build/cdktn (scripts/flavour.js builds them) — what the flavour build's swap of
// lib/private/framework.ts does, applied to the sources. `npm run test:cdktn`.
const path = require('path');
const base = require('./jest.config');

const flavour = path.join(__dirname, '.build', 'cdktn');
const moduleDir = (name) => path.dirname(require.resolve(`${name}/package.json`, { paths: [flavour] }));
const cdktn = moduleDir('cdktn');

module.exports = {
  ...base,
  moduleNameMapper: {
    '^cdktf$': cdktn,
    '^cdktf/(.*)$': `${cdktn}/$1`,
    '^constructs$': moduleDir('constructs'),
    '^constructs/(.*)$': `${moduleDir('constructs')}/$1`,
    '^(?:\\.\\.?/)+(?:lib/)?\\.gen/providers/(alicloud|ucloud)(.*)$': `${flavour}/lib/.gen/providers/$1$2`,
  },
  // test/app/framework.test.ts checks that this run really is the cdktn one.
  globals: { XACCOUNT_FRAMEWORK: 'cdktn' },
  // test/flavour compares the two flavours itself, so it runs with cdktf (npm test). test/policy
  // tests the policy model, which imports no framework (only constants of test/support): it would
  // run the same code twice.
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, '<rootDir>/test/flavour/', '<rootDir>/test/policy/'],
};
