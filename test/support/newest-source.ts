import * as fs from 'fs';
import * as path from 'path';

/**
 * The newest modification time (ms) of the files at `paths` (folders recursively, without the generated
 * bindings in lib/.gen): what a build output must be newer than to be current. Missing paths count 0.
 */
export function newestSource(...paths: string[]): number {
  return Math.max(
    0,
    ...paths.map((p) => {
      if (!fs.existsSync(p)) return 0;
      const stat = fs.statSync(p);
      if (!stat.isDirectory()) return stat.mtimeMs;
      return newestSource(
        ...fs
          .readdirSync(p)
          .filter((name) => name !== '.gen')
          .map((name) => path.join(p, name)),
      );
    }),
  );
}
