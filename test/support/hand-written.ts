import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A JSON value as written by hand. */
export type Json = { [key: string]: unknown };

/**
 * Writes a `cdktf.out`-shaped folder by hand (manifest plus one `stacks/<name>/cdk.tf.json` each): the
 * analysis reads any output a pull request brings, not only what our constructs synthesize.
 */
export function handWrittenOut(stacks: { [name: string]: Json }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaccount-hand-'));
  const manifest: Json = { version: '0.21.0', stacks: {} };
  for (const [name, json] of Object.entries(stacks)) {
    const relative = path.join('stacks', name, 'cdk.tf.json');
    fs.mkdirSync(path.join(dir, 'stacks', name), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), JSON.stringify(json));
    (manifest.stacks as Json)[name] = { name, synthesizedStackPath: relative };
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/** A policy document's JSON text, as `policy_document` and `assume_role_policy_document` hold it. */
export function policyText(...statements: Json[]): string {
  return JSON.stringify({ Version: '1', Statement: statements });
}

/** The guard AccountGuard writes: a caller-identity read whose postcondition expects `accountId`. */
export function guardRead(accountId: string, provider?: string): Json {
  return {
    ...(provider ? { provider } : {}),
    lifecycle: {
      postcondition: [{ condition: `\${self.account_id == "${accountId}"}`, error_message: 'wrong account' }],
    },
  };
}

/** A stack of one account (a provider and its guard) with the resources given. */
export function accountJson(accountId: string, resource: Json): Json {
  return {
    provider: { alicloud: [{ region: 'cn-hangzhou' }] },
    data: { alicloud_caller_identity: { guard: guardRead(accountId) } },
    resource,
  };
}

/** Resources of a role with a trust policy and, optionally, one custom policy attached. */
export function roleResources(roleName: string, trust: Json[], policy?: Json[], provider?: string): Json {
  const p = provider ? { provider } : {};
  const resources: Json = {
    alicloud_ram_role: { [roleName]: { ...p, role_name: roleName, assume_role_policy_document: policyText(...trust) } },
  };
  if (policy) {
    resources.alicloud_ram_policy = {
      [`${roleName}-policy`]: { ...p, policy_name: `${roleName}-policy`, policy_document: policyText(...policy) },
    };
    resources.alicloud_ram_role_policy_attachment = {
      [`${roleName}-attachment`]: {
        ...p,
        role_name: roleName,
        policy_name: `${roleName}-policy`,
        policy_type: 'Custom',
      },
    };
  }
  return resources;
}

/** A trust statement letting the principals in. */
export function trustStatement(principals: string[], condition?: Json): Json {
  return {
    Effect: 'Allow',
    Action: 'sts:AssumeRole',
    Principal: { RAM: principals },
    ...(condition ? { Condition: condition } : {}),
  };
}
