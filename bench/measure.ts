// One synthesis in a fresh process, as `cdktf synth` runs an app, so that neither its peak RSS nor its
// garbage (cdktf and AWS CDK keep every token in a global map) carries into the next run:
//   node bench/measure.js <variant> <n>      (compiled by bench/run.ts; runs under ts-node's hooks, or
//   without them for bench/synth-options.ts's precompiled case); variants: ours, ours-no-stack-traces, floor, aws
// prints {"variant","n","ms","cpuMs","maxRssMb"} as one JSON line.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { floorDocuments, synthAwsCdk, synthFloor, synthOurs } from './variants';

const [variant, nText] = process.argv.slice(2);
const n = Number(nText);
const docs = variant === 'floor' ? floorDocuments(n) : undefined;
const synth: (outdir: string) => void =
  variant === 'ours'
    ? (o) => synthOurs(n, o)
    : variant === 'ours-no-stack-traces'
      ? (o) => synthOurs(n, o, false)
      : variant === 'floor'
        ? (o) => synthFloor(n, o, docs!)
        : (o) => synthAwsCdk(n, o);

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${variant}-`));
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
synth(outdir);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
// CPU time (user + system) of the synthesis: on a shared machine it varies less than wall time.
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
if (variant === 'ours' && process.env.BENCH_KEEP_OUT) fs.renameSync(outdir, process.env.BENCH_KEEP_OUT);
else fs.rmSync(outdir, { recursive: true, force: true });
console.log(JSON.stringify({ variant, n, ms, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
