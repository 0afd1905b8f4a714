// One measurement in its own process, so that peak RSS belongs to it alone:
//   node -r ts-node/register/transpile-only bench/measure.ts <variant> <n> <runs>
// prints {"variant","n","runsMs":[...],"medianMs","maxRssMb"} as one JSON line.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { floorDocuments, synthAwsCdk, synthFloor, synthOurs } from './variants';

const [variant, nText, runsText] = process.argv.slice(2);
const n = Number(nText);
const runs = Number(runsText ?? 5);
const docs = variant === 'floor' ? floorDocuments(n) : undefined;
const synth: (outdir: string) => void =
  variant === 'ours'
    ? (o) => synthOurs(n, o)
    : variant === 'floor'
      ? (o) => synthFloor(n, o, docs!)
      : (o) => synthAwsCdk(n, o);

const times: number[] = [];
for (let i = 0; i <= runs; i++) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${variant}-`));
  const start = process.hrtime.bigint();
  synth(outdir);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (i > 0) times.push(ms); // run 0 is the warm-up
  if (variant === 'ours' && process.env.BENCH_KEEP_OUT && i === runs) fs.renameSync(outdir, process.env.BENCH_KEEP_OUT);
  else fs.rmSync(outdir, { recursive: true, force: true });
}
const sorted = [...times].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    variant,
    n,
    runsMs: times.map((t) => Math.round(t)),
    medianMs: sorted[Math.floor(sorted.length / 2)],
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
