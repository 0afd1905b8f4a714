import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AccessGraph } from '../../lib/analysis';

// A manifest's stack paths stay inside the output folder (synth-reader.ts), cdktf-free so that the mutation
// run sees it (input-untrusted.test.ts shows the same through the CLI): a path that climbs out, an absolute
// one, a symbolic link leading out are refused unread; a path that only passes through a subfolder is read.
const SECRET = 'root:x:0:0:do-not-print-me';

/** An output folder whose manifest points stack `a` at `target`, next to a file holding a secret. */
function pointing(target: (outside: string) => string): { dir: string; relative: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaccount-paths-'));
  const outside = path.join(path.dirname(dir), `${path.basename(dir)}-secret.json`);
  fs.writeFileSync(outside, `{"secret": "${SECRET}"}`);
  fs.mkdirSync(path.join(dir, 'stacks', 'a'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'stacks', 'a', 'cdk.tf.json'), '{}');
  const relative = target(outside);
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({ stacks: { a: { synthesizedStackPath: relative } } }),
  );
  return { dir, relative };
}
const refusal = (dir: string, relative: string) =>
  `${path.join(dir, 'manifest.json')}: stack "a" has synthesizedStackPath ${JSON.stringify(relative)}, ` +
  'which leaves the output folder (stacks must be read from inside it)';

test.each<[string, (outside: string) => string]>([
  ['a relative path that climbs out', () => '../../../etc/passwd'],
  ['a relative path to a file beside the folder', (outside) => `../${path.basename(outside)}`],
  ['an absolute path', (outside) => outside],
  [
    'an absolute path inside the folder',
    (outside) => path.join(outside.replace(/-secret\.json$/, ''), 'stacks/a/cdk.tf.json'),
  ],
])('%s: refused unread, naming the manifest and the stack', (_, target) => {
  const { dir, relative } = pointing(target);
  expect(() => AccessGraph.fromSynthOutput(dir)).toThrow(refusal(dir, relative));
});

test('a symbolic link inside the folder that leads out is refused too', () => {
  const { dir } = pointing(() => 'stacks/a/cdk.tf.json');
  const file = path.join(dir, 'stacks', 'a', 'cdk.tf.json');
  fs.rmSync(file);
  fs.symlinkSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.json`), file);
  expect(() => AccessGraph.fromSynthOutput(dir)).toThrow(refusal(dir, 'stacks/a/cdk.tf.json'));
});

test('a path through a subfolder and back, still inside, is read', () => {
  const { dir } = pointing(() => 'stacks/../stacks/a/cdk.tf.json');
  expect(AccessGraph.fromSynthOutput(dir).stacks.map((s) => s.name)).toEqual(['a']);
});
