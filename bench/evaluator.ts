// Evaluator throughput on the flagship's policies: requests per second of PolicyEvaluator.evaluate
// and of evaluateAssumeRole, each run for about a second after a warm-up.
import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildLogServicePartnerApp } from '../examples/log-service-partner/stacks';
import { readEnvironment } from '../examples/shared/environment';
import { AccessGraph, AccessRequest, PolicyEvaluator } from '../lib';

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-eval-'));
const app = new App({ outdir });
buildLogServicePartnerApp(app, readEnvironment({}));
app.synth();
const graph = AccessGraph.fromSynthOutput(outdir);
const role = graph.roles[0];
const docs = graph.policyDocumentsOf(role);
const user = graph.users[0];
const grant = graph.identityPoliciesOf(user);
const store = 'acs:log:cn-hangzhou:1000000000000001:project/shared-app-logs/logstore/app-events';
const requests: AccessRequest[] = [
  { action: 'log:PostLogStoreLogs', resource: store },
  { action: 'log:PostLogStoreLogs', resource: store.replace('app-events', 'other') },
  { action: 'log:ConsumerGroupHeartBeat', resource: `${store}/consumergroup/partner-b-consumer` },
  { action: 'log:GetLogStoreLogs', resource: store },
];

function rate(fn: (i: number) => void): number {
  for (let i = 0; i < 20000; i++) fn(i); // warm-up
  let count = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < 1e9) {
    for (let i = 0; i < 1000; i++) fn(count++);
    elapsed = Number(process.hrtime.bigint() - start);
  }
  return Math.round((count / elapsed) * 1e9);
}

console.log(
  JSON.stringify({
    evaluatePerSecond: rate((i) => PolicyEvaluator.evaluate(docs, requests[i % requests.length])),
    assumeRolePerSecond: rate(() => PolicyEvaluator.evaluateAssumeRole(grant, role.trustPolicy, user.arn, role.arn)),
  }),
);
