import { isObject, JsonObject, RawStack, shapeOf } from './synth-reader';

/** The account of every `alicloud` provider of a stack, and of the resources that use them. */
export interface ProviderAccounts {
  /** The account of the default (un-aliased) provider, when known. */
  readonly defaultAccount?: string;
  /** Every known account of the stack's providers, sorted. */
  readonly accounts: string[];
  /** The account of a resource or data source: that of the provider its `provider` attribute names. */
  accountOf(body: JsonObject, where: string): string | undefined;
}

const DEFAULT = 'alicloud';
// The exact form AccountGuard writes (guard-contract §1): anything looser could be skipped.
const GUARD = /^\$\{self\.account_id == "(\d+)"\}$/;
const ROLE_ARN_ACCOUNT = /^acs:ram::(\d+):role\/[^${}]+$/;

/** Every string inside a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  return isObject(value) ? Object.values(value).flatMap(strings) : [];
}

/** A provider's reference name: `alicloud` or `alicloud.<alias>`. */
function nameOf(alias: unknown): string {
  return typeof alias === 'string' ? `${DEFAULT}.${alias}` : DEFAULT;
}

/**
 * Works out each provider's account (guard-contract §4): a literal `assume_role.role_arn` fixes it; else
 * the account an account guard of the provider expects (§2: the guard reads through the provider, or
 * the provider's configuration references the guard's read); else a literal `account_id`. Sources that
 * disagree are an error, never a silent pick.
 */
export function providerAccounts(raw: RawStack, fail: (problem: string) => never): ProviderAccounts {
  const json = raw.json;
  const declared = isObject(json.provider) ? json.provider[DEFAULT] : undefined;
  if (json.provider !== undefined && !isObject(json.provider))
    fail(`provider ${shapeOf(json.provider)}, expected an object`);
  if (declared !== undefined && !isObject(declared) && !Array.isArray(declared)) {
    fail(`provider.alicloud ${shapeOf(declared)}, expected an object or an array`);
  }
  const blocks = (declared === undefined ? [] : Array.isArray(declared) ? declared : [declared]).map((b, i) =>
    isObject(b) ? b : fail(`provider.alicloud[${i}] ${shapeOf(b)}, expected an object`),
  );
  const byName = new Map<string, JsonObject>();
  for (const block of blocks) {
    const name = nameOf(block.alias);
    if (block.alias !== undefined && typeof block.alias !== 'string')
      fail(`provider.alicloud alias ${shapeOf(block.alias)}, expected a string`);
    if (byName.has(name)) fail(`provider.alicloud has two blocks named ${name}`);
    byName.set(name, block);
  }

  // Guards: data.alicloud_caller_identity.<name> with the exact postcondition, and the provider it reads through.
  const data = isObject(json.data) ? json.data : {};
  const reads = isObject(data.alicloud_caller_identity) ? data.alicloud_caller_identity : {};
  const guards: { name: string; provider: string; accountId: string }[] = [];
  for (const [name, read] of Object.entries(reads)) {
    if (!isObject(read)) fail(`data.alicloud_caller_identity.${name} ${shapeOf(read)}, expected an object`);
    const lifecycle = isObject(read.lifecycle) ? read.lifecycle : {};
    const checks = Array.isArray(lifecycle.postcondition) ? lifecycle.postcondition : [];
    for (const check of checks) {
      const match = isObject(check) && typeof check.condition === 'string' ? GUARD.exec(check.condition) : null;
      if (match)
        guards.push({
          name,
          provider: providerName(read, `data.alicloud_caller_identity.${name}`),
          accountId: match[1],
        });
    }
  }

  function providerName(body: JsonObject, where: string): string {
    const named = body.provider;
    if (named === undefined) return DEFAULT;
    if (typeof named !== 'string' || !/^alicloud(\.[A-Za-z0-9_-]+)?$/.test(named)) {
      return fail(`${where}.provider ${shapeOf(named)}, expected "alicloud" or "alicloud.<alias>"`);
    }
    return named;
  }

  const accountByName = new Map<string, string | undefined>();
  for (const name of new Set([DEFAULT, ...byName.keys()])) {
    const block = byName.get(name) ?? {};
    const where =
      name === DEFAULT ? 'provider.alicloud (default)' : `provider.alicloud (alias ${name.slice(DEFAULT.length + 1)})`;
    const assumeRole = Array.isArray(block.assume_role) ? block.assume_role[0] : block.assume_role;
    const roleArn = isObject(assumeRole) && typeof assumeRole.role_arn === 'string' ? assumeRole.role_arn : undefined;
    const configuration = strings(block);
    const sources: [string, string][] = [];
    const fromRole = roleArn === undefined ? undefined : ROLE_ARN_ACCOUNT.exec(roleArn)?.[1];
    if (fromRole) sources.push([`assume_role role_arn "${roleArn}"`, fromRole]);
    for (const guard of guards) {
      const reference = new RegExp(
        `data\\.alicloud_caller_identity\\.${guard.name.replace(/[^A-Za-z0-9_-]/g, '\\$&')}\\b`,
      );
      if (guard.provider === name || configuration.some((s) => reference.test(s))) {
        sources.push([`account guard data.alicloud_caller_identity.${guard.name}`, guard.accountId]);
      }
    }
    if (typeof block.account_id === 'string' && /^\d+$/.test(block.account_id)) {
      sources.push(['account_id', block.account_id]);
    }
    const disagreeing = sources.filter((s) => s[1] !== sources[0][1]);
    if (disagreeing.length > 0) {
      fail(
        `${where}: ${sources.map(([what, id]) => `${what} says account ${id}`).join(', ')}; ` +
          'they must agree (the guard would stop the plan, or the calls go to another account than the checks)',
      );
    }
    accountByName.set(name, sources[0]?.[1]);
  }
  const accounts = Array.from(
    new Set(Array.from(accountByName.values()).filter((a): a is string => a !== undefined)),
  ).sort();
  return {
    defaultAccount: accountByName.get(DEFAULT),
    accounts,
    accountOf(body: JsonObject, where: string): string | undefined {
      const name = providerName(body, where);
      if (name !== DEFAULT && !byName.has(name))
        fail(`${where}.provider "${name}" names no provider block of this stack`);
      return accountByName.get(name);
    },
  };
}
