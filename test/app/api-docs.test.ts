// API.md (TypeScript) and API.python.md (Python) are what jsii-docgen renders from the assembly
// (`npm run docgen`, scripts/docgen.js), so they cannot go stale: a change of the public API that
// does not regenerate them fails here. The assembly is the one `npm run jsii` wrote (`npm test`'s
// pretest runs it); one older than the sources fails too, rather than comparing against old docs.
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/cdktf';
import { newestSource } from '../support/newest-source';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderApiDocs } = require('../../scripts/docgen') as {
  renderApiDocs: (dir?: string) => Promise<{ [file: string]: string }>;
};

let rendered: { [file: string]: string } = {};

beforeAll(async () => {
  const assembly = path.join(ROOT, '.jsii');
  if (!fs.existsSync(assembly) || fs.statSync(assembly).mtimeMs < newestSource(path.join(ROOT, 'lib'))) {
    throw new Error('.jsii is missing or older than lib/: run `npm run jsii` first (then `npm run docgen`)');
  }
  rendered = await renderApiDocs(ROOT);
}, 120_000);

test('docgen renders the TypeScript and the Python reference', () => {
  expect(Object.keys(rendered).sort()).toEqual(['API.md', 'API.python.md']);
  expect(rendered['API.md']).toContain(
    'new CrossAccountRole(scope: Construct, id: string, props: CrossAccountRoleProps)',
  );
  expect(rendered['API.python.md']).toContain('cdktf_alicloud_cross_account.CrossAccountRole(');
  expect(rendered['API.python.md']).toContain('cdktf_alicloud_cross_account.CrossAccountRole.arn_of(');
});

test.each(['API.md', 'API.python.md'])('%s is current (npm run docgen)', (file) => {
  const committed = fs.readFileSync(path.join(ROOT, file), 'utf8');
  expect(committed === rendered[file] ? 'current' : `${file} differs from the assembly: run npm run docgen`).toBe(
    'current',
  );
});

test('the comparison sees a change: a reference missing one line is not current', () => {
  const committed = fs.readFileSync(path.join(ROOT, 'API.python.md'), 'utf8');
  const changed = committed.replace(/^.*arn_of.*\n/m, '');
  expect(changed).not.toBe(committed);
  expect(changed).not.toBe(rendered['API.python.md']);
});
