// What a user gains on synthesis by how they run their app, at one N (BENCH_OPTIONS_N, default 1,000):
// ts-node (as `cdktf synth` runs a TypeScript app) or precompiled JavaScript run by plain node, each
// with cdktf's default stack traces and with `new App({ stackTraces: false })`. Compile as `npm run
// bench` does, then: node .bench-build/bench/synth-options.js   (prints a markdown table and JSON)
import { execFileSync } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const n = Number(process.env.BENCH_OPTIONS_N ?? 1000);
const runs = Number(process.env.BENCH_RUNS ?? 5);

function once(tsNode: boolean, variant: string): { ms: number; maxRssMb: number } {
  const hooks = tsNode ? ['-r', 'ts-node/register/transpile-only'] : [];
  const out = execFileSync(
    process.execPath,
    ['--max-old-space-size=8192', ...hooks, path.join(__dirname, 'measure.js'), variant, String(n)],
    {
      cwd: root,
      env: { ...process.env, NODE_PATH: path.join(root, 'bench', 'node_modules') },
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

const cases: [string, boolean, string][] = [
  ['ts-node, stack traces (the default)', true, 'ours'],
  ['ts-node, stackTraces: false', true, 'ours-no-stack-traces'],
  ['precompiled (node), stack traces', false, 'ours'],
  ['precompiled (node), stackTraces: false', false, 'ours-no-stack-traces'],
];
const results = cases.map(([label, tsNode, variant]) => {
  once(tsNode, variant); // warm-up
  const times = Array.from({ length: runs }, () => once(tsNode, variant));
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  return {
    label,
    medianMs: sorted[Math.floor(sorted.length / 2)],
    maxRssMb: Math.max(...times.map((t) => t.maxRssMb)),
  };
});
const base = results[0].medianMs;
console.log(`| how the app runs (N=${n}) | synthesis (median of ${runs}) | peak RSS | vs default |`);
console.log('| --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| ${r.label} | ${r.medianMs.toFixed(0)} ms | ${r.maxRssMb.toFixed(0)} MB | ${(r.medianMs / base).toFixed(2)} |`,
  );
}
console.log(JSON.stringify({ n, runs, results }));
