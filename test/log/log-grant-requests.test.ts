import { Decision, LogArnOptions, LogGrant, PolicyDocument, PolicyEvaluator } from '../../lib';
import { OTHER, OWNER } from '../support/synth';

// ram-policy-reference §4.2: the action and the resource each Log Service API requests, for a
// project "app-logs" of account OWNER in cn-hangzhou, logstore "events", consumer group "cg".
const P = `acs:log:cn-hangzhou:${OWNER}:project/app-logs`;
const LS = `${P}/logstore/events`;
const REQUESTS: [api: string, action: string, resource: string][] = [
  ['PutLogs', 'log:PostLogStoreLogs', LS],
  ['GetLogs', 'log:GetLogStoreLogs', LS],
  ['GetHistograms', 'log:GetLogStoreHistogram', LS],
  ['GetIndex', 'log:GetIndex', LS],
  ['GetLogStore', 'log:GetLogStore', LS],
  ['ListLogStores', 'log:ListLogStores', `${P}/logstore/*`],
  ['ListProject', 'log:ListProject', 'acs:log:*:*:project/*'],
  ['PullLogs', 'log:GetCursorOrData', LS],
  ['ListShards', 'log:ListShards', LS],
  ['CreateConsumerGroup', 'log:CreateConsumerGroup', `${LS}/consumergroup/*`],
  ['ListConsumerGroup', 'log:ListConsumerGroup', `${LS}/consumergroup/*`],
  ['UpdateConsumerGroup', 'log:UpdateConsumerGroup', `${LS}/consumergroup/cg`],
  ['ConsumerGroupHeartBeat', 'log:ConsumerGroupHeartBeat', `${LS}/consumergroup/cg`],
  ['ConsumerGroupUpdateCheckPoint', 'log:ConsumerGroupUpdateCheckPoint', `${LS}/consumergroup/cg`],
  ['GetCheckPoint', 'log:GetConsumerGroupCheckPoint', `${LS}/consumergroup/cg`],
  ['DeleteConsumerGroup', 'log:DeleteConsumerGroup', `${LS}/consumergroup/cg`],
  ['GetProject', 'log:GetProject', P],
];

// What each grant is for (§4.3): the APIs it must allow; every other API of the table must be refused.
const ALLOWED: { [access: string]: string[] } = {
  write: ['PutLogs'],
  consume: [
    'PullLogs',
    'ListShards',
    'CreateConsumerGroup',
    'ListConsumerGroup',
    'UpdateConsumerGroup',
    'ConsumerGroupHeartBeat',
    'ConsumerGroupUpdateCheckPoint',
    'GetCheckPoint',
  ],
  read: ['GetLogs', 'GetHistograms', 'GetIndex', 'GetLogStore', 'ListLogStores', 'ListProject'],
};

const GRANTS: { [access: string]: LogGrant } = {
  write: LogGrant.write('app-logs', 'events'),
  consume: LogGrant.consume('app-logs', 'events', 'cg'),
  read: LogGrant.read('app-logs', 'events'),
};

const SCOPES: [string, LogArnOptions][] = [
  ['owner named, any region (the default)', { projectOwnerAccountId: OWNER }],
  ['owner and region named', { projectOwnerAccountId: OWNER, region: 'cn-hangzhou' }],
  ['any owner, any region', {}],
];

function decide(grant: LogGrant, options: LogArnOptions, action: string, resource: string): Decision {
  return PolicyEvaluator.evaluate([new PolicyDocument(grant.toStatements(options))], { action, resource });
}

describe('LogGrant allows exactly what its APIs request (ram-policy-reference §4.2, §4.3)', () => {
  for (const [scope, options] of SCOPES) {
    for (const access of Object.keys(GRANTS)) {
      test.each(REQUESTS)(`${access} (${scope}): %s, %s on %s`, (api, action, resource) => {
        const expected = ALLOWED[access].includes(api) ? Decision.ALLOW : Decision.IMPLICIT_DENY;
        expect(decide(GRANTS[access], options, action, resource)).toBe(expected);
      });
    }
  }

  test('ListProject is allowed on the resource the API requests even when the region is pinned', () => {
    const pinned = { projectOwnerAccountId: OWNER, region: 'cn-hangzhou' };
    expect(decide(GRANTS.read, pinned, 'log:ListProject', 'acs:log:*:*:project/*')).toBe(Decision.ALLOW);
  });

  test('another project, logstore, consumer group or owner is refused', () => {
    const options = { projectOwnerAccountId: OWNER };
    const consume = GRANTS.consume;
    expect(decide(consume, options, 'log:ConsumerGroupHeartBeat', `${LS}/consumergroup/other`)).toBe(
      Decision.IMPLICIT_DENY,
    );
    expect(decide(GRANTS.write, options, 'log:PostLogStoreLogs', `${P}/logstore/audit`)).toBe(Decision.IMPLICIT_DENY);
    expect(
      decide(
        GRANTS.write,
        options,
        'log:PostLogStoreLogs',
        `acs:log:cn-hangzhou:${OWNER}:project/app-logs-prod/logstore/events`,
      ),
    ).toBe(Decision.IMPLICIT_DENY);
    expect(decide(GRANTS.write, options, 'log:PostLogStoreLogs', LS.replace(OWNER, OTHER))).toBe(
      Decision.IMPLICIT_DENY,
    );
    expect(
      decide(
        GRANTS.write,
        { ...options, region: 'cn-hangzhou' },
        'log:PostLogStoreLogs',
        LS.replace('cn-hangzhou', 'cn-beijing'),
      ),
    ).toBe(Decision.IMPLICIT_DENY);
  });
});
