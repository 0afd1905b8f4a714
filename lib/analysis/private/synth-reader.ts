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
    throw new AnalysisInputError(file, `malformed JSON (${(e as Error).message})`);
  }
  if (!isObject(json)) throw new AnalysisInputError(file, 'malformed JSON (expected an object)');
  return json;
}

/** Reads `manifest.json` and every stack's `cdk.tf.json` of a `cdktf.out` folder. */
export function readSynthOutput(dir: string): RawStack[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AnalysisInputError(dir, 'no such directory (run `cdktf synth` first, or name the cdktf.out folder)');
  }
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    throw new AnalysisInputError(manifestFile, 'not found (is this a cdktf.out folder?)');
  }
  const manifest = readJson(manifestFile);
  const stacks = isObject(manifest.stacks) ? manifest.stacks : {};
  const names = Object.keys(stacks).sort();
  if (names.length === 0) throw new AnalysisInputError(manifestFile, 'no stacks (nothing to analyse)');
  return names.map((name) => {
    const entry = stacks[name];
    const relative =
      isObject(entry) && typeof entry.synthesizedStackPath === 'string' ? entry.synthesizedStackPath : undefined;
    if (!relative) throw new AnalysisInputError(manifestFile, `stack "${name}" has no synthesizedStackPath`);
    const file = path.join(dir, relative);
    return { name, file, json: readJson(file) };
  });
}
