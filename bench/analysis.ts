// Analysis of one synthesized output, in its own process:
//   node -r ts-node/register/transpile-only bench/analysis.ts <cdktf.out dir> <runs>
// times (a) the floor: reading the manifest and JSON.parse-ing every stack file, and (b) ours: building
// the access graph and writing the report; prints one JSON line with both medians (wall and CPU time).
import * as fs from 'fs';
import * as path from 'path';
import { AccessGraph, AccessReport } from '../lib';

const [dir, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 5);

function floor(): number {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  let size = 0;
  for (const stack of Object.values(manifest.stacks as { [n: string]: { synthesizedStackPath: string } })) {
    size += Object.keys(JSON.parse(fs.readFileSync(path.join(dir, stack.synthesizedStackPath), 'utf8'))).length;
  }
  return size;
}

function ours(): number {
  const report = AccessReport.fromGraph(AccessGraph.fromSynthOutput(dir)).toMarkdown();
  fs.writeFileSync(path.join(dir, 'access-report.md'), report);
  return report.length;
}

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Wall and process CPU time (user + system) of `runs` runs after a warm-up: medians and the wall times. */
function median(fn: () => number): { medianMs: number; cpuMedianMs: number; runsMs: number[] } {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    fn();
    const used = process.cpuUsage(cpuStart);
    if (i > 0) {
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      cpu.push((used.user + used.system) / 1e3);
    }
  }
  return { medianMs: middle(times), cpuMedianMs: middle(cpu), runsMs: times.map((t) => Math.round(t)) };
}

const floorResult = median(floor);
const oursResult = median(ours);
console.log(
  JSON.stringify({
    floor: floorResult,
    ours: oursResult,
    reportBytes: fs.statSync(path.join(dir, 'access-report.md')).size,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
