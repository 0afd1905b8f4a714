import { AccessGraph, AccessReport, FindingId } from '../../lib/analysis';
import { doc, writeOut } from './support/hand-written';

// XA-WILDCARD-ACTION and XA-WILDCARD-RESOURCE of hand-written role policies (wildcard-rules.ts, probes.ts):
// which patterns are wide, as the evaluator decides on made-up requests, and the words of each finding.

const A = '1000000000000001';
const trust = doc({
  Action: 'sts:AssumeRole',
  Effect: 'Allow',
  Principal: { RAM: [`acs:ram::${A}:root`] },
  Condition: { StringEquals: { 'sts:ExternalId': 'e' } },
});

/** [id, content] of the wildcard findings of role x holding one custom policy of these statements (and more attachments). */
function wildcards(statements: object[], attachments: { [name: string]: object } = {}): string[][] {
  const graph = AccessGraph.fromSynthOutput(
    writeOut({
      a: {
        account: A,
        resources: {
          alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: trust } },
          alicloud_ram_policy: { p: { policy_name: 'p', policy_document: doc(...statements) } },
          alicloud_ram_role_policy_attachment: {
            p: { role_name: 'x', policy_name: 'p', policy_type: 'Custom' },
            ...attachments,
          },
        },
      },
    }),
  );
  return AccessReport.fromGraph(graph)
    .findings.filter((f) => f.id === FindingId.WILDCARD_ACTION || f.id === FindingId.WILDCARD_RESOURCE)
    .map((f) => [f.id, f.content ?? '', f.message]);
}

const allow = (Action: string | string[], Resource: string | string[]) => ({ Action, Effect: 'Allow', Resource });

const ACTION = (content: string) => [
  FindingId.WILDCARD_ACTION,
  content,
  `role x may use ${content}; name the actions it needs`,
];
const RESOURCE = (...patterns: string[]) => [
  FindingId.WILDCARD_RESOURCE,
  patterns.join(', '),
  `role x has a custom policy on ${patterns.map((p) => `"${p}"`).join(', ')} (every resource of a kind); scope it to the resources it needs`,
];
const PROJECT = `acs:log:*:${A}:project/p`;

