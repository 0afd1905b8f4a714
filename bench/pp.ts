import * as fs from 'fs';
import { PolicyDocument } from '../lib';
const dir = process.argv[2];
const docs: string[] = [];
for (const s of ['owner', 'partners']) {
  const j = JSON.parse(fs.readFileSync(`${dir}/stacks/${s}/cdk.tf.json`, 'utf8'));
  for (const r of Object.values(j.resource.alicloud_ram_role ?? {}) as { assume_role_policy_document: string }[])
    docs.push(r.assume_role_policy_document);
  for (const r of Object.values(j.resource.alicloud_ram_policy ?? {}) as { policy_document: string }[])
    docs.push(r.policy_document);
}
for (let i = 0; i < 6; i++) {
  const t = process.hrtime.bigint();
  for (const d of docs) PolicyDocument.fromJson(d);
  const t2 = process.hrtime.bigint();
  for (const d of docs) JSON.parse(d);
  console.log(
    docs.length,
    'fromJson',
    (Number(t2 - t) / 1e6).toFixed(0),
    'JSON.parse',
    (Number(process.hrtime.bigint() - t2) / 1e6).toFixed(0),
  );
}
