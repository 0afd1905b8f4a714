// Which framework this run tests: cdktf for `npm test`, cdktn for `npm run test:cdktn`
// (jest.cdktn.config.js). Without this, a mapping that silently stopped applying would let the
// cdktn run test cdktf again and pass.
import * as path from 'path';

declare const XACCOUNT_FRAMEWORK: string | undefined;
const expected = typeof XACCOUNT_FRAMEWORK === 'string' ? XACCOUNT_FRAMEWORK : 'cdktf';

test(`the run tests the ${expected} flavour: its framework, its constructs and its bindings`, () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const framework = require('cdktf/package.json') as { name: string; version: string };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const constructs = require('constructs/package.json') as { version: string };
  expect(framework.name).toBe(expected);
  expect(framework.version).toMatch(expected === 'cdktn' ? /^0\.24\./ : /^0\.21\./);
  expect(constructs.version).toMatch(expected === 'cdktn' ? /^10\.[67]\./ : /^10\.4\./);
  const bindings = require.resolve('../../lib/.gen/providers/alicloud/provider');
  expect(bindings.startsWith(path.join(__dirname, '..', '..', expected === 'cdktn' ? '.build/cdktn/lib' : 'lib'))).toBe(
    true,
  );
});