describe('wildcard findings of custom role policies', () => {
  test('wide actions and resources of one statement, listed sorted; a literal project of another statement is not', () => {
    expect(
      wildcards([
        allow(['log:*', 'ecs:Describe*', 'oss:GetObject'], ['acs:log:*:*:project/*', 'acs:ecs:*:*:*']),
        allow('log:GetLogStore', PROJECT),
      ]),
    ).toEqual([ACTION('log:*'), RESOURCE('acs:ecs:*:*:*', 'acs:log:*:*:project/*')]);
  });

  test.each([
    ['every resource', allow('log:GetLogStore', '*'), [RESOURCE('*')]],
    [
      'every resource of one region of an account',
      allow('log:GetLogStore', `acs:log:cn-hangzhou:${A}:*`),
      [RESOURCE(`acs:log:cn-hangzhou:${A}:*`)],
    ],
    ['every bucket', allow('oss:GetObject', 'acs:oss:*:*:*'), [RESOURCE('acs:oss:*:*:*')]],
    [
      "one bucket's objects (the bucket name comes first in OSS ARNs)",
      allow('oss:GetObject', 'acs:oss:*:*:mybucket/*'),
      [],
    ],
    ["one project's logstores", allow('log:GetLogStore', 'acs:log:*:*:project/p/*'), []],
    ['every object of every bucket', allow('oss:GetObject', 'acs:oss:*:*:*/*'), [RESOURCE('acs:oss:*:*:*/*')]],
    [
      'everything under every project',
      allow('log:GetLogStoreLogs', 'acs:log:*:*:project/*/*'),
      [RESOURCE('acs:log:*:*:project/*/*')],
    ],
    [
      'every logstore of every project',
      allow('log:GetLogStoreLogs', 'acs:log:*:*:project/*/logstore/*'),
      [RESOURCE('acs:log:*:*:project/*/logstore/*')],
    ],
    ['every logstore of one project', allow('log:GetLogStoreLogs', 'acs:log:*:*:project/p/logstore/*'), []],
    [
      'every project, by a prefix of its type',
      allow('log:GetLogStore', 'acs:log:*:*:project*'),
      [RESOURCE('acs:log:*:*:project*')],
    ],
    [
      'every instance, by a prefix of its type',
      allow('ecs:DescribeInstances', 'acs:ecs:*:*:instance*'),
      [RESOURCE('acs:ecs:*:*:instance*')],
    ],
    [
      'buckets whose names start with a prefix (OSS names come first)',
      allow('oss:GetObject', 'acs:oss:*:*:mybucket*'),
      [],
    ],
    ['reading every service (a wildcard service with a partial action)', allow('*:Get*', PROJECT), [ACTION('*:Get*')]],
    ['describing services whose names start with e', allow('e*:Describe*', PROJECT), [ACTION('e*:Describe*')]],
    ["one service's reads (named, as the README lists)", allow('log:Get*', PROJECT), []],
    ['a wildcard in the service part', allow('l?g:*', PROJECT), [ACTION('l?g:*')]],
    [
      'NotAction: all but the listed actions',
      { NotAction: ['ram:*', 'sts:*'], Effect: 'Allow', Resource: PROJECT },
      [ACTION('all but ram:*, all but sts:*')],
    ],
  ])('%s', (_, statement, expected) => {
    expect(wildcards([statement])).toEqual(expected);
  });

  // The made-up action was once log:XaProbe7f3aAction, which a Deny of log:X* refused (and an Allow of it took for log:*).
  test('a Deny that singles out some action names (log:X*, a length) does not hide log:* on the others', () => {
    const deny = (Action: string) => ({ Action, Effect: 'Deny', Resource: '*' });
    expect(wildcards([allow('log:*', PROJECT), deny('log:X*')])).toEqual([ACTION('log:*')]);
    expect(wildcards([allow('log:*', PROJECT), deny(`log:${'?'.repeat(17)}`)])).toEqual([ACTION('log:*')]);
    expect(wildcards([allow('log:*', PROJECT), deny('log:?')])).toEqual([ACTION('log:*')]);
    // Denies of every name of 1 to 70 characters, past the 64 of the made-up names: those of 71 are left.
    const upTo70 = Array.from({ length: 70 }, (_, i) => `log:${'?'.repeat(i + 1)}`);
    expect(wildcards([allow('log:*', PROJECT), { Action: upTo70, Effect: 'Deny', Resource: '*' }])).toEqual([
      ACTION('log:*'),
    ]);
    expect(wildcards([allow('log:X*', PROJECT)])).toEqual([]);
  });

  // A statement with NotAction names no action of its own: its resources are probed with the actions it leaves.
  test('NotAction on every resource, or on every project: a wide action and a wide resource', () => {
    const except = (Resource: string) => [{ NotAction: ['ram:*'], Effect: 'Allow', Resource }];
    expect(wildcards(except('*'))).toEqual([ACTION('all but ram:*'), RESOURCE('*')]);
    expect(wildcards(except('acs:log:*:*:project/*'))).toEqual([
      ACTION('all but ram:*'),
      RESOURCE('acs:log:*:*:project/*'),
    ]);
  });

  test('a Deny that leaves one action of log:* is no finding', () => {
    expect(
      wildcards([allow('log:*', PROJECT), { NotAction: 'log:GetLogStore', Effect: 'Deny', Resource: '*' }]),
    ).toEqual([]);
  });

  test.each([
    ['outside an address range', { NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }],
    ['inside an address range', { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }],
    ['outside any VPC', { StringNotLike: { 'acs:SourceVpc': 'vpc-*' } }],
    ['outside VPCs of one more character', { StringNotLike: { 'acs:SourceVpc': 'vpc-?' } }],
  ])('a Deny of log:* %s leaves the wide Allow open to some caller: the finding stands', (_, Condition) => {
    expect(wildcards([allow('log:*', PROJECT), { Action: 'log:*', Effect: 'Deny', Resource: '*', Condition }])).toEqual(
      [ACTION('log:*')],
    );
  });

  test('an Allow over HTTPS, with a Deny outside an address range: open from inside the range, over HTTPS', () => {
    const https = { Condition: { Bool: { 'acs:SecureTransport': 'true' } } };
    const outside = { Condition: { NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } };
    expect(
      wildcards([
        { ...allow('log:*', PROJECT), ...https },
        { Action: 'log:*', Effect: 'Deny', Resource: '*', ...outside },
      ]),
    ).toEqual([ACTION('log:*')]);
  });

  test('an Allow from an address range with a Deny of the same range: nobody gets through, no finding', () => {
    const range = { Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } };
    expect(
      wildcards([
        { ...allow('log:*', PROJECT), ...range },
        { Action: 'log:*', Effect: 'Deny', Resource: '*', ...range },
      ]),
    ).toEqual([]);
  });

  test('an unconditional Deny of log:* closes it: no finding', () => {
    expect(wildcards([allow('log:*', PROJECT), { Action: 'log:*', Effect: 'Deny', Resource: '*' }])).toEqual([]);
  });

  test('system policies and custom policies not in the output are not judged here', () => {
    const literal = [allow('log:GetLogStore', PROJECT)];
    expect(
      wildcards(literal, { s: { role_name: 'x', policy_name: 'AliyunLogFullAccess', policy_type: 'System' } }),
    ).toEqual([]);
    expect(wildcards(literal, { u: { role_name: 'x', policy_name: 'elsewhere', policy_type: 'Custom' } })).toEqual([]);
  });
});

