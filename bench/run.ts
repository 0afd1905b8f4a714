// `npm run bench`: synthesis at the scale of a platform team (ours, the L1 floor and AWS CDK aws-iam,
// side by side in one run), analysis of the large outputs against the JSON read floor, and evaluator
// throughput. Prints a table and writes docs/benchmarks.md. Ratios only; no timing assertions anywhere.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Compiled once (bench/run.ts runs from .bench-build/bench); children load the compiled library
// under ts-node's hooks, as a `cdktf synth` of a TypeScript app does, without paying its compile each time.
const root = path.resolve(__dirname, '..', '..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const sizes = (process.env.BENCH_SIZES ?? '10,100,500,1000,5000').split(',').map(Number);
const variants = ['ours', 'floor', 'aws'];

interface Synth {
  variant: string;
  n: number;
  runsMs: number[];
  medianMs: number;
  /** Median CPU time (user + system) of the synthesis: less sensitive than wall time to a shared machine's load. */
  medianCpuMs: number;
  maxRssMb: number;
}

function child(script: string, args: string[], env: { [k: string]: string } = {}): string {
  const out = execFileSync(
    process.execPath,
    ['--max-old-space-size=8192', '-r', 'ts-node/register/transpile-only', path.join(__dirname, script), ...args],
    {
      cwd: root,
      // AWS CDK lives in bench/node_modules; the library's own constructs and cdktf stay the root's.
      env: { ...process.env, NODE_PATH: path.join(root, 'bench', 'node_modules'), ...env },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return out.trim().split('\n').pop()!;
}

/** `runs` measured processes (after the variant's warm-up): the median time and the highest peak RSS. */
function measureSynth(variant: string, n: number, env: { [k: string]: string }): Synth {
  const results = Array.from(
    { length: runs },
    (_, i) =>
      JSON.parse(child('measure.js', [variant, String(n)], i === runs - 1 ? env : {})) as {
        ms: number;
        cpuMs: number;
        maxRssMb: number;
      },
  );
  const times = results.map((r) => r.ms);
  const sorted = [...times].sort((a, b) => a - b);
  const cpu = results.map((r) => r.cpuMs).sort((a, b) => a - b);
  return {
    variant,
    n,
    runsMs: times.map((t) => Math.round(t)),
    medianMs: sorted[Math.floor(sorted.length / 2)],
    medianCpuMs: cpu[Math.floor(cpu.length / 2)],
    maxRssMb: Math.max(...results.map((r) => r.maxRssMb)),
  };
}

const started = Date.now();
const synth: Synth[] = [];
const keep: { [n: number]: string } = {};
// One warm-up run per variant (disk and page caches, the compiled files); each measured run is then a
// fresh process like every `cdktf synth`. N=500 serves only time(5,000)/time(500), so only ours runs it.
for (const variant of variants) child('measure.js', [variant, '10']);
for (const n of sizes) {
  for (const variant of n === 500 ? ['ours'] : variants) {
    const env: { [k: string]: string } = {};
    if (variant === 'ours' && n >= 1000) {
      keep[n] = path.join(os.tmpdir(), `bench-ours-${n}-${process.pid}`);
      env.BENCH_KEEP_OUT = keep[n];
    }
    const result = measureSynth(variant, n, env);
    synth.push(result);
    console.log(
      `synth ${variant.padEnd(5)} N=${String(n).padStart(4)}: median ${result.medianMs.toFixed(0)} ms (runs ${result.runsMs.join(', ')}), CPU ${result.medianCpuMs.toFixed(0)} ms, peak RSS ${result.maxRssMb.toFixed(0)} MB; load ${os.loadavg()[0].toFixed(1)}`,
    );
  }
}

const analysis: { n: number; floorMs: number; oursMs: number; reportBytes: number; maxRssMb: number }[] = [];
for (const n of Object.keys(keep).map(Number)) {
  const r = JSON.parse(child('analysis.js', [keep[n], String(runs)]));
  analysis.push({
    n,
    floorMs: r.floor.medianMs,
    oursMs: r.ours.medianMs,
    reportBytes: r.reportBytes,
    maxRssMb: r.maxRssMb,
  });
  console.log(
    `analysis N=${n}: report ${r.ours.medianMs.toFixed(0)} ms vs JSON read floor ${r.floor.medianMs.toFixed(0)} ms`,
  );
  fs.rmSync(keep[n], { recursive: true, force: true });
}
const evaluator = JSON.parse(child('evaluator.js', []));

const at = (variant: string, n: number) => synth.find((s) => s.variant === variant && s.n === n)?.medianMs;
const cpuAt = (variant: string, n: number) => synth.find((s) => s.variant === variant && s.n === n)?.medianCpuMs;
const rssAt = (variant: string, n: number) => synth.find((s) => s.variant === variant && s.n === n)?.maxRssMb;
const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined ? (a / b).toFixed(2) : 'n/a');
const rows = sizes.map((n) => [
  String(n),
  ...variants.map((v) => {
    const result = synth.find((s) => s.variant === v && s.n === n);
    if (!result) return '– (not run at this size)';
    const spread = `${Math.min(...result.runsMs)}-${Math.max(...result.runsMs)}`;
    return `${result.medianMs.toFixed(0)} ms (${spread}) / CPU ${result.medianCpuMs.toFixed(0)} ms / ${result.maxRssMb.toFixed(0)} MB`;
  }),
  ratio(at('ours', n), at('floor', n)),
  ratio(at('ours', n), at('aws', n)),
]);
const table = [
  '| N roles | ours (median wall (min-max) / median CPU / peak RSS) | L1 floor | AWS CDK aws-iam | ours/floor | ours/AWS CDK |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const growth = ratio(at('ours', 5000), at('ours', 500));
const analysisTable = [
  '| N roles | access graph + report | JSON read floor | ratio | report size | peak RSS |',
  '| --- | --- | --- | --- | --- | --- |',
  ...analysis.map(
    (a) =>
      `| ${a.n} | ${a.oursMs.toFixed(0)} ms | ${a.floorMs.toFixed(0)} ms | ${(a.oursMs / a.floorMs).toFixed(2)} | ${(a.reportBytes / 1024).toFixed(0)} KiB | ${a.maxRssMb.toFixed(0)} MB |`,
  ),
].join('\n');
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
const summary = [
  `- ours/floor: ${ratio(at('ours', 1000), at('floor', 1000))} at N=1,000 and ${ratio(at('ours', 5000), at('floor', 5000))} at N=5,000 (target ≤ 1.3)`,
  `- growth: time(5,000)/time(500) = ${growth} (target ≤ 11)`,
  `- in CPU time: ours/floor ${ratio(cpuAt('ours', 5000), cpuAt('floor', 5000))} and ours/AWS CDK ${ratio(cpuAt('ours', 5000), cpuAt('aws', 5000))} at N=5,000; growth ${ratio(cpuAt('ours', 5000), cpuAt('ours', 500))}`,
  `- peak RSS at N=5,000: ours/floor ${ratio(rssAt('ours', 5000), rssAt('floor', 5000))} (target ≤ 1.1)`,
  `- load average (1 min) when the measurements ended: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  `- ours/AWS CDK: ${sizes
    .filter((n) => at('aws', n) !== undefined)
    .map((n) => `${ratio(at('ours', n), at('aws', n))} at N=${n}`)
    .join(', ')} (target < 1)`,
  ...analysis.map(
    (a) => `- report/JSON read floor: ${(a.oursMs / a.floorMs).toFixed(2)} at N=${a.n} (target ≤ 5 at N=5,000)`,
  ),
  `- evaluator: ${evaluator.evaluatePerSecond.toLocaleString('en-US')} evaluate() requests/s and ${evaluator.assumeRolePerSecond.toLocaleString('en-US')} evaluateAssumeRole() requests/s on the flagship policies`,
].join('\n');

console.log(
  `\n${table}\n\n${analysisTable}\n\n${summary}\n\n${machine}; ${runs} runs after a warm-up; ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
);

const docFile = path.join(root, 'docs', 'benchmarks.md');
const previous = fs.existsSync(docFile) ? fs.readFileSync(docFile, 'utf8') : '';
const history = /<!-- history -->([\s\S]*)$/.exec(previous)?.[1] ?? '\n';
fs.writeFileSync(
  docFile,
  `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}. Every synthesis number is the median of
${runs} runs after a warm-up run, each run in a fresh process as \`cdktf synth\` runs an app (peak RSS: the highest of the
runs), all measured in the same \`npm run bench\`, whose measurements took ${((Date.now() - started) / 1000).toFixed(0)} s. Timings include
writing the output files. Workload per partner: a role trusted by the partner's account, a ScopedLogPolicy (write and
consume one logstore) and one system policy attachment in the owner stack, and one AssumeRole grant in a partner stack.
The floor writes the same Terraform resources and attributes (descriptions, every resource depending on its stack's
caller-identity read) with the generated L1 bindings as an L1 user would, and precomputed JSON; AWS CDK writes a
Role with an AccountPrincipal, a ManagedPolicy with equivalent statements and the same grants, in stacks of 250 partners
(CloudFormation's 500-resource limit, which an AWS CDK user must respect; one stack of 5,000 roles cannot deploy). Apps run through ts-node, as \`cdktf synth\` runs them.

## Synthesis

${table}

## Analysis

${analysisTable}

## Against the targets

${summary}

<!-- history -->${history}`,
);
console.log(`wrote ${path.relative(root, docFile)}`);
