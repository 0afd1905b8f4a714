import * as fs from 'fs';
import * as path from 'path';
import { AnalysisInputError } from '../analysis-input-error';

/** A JSON object as read from a file. */
export type JsonObject = { [key: string]: unknown };

/** One synthesized stack: its name, its file and its parsed `cdk.tf.json`. */
export interface RawStack {
  readonly name: string;
  readonly file: string;
  readonly json: JsonObject;
}

/** True for a JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as an input error shows it: `is 123`, `is an array`, `is missing`; long strings are cut. */
export function shapeOf(value: unknown): string {
  if (value === undefined) return 'is missing';
  if (Array.isArray(value)) return 'is an array';
  if (isObject(value)) return 'is an object';
  const text = JSON.stringify(value);
  return `is ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
}

/**
 * Why a file is not JSON, without quoting it: the parser's own message may show the file's first bytes,
 * and the file may be anything a pull request points at.
 */
function whyNotJson(error: Error, text: string): string {
  const position = /at position (\d+)/.exec(error.message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    return `at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
  }
  return /end of JSON input/.test(error.message) ? 'unexpected end of input' : 'not a JSON document';
}

function readJson(file: string): JsonObject {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AnalysisInputError(file, 'cannot be read (missing file?)');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AnalysisInputError(file, `malformed JSON (${whyNotJson(e as Error, text)})`);
  }
  if (!isObject(json)) throw new AnalysisInputError(file, 'malformed JSON (expected an object)');
  return json;
}

/** Whether `file` (symbolic links followed) lies inside `dir`. */
function inside(dir: string, file: string): boolean {
  const real = (p: string): string => (fs.existsSync(p) ? fs.realpathSync(p) : path.resolve(p));
  const relative = path.relative(real(dir), real(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Reads `manifest.json` and every stack's `cdk.tf.json` of a `cdktf.out` folder. The manifest is input
 * like any other: a stack path must stay inside the folder (`../../../etc/passwd` is refused unread).
 */
export function readSynthOutput(dir: string): RawStack[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AnalysisInputError(dir, 'no such directory (run `cdktf synth` first, or name the cdktf.out folder)');
  }
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    throw new AnalysisInputError(manifestFile, 'not found (is this a cdktf.out folder?)');
  }
  const manifest = readJson(manifestFile);
  if (manifest.stacks !== undefined && !isObject(manifest.stacks)) {
    throw new AnalysisInputError(manifestFile, `stacks ${shapeOf(manifest.stacks)}, expected an object`);
  }
  const stacks: JsonObject = isObject(manifest.stacks) ? manifest.stacks : {};
  const names = Object.keys(stacks).sort();
  if (names.length === 0) throw new AnalysisInputError(manifestFile, 'no stacks (nothing to analyse)');
  return names.map((name) => {
    const entry = stacks[name];
    if (!isObject(entry)) {
      throw new AnalysisInputError(manifestFile, `stacks.${name} ${shapeOf(entry)}, expected an object`);
    }
    const relative = entry.synthesizedStackPath;
    if (relative === undefined)
      throw new AnalysisInputError(manifestFile, `stack "${name}" has no synthesizedStackPath`);
    if (typeof relative !== 'string') {
      throw new AnalysisInputError(
        manifestFile,
        `stacks.${name}.synthesizedStackPath ${shapeOf(relative)}, expected a string`,
      );
    }
    const file = path.join(dir, relative);
    if (path.isAbsolute(relative) || !inside(dir, file)) {
      throw new AnalysisInputError(
        manifestFile,
        `stack "${name}" has synthesizedStackPath ${JSON.stringify(relative)}, which leaves the output folder (stacks must be read from inside it)`,
      );
    }
    return { name, file, json: readJson(file) };
  });
}