test('a one-project resource beside a whole wildcard in one statement: only the wildcard is listed', () => {
  expect(wildcards([allow('log:GetLogStoreLogs', ['acs:log:*:*:project/p', 'acs:log:*:*:*'])])).toEqual([
    RESOURCE('acs:log:*:*:*'),
  ]);
});

// The made-up service (xaprobe-7f3a), resource names and regions were once fixed text, which a Deny could single
// out (x*:*, project/x*, a region of one or more characters) to hide a wide Allow, and which an Allow of a prefix
// (project/x*) matched as if it were every project. They are now made of a character no pattern holds.
describe('a Deny that singles out some names does not hide a wide Allow on the others', () => {
  const deny = (Action: string | string[], Resource: string | string[]) => ({ Action, Effect: 'Deny', Resource });
  test('of services (x*:*, twelve ?s): * still reaches the services nobody denies', () => {
    expect(wildcards([allow('*', PROJECT), deny('x*:*', '*')])).toEqual([ACTION('*')]);
    expect(wildcards([allow('*', PROJECT), deny('????????????:*', '*')])).toEqual([ACTION('*')]);
    expect(wildcards([allow('*:Get*', PROJECT), deny(['*:Getx*', 'x*:*'], '*')])).toEqual([ACTION('*:Get*')]);
  });

  test('of resources of the statement: log:* on the projects a Deny leaves', () => {
    const projects = 'acs:log:*:*:project/*';
    expect(wildcards([allow('log:*', projects), deny('log:*', 'acs:log:*:*:project/x*')])).toEqual([
      ACTION('log:*'),
      RESOURCE(projects),
    ]);
  });

  test('of projects (project/x*, a length): every other project stays open', () => {
    const projects = 'acs:log:*:*:project/*';
    expect(wildcards([allow('log:GetProject', projects), deny('log:*', 'acs:log:*:*:project/x*')])).toEqual([
      RESOURCE(projects),
    ]);
    expect(wildcards([allow('log:GetProject', projects), deny('log:*', 'acs:log:*:*:project/????????????')])).toEqual([
      RESOURCE(projects),
    ]);
  });

  test('of actions the statement names with a wildcard (log:Getx*): log:Get* on every project stays open', () => {
    expect(wildcards([allow('log:Get*', 'acs:log:*:*:*'), deny('log:Getx*', '*')])).toEqual([
      RESOURCE('acs:log:*:*:*'),
    ]);
  });

  test('of regions of one or more characters: RAM ARNs have none, so every role stays open', () => {
    expect(wildcards([allow('ram:GetRole', 'acs:ram:*:*:role/*'), deny('ram:*', 'acs:ram:?*:*:*')])).toEqual([
      RESOURCE('acs:ram:*:*:role/*'),
    ]);
  });

  test('a Deny with NotAction leaves where the patterns meet: *:X* beside NotAction log:* still allows log:X* on every project', () => {
    const projects = 'acs:log:*:*:project/*';
    const deny = { NotAction: 'log:*', Effect: 'Deny', Resource: '*' };
    expect(wildcards([allow('*:X*', projects), deny])).toEqual([RESOURCE(projects)]);
    // Where no pattern meets NotAction, nothing is left: no finding.
    expect(wildcards([allow('ecs:*', projects), deny])).toEqual([]);
  });

  // Documented in the README as the cost of probing with made-up text: one made-up resource of `*` is not an ARN.
  test('log:* on * beside a Deny of every ARN is still a wide action (a made-up resource of * need not be an ARN)', () => {
    expect(wildcards([allow('log:*', '*'), deny('*', 'acs:*:*:*:*')])).toEqual([ACTION('log:*')]);
    expect(wildcards([allow('log:GetProject', '*'), deny('*', 'acs:*:*:*:*')])).toEqual([]);
  });

  test('an Allow of a prefix of names (project/x*) is not every project', () => {
    expect(wildcards([allow('log:GetProject', 'acs:log:*:*:project/x*')])).toEqual([]);
  });
});

