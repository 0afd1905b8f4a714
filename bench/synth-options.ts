// What a user gains on synthesis by how they run their app, at one N (BENCH_OPTIONS_N, default 1,000):
// ts-node (as `cdktf synth` runs a TypeScript app) or precompiled JavaScript run by plain node, each
// with cdktf's default stack traces and with `new App({ stackTraces: false })`, on this Node and on
// Node 22 when `node scripts/node22.js` has installed it. Compile as `npm run bench` does, then:
// node .bench-build/bench/synth-options.js   (prints a markdown table and JSON)
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const n = Number(process.env.BENCH_OPTIONS_N ?? 1000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const node22 = path.join(root, '.cache', 'node22', 'node_modules', 'node', 'bin', 'node');

interface Run {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}

function once(node: string, tsNode: boolean, variant: string): Run {
  const hooks = tsNode ? ['-r', 'ts-node/register/transpile-only'] : [];
  const out = execFileSync(
    node,
    ['--max-old-space-size=8192', ...hooks, path.join(__dirname, 'measure.js'), variant, String(n)],
    {
      cwd: root,
      env: { ...process.env, NODE_PATH: path.join(root, 'bench', 'node_modules') },
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const nodes: [string, string][] = [[`Node ${process.version}`, process.execPath]];
if (fs.existsSync(node22))
  nodes.push([`Node ${execFileSync(node22, ['--version'], { encoding: 'utf8' }).trim()}`, node22]);
const cases: [string, string, boolean, string][] = nodes.flatMap(
  ([label, node]): [string, string, boolean, string][] => [
    [`${label}, ts-node, stack traces (the default)`, node, true, 'ours'],
    [`${label}, ts-node, stackTraces: false`, node, true, 'ours-no-stack-traces'],
    [`${label}, precompiled (node), stack traces`, node, false, 'ours'],
    [`${label}, precompiled (node), stackTraces: false`, node, false, 'ours-no-stack-traces'],
  ],
);
const results = cases.map(([label, node, tsNode, variant]) => {
  once(node, tsNode, variant); // warm-up
  const times = Array.from({ length: runs }, () => once(node, tsNode, variant));
  return {
    label,
    medianMs: median(times.map((t) => t.ms)),
    medianCpuMs: median(times.map((t) => t.cpuMs)),
    maxRssMb: Math.max(...times.map((t) => t.maxRssMb)),
  };
});
const base = results[0];
console.log(
  `| how the app runs (N=${n}) | synthesis, wall (median of ${runs}) | CPU time | peak RSS | CPU vs default |`,
);
console.log('| --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| ${r.label} | ${r.medianMs.toFixed(0)} ms | ${r.medianCpuMs.toFixed(0)} ms | ${r.maxRssMb.toFixed(0)} MB | ${(r.medianCpuMs / base.medianCpuMs).toFixed(2)} |`,
  );
}
console.log(JSON.stringify({ n, runs, results }));
