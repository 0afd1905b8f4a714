import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * The README's TypeScript quickstart (examples/quickstart/main.ts, which builds its own `App`)
 * synthesized into a fresh folder, as `cdktf synth` would run it; returns the folder.
 */
export async function quickstartOut(): Promise<string> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'quickstart-'));
  process.env.CDKTF_OUTDIR = outdir;
  try {
    await jest.isolateModulesAsync(async () => {
      await import('../../examples/quickstart/main');
    });
  } finally {
    delete process.env.CDKTF_OUTDIR;
  }
  return outdir;
}
