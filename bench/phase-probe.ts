import { AccessGraph, AccessReport } from '../lib';
const dir = process.argv[2];
for (let i = 0; i < 8; i++) {
  const t0 = process.hrtime.bigint();
  const g = AccessGraph.fromSynthOutput(dir);
  const t1 = process.hrtime.bigint();
  const r = AccessReport.fromGraph(g);
  const t2 = process.hrtime.bigint();
  const md = r.toMarkdown();
  const t3 = process.hrtime.bigint();
  const ms = (a: bigint, b: bigint) => (Number(b - a) / 1e6).toFixed(1);
  if (i > 2) console.log(`graph ${ms(t0, t1)} findings ${ms(t1, t2)} markdown ${ms(t2, t3)} (${md.length})`);
}
