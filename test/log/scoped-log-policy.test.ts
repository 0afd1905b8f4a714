import { LogGrant, ScopedLogPolicy, ScopedLogPolicyProps } from '../../lib';
import { alicloud } from '../../lib';
import { errorOf, onlyResource, OWNER, parsed, pretty, synth, synthAccountStack } from '../support/synth';

const AlicloudProvider = alicloud.provider.AlicloudProvider;

const STORE = `acs:log:cn-hangzhou:${OWNER}:project/app-logs/logstore/events`;

function policyJson(props: Partial<ScopedLogPolicyProps>) {
  const json = synth(
    (scope) =>
      new ScopedLogPolicy(scope, 'logs', {
        policyName: 'partner-logs',
        projectOwnerAccountId: OWNER,
        region: 'cn-hangzhou',
        grants: [],
        ...props,
      }),
  );
  return onlyResource(json, 'alicloud_ram_policy');
}

describe('ScopedLogPolicy', () => {
  test('write is PostLogStoreLogs on the logstore only (§4.3 a)', () => {
    expect(parsed(policyJson({ grants: [LogGrant.write('app-logs', 'events')] }).policy_document)).toEqual({
      Statement: [{ Action: 'log:PostLogStoreLogs', Effect: 'Allow', Resource: STORE }],
      Version: '1',
    });
  });

  test('consume scopes each action to the resource its API requests (§4.3 b)', () => {
    expect(
      parsed(policyJson({ grants: [LogGrant.consume('app-logs', 'events', 'partner-cg')] }).policy_document),
    ).toEqual({
      Statement: [
        {
          Action: [
            'log:ConsumerGroupHeartBeat',
            'log:ConsumerGroupUpdateCheckPoint',
            'log:GetConsumerGroupCheckPoint',
            'log:UpdateConsumerGroup',
          ],
          Effect: 'Allow',
          Resource: `${STORE}/consumergroup/partner-cg`,
        },
        {
          Action: ['log:CreateConsumerGroup', 'log:ListConsumerGroup'],
          Effect: 'Allow',
          Resource: `${STORE}/consumergroup/*`,
        },
        { Action: ['log:GetCursorOrData', 'log:ListShards'], Effect: 'Allow', Resource: STORE },
      ],
      Version: '1',
    });
  });

  test('read allows queries on the logstore and listing for the console (§4.3 c)', () => {
    const doc = parsed(policyJson({ grants: [LogGrant.read('app-logs', 'events')] }).policy_document);
    expect(doc).toEqual({
      Statement: [
        {
          Action: 'log:ListLogStores',
          Effect: 'Allow',
          Resource: `acs:log:cn-hangzhou:${OWNER}:project/app-logs/logstore/*`,
        },
        // §4.2: ListProject requests acs:log:*:*:project/*, so neither the region nor the owner is pinned.
        { Action: 'log:ListProject', Effect: 'Allow', Resource: 'acs:log:*:*:project/*' },
        {
          Action: ['log:GetIndex', 'log:GetLogStore', 'log:GetLogStoreHistogram', 'log:GetLogStoreLogs'],
          Effect: 'Allow',
          Resource: STORE,
        },
      ],
      Version: '1',
    });
  });

  test('write and consume together: the snapshot reviewers see', () => {
    const policy = policyJson({
      grants: [LogGrant.write('app-logs', 'events'), LogGrant.consume('app-logs', 'events', 'partner-cg')],
    });
    expect(pretty(policy.policy_document)).toMatchSnapshot();
    expect(policy.description).toBe('Log Service: consume app-logs/events as partner-cg; write app-logs/events');
  });

  test('the owner defaults to the account of the AccountStack; the region to "*"', () => {
    const json = synthAccountStack(
      (stack) =>
        new ScopedLogPolicy(stack, 'logs', { policyName: 'p', grants: [LogGrant.write('app-logs', 'events')] }),
    );
    expect(parsed(onlyResource(json, 'alicloud_ram_policy').policy_document)).toEqual({
      Statement: [
        {
          Action: 'log:PostLogStoreLogs',
          Effect: 'Allow',
          Resource: `acs:log:*:${OWNER}:project/app-logs/logstore/events`,
        },
      ],
      Version: '1',
    });
  });

  test('the owner is never "*" unless written: outside an AccountStack, or with another provider, it is required', () => {
    const message =
      "stack/logs: projectOwnerAccountId is not given and the policy is not in an AccountStack with that stack's " +
      'provider, so the project owner is unknown (give account A\'s 16-digit ID, or "*" for a project of that name in any account)';
    expect(
      errorOf(() =>
        synth(
          (scope) =>
            new ScopedLogPolicy(scope, 'logs', { policyName: 'p', grants: [LogGrant.write('app-logs', 'events')] }),
        ),
      ),
    ).toBe(message);
    expect(
      errorOf(() =>
        synthAccountStack((stack) => {
          const other = new AlicloudProvider(stack, 'partner-provider', { alias: 'partner', region: 'cn-hangzhou' });
          new ScopedLogPolicy(stack, 'logs', {
            policyName: 'p',
            grants: [LogGrant.write('app-logs', 'events')],
            provider: other,
          });
        }),
      ),
    ).toBe(message.replace('stack/logs', 'test/logs'));
    const anyOwner = synth(
      (scope) =>
        new ScopedLogPolicy(scope, 'logs', {
          policyName: 'p',
          projectOwnerAccountId: '*',
          grants: [LogGrant.write('app-logs', 'events')],
        }),
    );
    expect(parsed(onlyResource(anyOwner, 'alicloud_ram_policy').policy_document)).toEqual({
      Statement: [
        { Action: 'log:PostLogStoreLogs', Effect: 'Allow', Resource: 'acs:log:*:*:project/app-logs/logstore/events' },
      ],
      Version: '1',
    });
  });

  test('the order of grants does not change the output', () => {
    const a = LogGrant.write('app-logs', 'events');
    const b = LogGrant.consume('app-logs', 'events', 'cg');
    const c = LogGrant.read('app-logs', 'audit');
    expect(JSON.stringify(policyJson({ grants: [a, b, c] }))).toBe(
      JSON.stringify(policyJson({ grants: [c, a, b, a] })),
    );
  });

  test('never a prefix wildcard: names with "*" are refused', () => {
    expect(errorOf(() => policyJson({ grants: [LogGrant.write('app*', 'events')] }))).toBe(
      'stack/logs: LogGrant.write project "app*" is not a valid project name (3-63 characters: lowercase letters, digits and "-"; no wildcards)',
    );
    expect(errorOf(() => policyJson({ grants: [LogGrant.read('app-logs', '*')] }))).toBe(
      'stack/logs: LogGrant.read logstore "*" is not a valid logstore name (3-63 characters: lowercase letters, digits, "_" and "-"; no wildcards)',
    );
    expect(errorOf(() => policyJson({ grants: [LogGrant.consume('app-logs', 'events', 'cg-*')] }))).toBe(
      'stack/logs: LogGrant.consume consumerGroup "cg-*" is not a valid consumer group name (2-64 characters: lowercase letters, digits, "_" and "-"; no wildcards)',
    );
  });

  test('no grants, a bad owner or a bad region are refused', () => {
    expect(errorOf(() => policyJson({ grants: [] }))).toBe('stack/logs: grants is empty (give at least one LogGrant)');
    expect(
      errorOf(() => policyJson({ grants: [LogGrant.write('app-logs', 'events')], projectOwnerAccountId: '1' })),
    ).toBe('stack/logs: projectOwnerAccountId "1" is not an account ID (a 16-digit Alibaba Cloud account ID)');
    expect(errorOf(() => policyJson({ grants: [LogGrant.write('app-logs', 'events')], region: 'hangzhou' }))).toBe(
      'stack/logs: region "hangzhou" is not a region ID (such as cn-hangzhou) or "*"',
    );
  });

  test('a bad policy name is reported with the inner construct path', () => {
    expect(
      errorOf(() => policyJson({ policyName: 'logs policy', grants: [LogGrant.write('app-logs', 'events')] })),
    ).toBe(
      'stack/logs/Resource: policyName "logs policy" is not a valid RAM policy name (1-128 characters: letters, digits and "-")',
    );
  });
});
