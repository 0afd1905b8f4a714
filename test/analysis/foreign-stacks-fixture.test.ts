import { AccessGraph, AccessReport } from '../../lib/analysis';
import { alicloudProvider, writeRawOut } from './support/raw-output';

// UCloud stacks (foreign-stacks.ts), cdktf-free: a stack with anything of UCloud's provider (its provider
// block, a resource or data source of its, or its required_providers entry) and nothing of alicloud's is
// left out with a note; one with both is read, with a note; a stack with neither, or with a type that only
// starts with "ucloud", is read without one.
const A = '1000000000000001';
const ucloud = { ucloud: [{ region: 'cn-bj2' }] };
const user = (name: string) => ({ alicloud_ram_user: { [name]: { name } } });
const leftOut = (stack: string) =>
  `stack "${stack}" is a UCloud (ucloud/ucloud) stack: not analysed, this report covers Alibaba Cloud RAM only`;
const inPart = (stack: string) =>
  `stack "${stack}": its UCloud (ucloud/ucloud) resources are not analysed; its Alibaba Cloud ones are`;

function output(): string {
  return writeRawOut({
    alibaba: { provider: alicloudProvider(A), resource: user('a') },
    // UCloud's only, each through one section
    'by-provider': { provider: ucloud },
    'by-resource': { resource: { ucloud_instance: { i: { name: 'i' } } } },
    'by-data': { data: { ucloud_images: { d: { name_regex: 'x' } } } },
    'by-required': { terraform: { required_providers: { ucloud: { source: 'ucloud/ucloud' } } } },
    // both: read, with a note; alicloud named once by a resource among UCloud's, once by required_providers
    mixed: {
      provider: { ...ucloud, ...alicloudProvider(A) },
      resource: { ucloud_instance: { i: { name: 'i' } }, ...user('m') },
    },
    'mixed-required': {
      terraform: {
        required_providers: { alicloud: { source: 'aliyun/alicloud' }, ucloud: { source: 'ucloud/ucloud' } },
      },
      resource: { ucloud_instance: { i: { name: 'i' } } },
    },
    // a type named like UCloud's but of no provider "ucloud"
    lookalike: { provider: alicloudProvider(A), resource: { ucloudish_thing: { t: {} }, ...user('l') } },
  });
}

test('UCloud-only stacks are left out with a note each; stacks with alicloud are read, with a note when they have UCloud resources', () => {
  const graph = AccessGraph.fromSynthOutput(output());
  expect(graph.stacks.map((s) => s.name).sort()).toEqual(['alibaba', 'lookalike', 'mixed', 'mixed-required']);
  expect(graph.users.map((u) => `${u.stack}:${u.userName}`).sort()).toEqual(['alibaba:a', 'lookalike:l', 'mixed:m']);
  expect([...graph.notes].sort()).toEqual(
    [
      leftOut('by-provider'),
      leftOut('by-resource'),
      leftOut('by-data'),
      leftOut('by-required'),
      inPart('mixed'),
      inPart('mixed-required'),
    ].sort(),
  );
});

test('the report says so, one note a line', () => {
  const markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(output())).toMarkdown();
  expect(markdown).toContain(`Note: ${leftOut('by-data')}.\n\n`);
  expect(markdown).toContain(`Note: ${inPart('mixed')}.\n\n`);
});