describe('made-up names no Deny of one length or of another case can refuse all of', () => {
  const denyAll = (Action: string | string[], Resource: string | string[]) => ({ Action, Effect: 'Deny', Resource });

  test('a Deny of one-letter log actions (log:?) leaves log:* wide', () => {
    expect(wildcards([allow('log:*', PROJECT), denyAll('log:?', '*')])).toEqual([ACTION('log:*')]);
  });

  // `*:*`, not `*`: a made-up action of `*` alone need not have a service part, which no Deny of `<service>:<name>` matches.
  test('a Deny of one-letter names of any service (*:?) leaves *:* wide', () => {
    expect(wildcards([allow('*:*', PROJECT), denyAll('*:?', '*')])).toEqual([ACTION('*:*')]);
  });

  test('a Deny of services whose names start with A (actions ignore case) leaves *:* wide', () => {
    expect(wildcards([allow('*:*', PROJECT), denyAll('A*:*', '*')])).toEqual([ACTION('*:*')]);
  });

  // Every length but one is denied, and only an Allow's pattern (log:??) singles out the one left: a probe of each
  // class of lengths the patterns tell apart, and the classes told apart by which patterns match, not how many.
  test('Denies of every length of log actions but two leave log:* wide (log:?? of another Allow singles it out)', () => {
    const [[id, content]] = wildcards([
      allow('log:*', PROJECT),
      allow('log:??', PROJECT),
      denyAll(['log:?', 'log:???*'], '*'),
    ]);
    expect([id, content]).toEqual([FindingId.WILDCARD_ACTION, 'log:*, log:??']);
  });

  test('Denies of every length of names of any service but two leave *:* wide', () => {
    const [[id, content]] = wildcards([allow('*:*', PROJECT), allow('*:??', PROJECT), denyAll(['*:?', '*:???*'], '*')]);
    expect([id, content]).toEqual([FindingId.WILDCARD_ACTION, '*:*, *:??']);
  });

  test('Denies of names of one, two and four or more characters leave those of three: *:* wide', () => {
    expect(wildcards([allow('*:*', PROJECT), denyAll(['*:?', '*:??', '*:????*'], '*')])).toEqual([ACTION('*:*')]);
  });

  test('a Deny of every log action name of up to 64 characters leaves longer ones (action names have no limit)', () => {
    const lengths = Array.from({ length: 64 }, (_, i) => `log:${'?'.repeat(i + 1)}`);
    expect(wildcards([allow('log:*', PROJECT), denyAll(lengths, '*')])).toEqual([ACTION('log:*')]);
  });

  test('a Deny of every project of one or more characters leaves none: no finding', () => {
    expect(
      wildcards([
        allow('log:GetProject', 'acs:log:*:*:project/*'),
        denyAll('log:GetProject', ['acs:log:*:*:project/?*', 'acs:log::*:project/?*']),
      ]),
    ).toEqual([]);
  });

  test('a Deny of one-character projects leaves every other project open', () => {
    expect(
      wildcards([allow('log:GetProject', 'acs:log:*:*:project/*'), denyAll('log:GetProject', 'acs:log:*:*:project/?')]),
    ).toEqual([RESOURCE('acs:log:*:*:project/*')]);
  });

  test('an Allow of * beside a Deny of *:* allows nothing: every action has a service part', () => {
    expect(wildcards([allow('*', PROJECT), denyAll('*:*', '*')])).toEqual([]);
  });
});

// Where the analysis cannot make a made-up action or resource, or cannot read where patterns meet, it reports.
describe('what the wildcard rules cannot tell, they report', () => {
  const denyAll = (Action: string | string[], Resource: string | string[]) => ({ Action, Effect: 'Deny', Resource });
  const EVERY_RESOURCE_CHARACTER = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_.-';

  test('a meeting of *:*X* and a Deny of NotAction log:*Store (two shapes it does not read)', () => {
    const exceptStores = { Effect: 'Deny', NotAction: ['log:*Store'], Resource: '*' };
    expect(wildcards([allow('*:*X*', PROJECT), exceptStores])).toEqual([ACTION('*:*X*')]);
  });

  test('a resource no made-up project can be: the patterns hold every character', () => {
    const every = `acs:log:*:*:project/${EVERY_RESOURCE_CHARACTER}`;
    expect(wildcards([allow('log:GetProject', 'acs:log:*:*:project/*'), denyAll('log:GetProject', every)])).toEqual([
      RESOURCE('acs:log:*:*:project/*'),
    ]);
  });

  test('an action no made-up log action can be: the literals meet every letter', () => {
    const firsts = 'abcdefghijklmnopqrstuvwxyz'.split('').map((c) => `log:${c}*`);
    expect(wildcards([allow('log:GetProject', 'acs:log:*:*:project/*'), denyAll(firsts, PROJECT)])).toEqual([
      RESOURCE('acs:log:*:*:project/*'),
    ]);
  });
});
