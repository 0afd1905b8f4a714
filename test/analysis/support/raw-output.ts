import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Writes a `cdktf.out` folder whose stacks are the given `cdk.tf.json` objects, written as they are (unlike
 * `writeOut` of hand-written.ts, no provider is added: a stack may have none, no account, or another
 * provider's blocks). Stack `i` of the list is written to `stacks/s<i>/cdk.tf.json`, so a stack's name
 * may hold any character. Returns the folder.
 */
export function writeRawOut(stacks: { [name: string]: object }): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'xaccount-raw-'));
  const manifest: { stacks: { [name: string]: { synthesizedStackPath: string } } } = { stacks: {} };
  Object.entries(stacks).forEach(([name, json], i) => {
    const relative = `stacks/s${i}/cdk.tf.json`;
    fs.mkdirSync(path.join(out, 'stacks', `s${i}`), { recursive: true });
    fs.writeFileSync(path.join(out, relative), JSON.stringify(json));
    manifest.stacks[name] = { synthesizedStackPath: relative };
  });
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
  return out;
}

/** The `provider` section of a stack with one default alicloud provider, of that account (none: no account). */
export function alicloudProvider(account?: string): object {
  return { alicloud: [account ? { account_id: account, region: 'cn-hangzhou' } : { region: 'cn-hangzhou' }] };
}

/** A policy document of statements, as the JSON string a `cdk.tf.json` holds. */
export function docJson(...statements: object[]): string {
  return JSON.stringify({ Statement: statements, Version: '1' });
}
