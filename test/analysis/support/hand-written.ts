import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A hand-written stack: its account and its resources by type and name (policy documents as objects). */
export interface HandStack {
  readonly account: string;
  readonly resources: { [type: string]: { [name: string]: { [attribute: string]: unknown } } };
}

const DOCUMENTS = new Set(['assume_role_policy_document', 'policy_document']);

/** The `cdk.tf.json` of a hand-written stack, as another tool or a user could write it. */
export function stackJson(stack: HandStack): object {
  const resource: { [type: string]: { [name: string]: { [attribute: string]: unknown } } } = {};
  for (const [type, byName] of Object.entries(stack.resources)) {
    resource[type] = {};
    for (const [name, body] of Object.entries(byName)) {
      resource[type][name] = Object.fromEntries(
        Object.entries(body).map(([k, v]) => [k, DOCUMENTS.has(k) && typeof v !== 'string' ? JSON.stringify(v) : v]),
      );
    }
  }
  return { provider: { alicloud: [{ account_id: stack.account, region: 'cn-hangzhou' }] }, resource };
}

/** Writes a `cdktf.out` folder (manifest and one `cdk.tf.json` per stack) and returns it. */
export function writeOut(stacks: { [name: string]: HandStack }, dir?: string): string {
  const out = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'xaccount-hand-'));
  const manifest: { stacks: { [name: string]: { synthesizedStackPath: string } } } = { stacks: {} };
  for (const [name, stack] of Object.entries(stacks)) {
    const relative = `stacks/${name}/cdk.tf.json`;
    fs.mkdirSync(path.join(out, 'stacks', name), { recursive: true });
    fs.writeFileSync(path.join(out, relative), JSON.stringify(stackJson(stack)));
    manifest.stacks[name] = { synthesizedStackPath: relative };
  }
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
  return out;
}

/** A policy document of statements. */
export function doc(...statements: object[]): object {
  return { Statement: statements, Version: '1' };
}
