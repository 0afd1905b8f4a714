import * as fs from 'fs';
import * as path from 'path';

/** A JavaScript, TypeScript or declaration import of cdktf or of a file of it (not the word cdktf). */
export const CDKTF_IMPORT = /(?:\brequire\(\s*|\bfrom\s+|\bimport\(\s*|^import\s+)["']cdktf(?:["']|\/)/m;

/** Every file below `dir` whose name ends with one of `endings`, relative to `dir`, sorted. */
export function filesBelow(dir: string, endings: string[]): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && endings.some((end) => e.name.endsWith(end)))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The files below `dir` (with one of `endings`) that import cdktf. */
export function importersOfCdktf(dir: string, endings: string[]): string[] {
  return filesBelow(dir, endings).filter((f) => CDKTF_IMPORT.test(fs.readFileSync(path.join(dir, f), 'utf8')));
}
