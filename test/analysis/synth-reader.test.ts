import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AccessGraph } from '../../lib/analysis';

// What the reader of a cdktf.out folder says about a folder or a manifest it cannot use: one message,
// naming the file, each word of which a user acts on (input-untrusted.test.ts covers the stacks' shapes).

/** A folder holding `manifest.json` with this text (no manifest for undefined). */
function folder(manifest?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaccount-reader-'));
  if (manifest !== undefined) fs.writeFileSync(path.join(dir, 'manifest.json'), manifest);
  return dir;
}
const errorOf = (dir: string): string => {
  try {
    AccessGraph.fromSynthOutput(dir);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('readSynthOutput', () => {
  test('a folder that does not exist, or a file given as the folder', () => {
    const dir = folder();
    const why = 'no such directory (run `cdktf synth` first, or name the cdktf.out folder)';
    expect(errorOf(path.join(dir, 'nope'))).toBe(`${path.join(dir, 'nope')}: ${why}`);
    fs.writeFileSync(path.join(dir, 'file'), '{}');
    expect(errorOf(path.join(dir, 'file'))).toBe(`${path.join(dir, 'file')}: ${why}`);
  });

  test('a folder without a manifest', () => {
    const dir = folder();
    expect(errorOf(dir)).toBe(`${path.join(dir, 'manifest.json')}: not found (is this a cdktf.out folder?)`);
  });

  test.each([
    ['{\n  "stacks": {\n    x\n}', 'malformed JSON (at line 3, column 5)'],
    ['{"stacks": {', 'malformed JSON (at line 1, column 13)'],
    ['{"stacks": x}', 'malformed JSON (not a JSON document)'],
    ['{"stacks":', 'malformed JSON (unexpected end of input)'],
    ['[1, 2]', 'malformed JSON (expected an object)'],
    ['"stacks"', 'malformed JSON (expected an object)'],
    ['{"stacks": []}', 'stacks is an array, expected an object'],
    [
      '{"stacks": "a long string of more than forty characters, cut"}',
      'stacks is "a long string of more than forty cha..., expected an object',
    ],
    ['{"stacks": 12}', 'stacks is 12, expected an object'],
    ['{"stacks": {}}', 'no stacks (nothing to analyse)'],
    ['{}', 'no stacks (nothing to analyse)'],
    ['{"stacks": {"a": null}}', 'stacks.a is null, expected an object'],
    ['{"stacks": {"a": [1]}}', 'stacks.a is an array, expected an object'],
    ['{"stacks": {"a": {}}}', 'stack "a" has no synthesizedStackPath'],
    ['{"stacks": {"a": {"synthesizedStackPath": 3}}}', 'stacks.a.synthesizedStackPath is 3, expected a string'],
    [
      '{"stacks": {"a": {"synthesizedStackPath": {}}}}',
      'stacks.a.synthesizedStackPath is an object, expected a string',
    ],
  ])('manifest %j: %s', (manifest, why) => {
    const dir = folder(manifest);
    expect(errorOf(dir)).toBe(`${path.join(dir, 'manifest.json')}: ${why}`);
  });

  test('a stack file that is missing, or a folder', () => {
    const dir = folder('{"stacks": {"a": {"synthesizedStackPath": "stacks/a/cdk.tf.json"}}}');
    const file = path.join(dir, 'stacks', 'a', 'cdk.tf.json');
    expect(errorOf(dir)).toBe(`${file}: cannot be read (missing file?)`);
    fs.mkdirSync(file, { recursive: true });
    expect(errorOf(dir)).toBe(`${file}: cannot be read (missing file?)`);
  });

  test('the manifest folder itself is not a stack path', () => {
    const dir = folder('{"stacks": {"a": {"synthesizedStackPath": "."}}}');
    expect(errorOf(dir)).toBe(
      `${path.join(dir, 'manifest.json')}: stack "a" has synthesizedStackPath ".", which leaves the output folder (stacks must be read from inside it)`,
    );
  });

  test('stacks are read in name order, whatever the manifest order', () => {
    const dir = folder(
      JSON.stringify({ stacks: { b: { synthesizedStackPath: 'b.json' }, a: { synthesizedStackPath: 'a.json' } } }),
    );
    fs.writeFileSync(path.join(dir, 'a.json'), '{}');
    fs.writeFileSync(path.join(dir, 'b.json'), '{}');
    expect(AccessGraph.fromSynthOutput(dir).stacks.map((s) => s.name)).toEqual(['a', 'b']);
  });
});
