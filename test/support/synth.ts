import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AccountStack } from '../../lib';
import { OWNER } from './ids';

export { errorOf, OTHER, OWNER, PARTNER } from './ids';

/** One stack's synthesized Terraform JSON. */
export interface StackJson {
  resource?: { [type: string]: { [name: string]: { [attr: string]: unknown } } };
  data?: { [type: string]: { [name: string]: { [attr: string]: unknown } } };
  terraform?: { [key: string]: unknown };
  provider?: { [name: string]: unknown[] };
  output?: { [name: string]: { value: unknown } };
}

/** Synthesizes what `build` adds to a plain stack and returns the parsed JSON. */
export function synth(build: (scope: Construct) => void): StackJson {
  return JSON.parse(Testing.synthScope(build)) as StackJson;
}

/** Synthesizes an AccountStack (provider, backend, guard) built by `build`. */
export function synthAccountStack(build: (stack: AccountStack) => void, accountId = OWNER): StackJson {
  const app = Testing.app();
  const stack = new AccountStack(app, 'test', { accountId, region: 'cn-hangzhou' });
  build(stack);
  return JSON.parse(Testing.synth(stack)) as StackJson;
}

/** A plain stack, for tests that need a real scope and run `Testing.synth` themselves. */
export function plainStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'test');
}

/** Synthesizes a stack the test made. */
export function synthStack(stack: TerraformStack): StackJson {
  return JSON.parse(Testing.synth(stack)) as StackJson;
}

/** Every resource of a type, by Terraform name. */
export function resourcesOf(json: StackJson, type: string): { [name: string]: { [attr: string]: unknown } } {
  return json.resource?.[type] ?? {};
}

/** The only resource of a type; fails when there are none or several. */
export function onlyResource(json: StackJson, type: string): { [attr: string]: unknown } {
  const all = Object.values(resourcesOf(json, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** A policy document attribute parsed back into an object. */
export function parsed(value: unknown): unknown {
  if (typeof value !== 'string') throw new Error(`expected a JSON string, got ${typeof value}`);
  return JSON.parse(value);
}

/** A policy document pretty-printed from its parsed JSON, for readable snapshots. */
export function pretty(value: unknown): string {
  return JSON.stringify(parsed(value), undefined, 2);
}

/** A fresh app, for tests that build several stacks. */
export function newApp(): App {
  return Testing.app();
}
