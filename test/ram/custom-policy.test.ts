import { CustomPolicy, PolicyDocument, PolicyReference, PolicyStatement, Principal } from '../../lib';
import { errorOf, newApp, onlyResource, PARTNER, parsed, pretty, synth, synthStack } from '../support/synth';
import { TerraformStack, Testing } from 'cdktf';

const POLICY = 'alicloud_ram_policy';
const readEcs = () =>
  new PolicyDocument([new PolicyStatement({ actions: ['ecs:DescribeInstances'], resources: ['*'] })]);

describe('CustomPolicy', () => {
  test('renders the canonical document with current arguments and version rotation', () => {
    const json = synth(
      (scope) => new CustomPolicy(scope, 'p', { policyName: 'read-ecs', document: readEcs(), description: 'Read ECS' }),
    );
    const policy = onlyResource(json, POLICY);
    expect(policy).toMatchObject({
      policy_name: 'read-ecs',
      description: 'Read ECS',
      rotate_strategy: 'DeleteOldestNonDefaultVersionWhenLimitExceeded',
    });
    expect(policy).not.toHaveProperty('name');
    expect(policy).not.toHaveProperty('document');
    expect(parsed(policy.policy_document)).toEqual({
      Statement: [{ Action: 'ecs:DescribeInstances', Effect: 'Allow', Resource: '*' }],
      Version: '1',
    });
    expect(pretty(policy.policy_document)).toMatchSnapshot();
  });

  test('statements added after construction are rendered at synth', () => {
    const stack = new TerraformStack(newApp(), 's');
    const doc = readEcs();
    new CustomPolicy(stack, 'p', { policyName: 'read-ecs', document: doc });
    doc.addStatements(new PolicyStatement({ actions: ['vpc:DescribeVpcs'], resources: ['*'] }));
    expect(parsed(onlyResource(synthStack(stack), POLICY).policy_document)).toEqual({
      Statement: [{ Action: ['ecs:DescribeInstances', 'vpc:DescribeVpcs'], Effect: 'Allow', Resource: '*' }],
      Version: '1',
    });
  });

  test('a bad statement added after construction fails the synth', () => {
    const stack = new TerraformStack(newApp(), 's');
    const doc = readEcs();
    new CustomPolicy(stack, 'p', { policyName: 'read-ecs', document: doc });
    doc.addStatements(new PolicyStatement({ actions: ['vpc:DescribeVpcs'] }));
    expect(errorOf(() => Testing.synth(stack, true))).toContain(
      '[s/p] statement 2 of 2: statement has no resources (an identity policy statement needs Resource; use "*" for all)',
    );
  });

  test('a bad policy name is refused with the rule', () => {
    expect(
      errorOf(() => synth((scope) => new CustomPolicy(scope, 'p', { policyName: 'read_ecs', document: readEcs() }))),
    ).toBe('stack/p: policyName "read_ecs" is not a valid RAM policy name (1-128 characters: letters, digits and "-")');
    expect(
      errorOf(() =>
        synth((scope) => new CustomPolicy(scope, 'p', { policyName: 'p'.repeat(129), document: readEcs() })),
      ),
    ).toContain('is not a valid RAM policy name');
  });

  test('a trust-shaped document is refused as a permission policy', () => {
    const trust = new PolicyDocument([
      new PolicyStatement({ actions: ['sts:AssumeRole'], principals: [Principal.account(PARTNER)] }),
    ]);
    expect(errorOf(() => synth((scope) => new CustomPolicy(scope, 'p', { policyName: 'p', document: trust })))).toBe(
      'stack/p: statement 1 of 1: statement has no resources (an identity policy statement needs Resource; use "*" for all)\n' +
        'stack/p: statement 1 of 1: statement has principals (Principal belongs in trust policies only)',
    );
  });

  test('a document over the size limit is refused at construction', () => {
    const resources = Array.from({ length: 200 }, (_, i) => `acs:oss:*:*:bucket-${i}/reports/${i}/*`);
    const doc = new PolicyDocument([new PolicyStatement({ actions: ['oss:GetObject'], resources })]);
    expect(errorOf(() => synth((scope) => new CustomPolicy(scope, 'p', { policyName: 'p', document: doc })))).toMatch(
      /^stack\/p: policy document is [\d,]+ bytes in UTF-8, [\d,]+ over the 6,144-byte limit of a custom policy/,
    );
  });

  test('an empty description is refused', () => {
    expect(
      errorOf(() =>
        synth((scope) => new CustomPolicy(scope, 'p', { policyName: 'p', document: readEcs(), description: '' })),
      ),
    ).toBe('stack/p: description "" is 0 characters long (allowed: 1-1024)');
  });
});

describe('PolicyReference', () => {
  test('names system and custom policies for attachment', () => {
    expect(PolicyReference.system('AliyunECSReadOnlyAccess')).toMatchObject({
      policyName: 'AliyunECSReadOnlyAccess',
      policyType: 'System',
    });
    expect(PolicyReference.custom('team-policy')).toMatchObject({ policyName: 'team-policy', policyType: 'Custom' });
  });

  test('refuses a malformed policy name with the rule', () => {
    expect(errorOf(() => PolicyReference.custom('team policy'))).toBe(
      'PolicyReference.custom: policyName "team policy" is not a valid RAM policy name (1-128 characters: letters, digits and "-")',
    );
  });
});
