import { Testing } from 'cdktf';
import { UCloudAccountStack, UCloudAccountStackProps } from '../../lib';
import { StackJson } from '../support/synth';

/** Account A (the grantor) and account B (the accessor) of the UCloud tests: fake Company IDs. */
export const GRANTOR = '65818677';
export const ACCESSOR = '12345678';

/** A UCloud stack of account B, with `props` over the defaults. */
export function accessorStack(props: Partial<UCloudAccountStackProps> = {}): UCloudAccountStack {
  return new UCloudAccountStack(Testing.app(), 'accessor', {
    companyId: ACCESSOR,
    region: 'cn-bj2',
    projectId: 'org-test',
    ...props,
  });
}

/** Builds into a UCloud stack of account B and returns the synthesized JSON. */
export function synthAccessor(build: (stack: UCloudAccountStack) => void): StackJson {
  const stack = accessorStack();
  build(stack);
  return JSON.parse(Testing.synth(stack)) as StackJson;
}
