import * as fs from 'fs';
import * as path from 'path';
import { AccessGraph } from '../../lib/analysis';
import { runCli } from '../../lib/cli/main';
import { accountJson, handWrittenOut, roleResources, trustStatement } from '../support/hand-written';
import { OWNER, PARTNER } from '../support/ids';
import { MALFORMED_STACKS } from './support/malformed-stacks';

// The analysis reads whatever a pull request brings (issue 10, class 10): paths stay inside the output
// folder, and a malformed shape is one error naming the file and the JSON path, exit code 2, nothing written.

const SECRET = 'root:x:0:0:do-not-print-me';

function cli(dir: string): { code: number; err: string } {
  const err: string[] = [];
  const code = runCli(['report', dir, '--json'], { out: () => undefined, err: (t) => err.push(t) });
  return { code, err: err.join('\n') };
}

/** The one-line CLI error for the output, after checking exit code 2 and that nothing was written. */
function refused(dir: string): string {
  const result = cli(dir);
  expect(result.code).toBe(2);
  expect(result.err.split('\n')).toHaveLength(1);
  expect(fs.existsSync(path.join(dir, 'access-report.md'))).toBe(false);
  expect(fs.existsSync(path.join(dir, 'access-report.json'))).toBe(false);
  return result.err;
}

const trusted = [trustStatement([`acs:ram::${PARTNER}:root`], { Bool: { 'acs:MFAPresent': 'true' } })];

describe('manifest stack paths stay inside the output folder', () => {
  /** An output whose manifest points stack `a` at `target`, next to a file holding a secret. */
  function pointing(target: (dir: string) => string): string {
    const dir = handWrittenOut({ a: accountJson(OWNER, {}) });
    const outside = path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`);
    fs.writeFileSync(outside, SECRET);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    manifest.stacks.a.synthesizedStackPath = target(outside);
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    return dir;
  }

  test.each([
    ['a relative path that climbs out', () => '../../../etc/passwd'],
    ['a relative path to a file beside the folder', (outside: string) => `../${path.basename(outside)}`],
    ['an absolute path', (outside: string) => outside],
  ])('%s: refused unread, naming the manifest and the stack', (_, target) => {
    const dir = pointing(target);
    const relative = target(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`));
    expect(refused(dir)).toBe(
      `cdktf-xaccount: ${path.join(dir, 'manifest.json')}: stack "a" has synthesizedStackPath ` +
        `${JSON.stringify(relative)}, which leaves the output folder (stacks must be read from inside it)`,
    );
  });

  test('a symbolic link inside the folder that leads out is refused too', () => {
    const dir = pointing(() => 'stacks/a/cdk.tf.json');
    const file = path.join(dir, 'stacks', 'a', 'cdk.tf.json');
    fs.rmSync(file);
    fs.symlinkSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), file);
    expect(refused(dir)).toContain('which leaves the output folder');
  });

  test('a stack file that is not JSON: the error never shows its bytes', () => {
    const dir = handWrittenOut({ a: accountJson(OWNER, {}) });
    fs.writeFileSync(path.join(dir, 'stacks', 'a', 'cdk.tf.json'), SECRET);
    const error = refused(dir);
    expect(error).toBe(
      `cdktf-xaccount: ${path.join(dir, 'stacks', 'a', 'cdk.tf.json')}: malformed JSON (not a JSON document)`,
    );
    expect(error).not.toContain('root:x');
  });
});

describe('malformed shapes name the file and the JSON path', () => {
  const file = (dir: string) => path.join(dir, 'stacks', 'a', 'cdk.tf.json');

  test.each(MALFORMED_STACKS)('%s', (_, json, problem) => {
    const dir = handWrittenOut({ a: { ...accountJson(OWNER, {}), ...json } });
    expect(() => AccessGraph.fromSynthOutput(dir)).toThrow(`${file(dir)}: ${problem}`);
    expect(refused(dir)).toBe(`cdktf-xaccount: ${file(dir)}: ${problem}`);
  });

  test('a manifest whose stacks are not objects', () => {
    const dir = handWrittenOut({ a: accountJson(OWNER, roleResources('r', trusted)) });
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ stacks: { a: 'stacks/a/cdk.tf.json' } }));
    expect(refused(dir)).toBe(
      `cdktf-xaccount: ${path.join(dir, 'manifest.json')}: stacks.a is "stacks/a/cdk.tf.json", expected an object`,
    );
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ stacks: { a: { synthesizedStackPath: 1 } } }));
    expect(refused(dir)).toBe(
      `cdktf-xaccount: ${path.join(dir, 'manifest.json')}: stacks.a.synthesizedStackPath is 1, expected a string`,
    );
  });

  test('well-formed input still reads', () => {
    const dir = handWrittenOut({ a: accountJson(OWNER, roleResources('r', trusted)) });
    expect(AccessGraph.fromSynthOutput(dir).roles.map((r) => r.arn)).toEqual([`acs:ram::${OWNER}:role/r`]);
    expect(cli(dir).code).toBe(0);
  });
});
