import {
  Condition,
  ConditionKey,
  Effect,
  PolicyDocument,
  PolicyStatement,
  Principal,
  RamLimits,
} from '../../lib/policy';
import { OTHER, PARTNER } from '../support/ids';

const LOGSTORE = 'acs:log:*:*:project/p/logstore/ls';

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('PolicyDocument canonical JSON', () => {
  test('a trust policy has exactly the form RAM returns (keys sorted, Principal values arrays)', () => {
    const doc = new PolicyDocument([
      new PolicyStatement({ actions: ['sts:AssumeRole'], principals: [Principal.account(PARTNER)] }),
    ]);
    expect(doc.toJsonString()).toBe(
      `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::${PARTNER}:root"]}}],"Version":"1"}`,
    );
  });

  test('one value is a string, several an array, sorted and de-duplicated; statements sorted by their text', () => {
    const doc = new PolicyDocument([
      new PolicyStatement({ actions: ['log:PostLogStoreLogs'], resources: [LOGSTORE] }),
      new PolicyStatement({ actions: ['ecs:Describe*', 'ecs:List*', 'ecs:Describe*'], resources: ['*'] }),
    ]);
    expect(doc.toJson()).toEqual({
      Statement: [
        { Action: 'log:PostLogStoreLogs', Effect: 'Allow', Resource: LOGSTORE },
        { Action: ['ecs:Describe*', 'ecs:List*'], Effect: 'Allow', Resource: '*' },
      ],
      Version: '1',
    });
  });

  test('keys are in alphabetical order at every level', () => {
    const doc = new PolicyDocument([
      new PolicyStatement({
        effect: Effect.DENY,
        notActions: ['ram:*'],
        resources: ['*'],
        conditions: [
          Condition.ipAddress(ConditionKey.SOURCE_IP, ['10.0.0.0/8']),
          Condition.bool(ConditionKey.MFA_PRESENT, false),
        ],
      }),
    ]);
    const text = doc.toJsonString();
    expect(text).toBe(
      '{"Statement":[{"Condition":{"Bool":{"acs:MFAPresent":"false"},"IpAddress":{"acs:SourceIp":"10.0.0.0/8"}},' +
        '"Effect":"Deny","NotAction":"ram:*","Resource":"*"}],"Version":"1"}',
    );
  });

  test('statements that differ only in actions, resources or principals merge', () => {
    const doc = new PolicyDocument([
      new PolicyStatement({ actions: ['a:One'], resources: ['acs:x:*:*:r1'] }),
      new PolicyStatement({ actions: ['a:Two'], resources: ['acs:x:*:*:r1'] }),
      new PolicyStatement({ actions: ['a:One'], resources: ['acs:x:*:*:r2'] }),
      new PolicyStatement({ actions: ['a:Two'], resources: ['acs:x:*:*:r2'] }),
    ]);
    expect(doc.toJson().Statement).toEqual([
      { Action: ['a:One', 'a:Two'], Effect: 'Allow', Resource: ['acs:x:*:*:r1', 'acs:x:*:*:r2'] },
    ]);
    const trust = new PolicyDocument([
      new PolicyStatement({ actions: ['sts:AssumeRole'], principals: [Principal.account(PARTNER)] }),
      new PolicyStatement({ actions: ['sts:AssumeRole'], principals: [Principal.account(OTHER)] }),
    ]);
    expect(trust.toJson().Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { RAM: [`acs:ram::${PARTNER}:root`, `acs:ram::${OTHER}:root`].sort() },
      },
    ]);
  });

  test('statements with different effects or conditions never merge', () => {
    const doc = new PolicyDocument([
      new PolicyStatement({ actions: ['a:One'], resources: ['*'] }),
      new PolicyStatement({ effect: Effect.DENY, actions: ['a:Two'], resources: ['*'] }),
      new PolicyStatement({
        actions: ['a:Three'],
        resources: ['*'],
        conditions: [Condition.bool(ConditionKey.MFA_PRESENT, true)],
      }),
    ]);
    expect(doc.toJson().Statement).toHaveLength(3);
  });

  test('NotAction statements do not merge their actions (that would change their meaning)', () => {
    const doc = new PolicyDocument([
      new PolicyStatement({ notActions: ['a:One'], resources: ['*'] }),
      new PolicyStatement({ notActions: ['a:Two'], resources: ['*'] }),
    ]);
    expect(doc.toJson().Statement).toEqual([
      { Effect: 'Allow', NotAction: 'a:One', Resource: '*' },
      { Effect: 'Allow', NotAction: 'a:Two', Resource: '*' },
    ]);
  });

  test('any order of the same statements gives byte-identical text', () => {
    const statements = [
      new PolicyStatement({ actions: ['log:PostLogStoreLogs'], resources: [LOGSTORE] }),
      new PolicyStatement({ actions: ['log:ListShards', 'log:GetCursorOrData'], resources: [LOGSTORE] }),
      new PolicyStatement({ actions: ['log:CreateConsumerGroup'], resources: [`${LOGSTORE}/consumergroup/*`] }),
      new PolicyStatement({ effect: Effect.DENY, actions: ['log:DeleteLogStore'], resources: [LOGSTORE] }),
    ];
    const texts = new Set(permutations(statements).map((order) => new PolicyDocument(order).toJsonString()));
    expect(texts.size).toBe(1);
  });

  test('conditions given twice for one key with different values are refused, not ORed', () => {
    const statement = new PolicyStatement({
      actions: ['a:One'],
      resources: ['*'],
      conditions: [
        Condition.ipAddress(ConditionKey.SOURCE_IP, ['10.0.0.0/8']),
        Condition.ipAddress(ConditionKey.SOURCE_IP, ['192.168.0.0/16']),
      ],
    });
    expect(statement.validate()).toEqual([
      'condition IpAddress "acs:SourceIp" is given twice with different values (["10.0.0.0/8"] and ["192.168.0.0/16"]); merging them would turn AND into OR',
    ]);
    expect(() => new PolicyDocument([statement]).toJsonString()).toThrow(/given twice with different values/);
  });

  test('principals with different conditions in one statement are an error', () => {
    const statement = new PolicyStatement({
      actions: ['sts:AssumeRole'],
      principals: [
        Principal.account(PARTNER),
        Principal.account(OTHER).withConditions(Condition.bool(ConditionKey.MFA_PRESENT, true)),
      ],
    });
    expect(statement.validate()).toEqual([
      `principals acs:ram::${PARTNER}:root, acs:ram::${OTHER}:root carry different conditions (one statement holds principals with the same conditions; use one statement for each)`,
    ]);
  });

  test('identity and trust validation say what each kind of policy needs', () => {
    const trust = new PolicyStatement({ actions: ['sts:AssumeRole'], principals: [Principal.account(PARTNER)] });
    const identity = new PolicyStatement({ actions: ['sts:AssumeRole'], resources: ['*'] });
    expect(new PolicyDocument([trust]).validateForIdentityPolicy()).toEqual([
      'statement 1 of 1: statement has no resources (an identity policy statement needs Resource; use "*" for all)',
      'statement 1 of 1: statement has principals (Principal belongs in trust policies only)',
    ]);
    expect(new PolicyDocument([identity]).validateForTrustPolicy()).toEqual([
      'statement 1 of 1: statement has no principals (a trust policy statement names who may assume the role)',
      'statement 1 of 1: statement has resources (a trust policy statement has no Resource element)',
    ]);
    expect(new PolicyDocument().validateForIdentityPolicy()).toEqual([
      'policy document has no statements (add at least one)',
    ]);
  });

  test('malformed actions and resources are reported', () => {
    const statement = new PolicyStatement({
      actions: ['PostLogStoreLogs', 'log:Post Logs'],
      resources: ['project/p', 'acs:log:*:*:project/p'],
    });
    expect(statement.validate()).toEqual([
      'action "PostLogStoreLogs" is not <ram-code>:<action-name> (such as log:PostLogStoreLogs) or "*"',
      'action "log:Post Logs" is not <ram-code>:<action-name> (such as log:PostLogStoreLogs) or "*"',
      'resource "project/p" is not an ARN (acs:<service>:<region>:<account>:<relative id>) or "*"',
    ]);
    expect(new PolicyStatement({ resources: ['*'] }).validate()).toEqual([
      'statement has no actions (give actions or notActions)',
    ]);
    expect(new PolicyStatement({ actions: ['a:B'], notActions: ['a:C'], resources: ['*'] }).validate()).toEqual([
      'statement has both actions and notActions (a statement takes exactly one of Action and NotAction)',
    ]);
  });

  test('actions and resources at the edges of their forms; Terraform expressions are left alone', () => {
    const problemsOf = (actions: string[], resources: string[]) =>
      new PolicyStatement({ actions, resources }).validate();
    expect(
      problemsOf(['*', 'log:*', 'log*:Get?', 'oss-x:Get_Object-1', '${var.action}'], ['*', 'acs:log:*:*:p', '${x}']),
    ).toEqual([]);
    for (const action of ['log:', ':Get', 'a:b:c', '**', 'log:Get Logs', 'log.x:Get', ' log:Get']) {
      expect(problemsOf([action], ['*'])).toEqual([
        `action ${JSON.stringify(action)} is not <ram-code>:<action-name> (such as log:PostLogStoreLogs) or "*"`,
      ]);
    }
    for (const resource of [
      'acs:log:*:*',
      'acs:log:*:*:',
      'acs:log:*:*:a b',
      'xacs:log:*:*:p',
      'acs:l g:*:*:p',
      '**',
      'acs:a:b:c:d:e ',
    ]) {
      expect(problemsOf(['a:B'], [resource])).toEqual([
        `resource ${JSON.stringify(resource)} is not an ARN (acs:<service>:<region>:<account>:<relative id>) or "*"`,
      ]);
    }
  });

  test('each problem names its statement; an empty resource list is no resource; same-condition principals share one', () => {
    const ok = new PolicyStatement({ actions: ['a:B'], resources: ['*'] });
    const noResources = new PolicyStatement({ actions: ['a:B'], resources: [] });
    expect(noResources.hasResources).toBe(true);
    expect(new PolicyDocument([ok, noResources, ok]).validateForIdentityPolicy()).toEqual([
      'statement 2 of 3: statement has no resources (an identity policy statement needs Resource; use "*" for all)',
    ]);
    const mfa = Condition.bool(ConditionKey.MFA_PRESENT, true);
    const vpc = Condition.stringEquals(ConditionKey.SOURCE_VPC, ['vpc-1']);
    const trust = new PolicyStatement({
      actions: ['sts:AssumeRole'],
      conditions: [vpc],
      principals: [Principal.account(PARTNER).withConditions(mfa), Principal.account(OTHER).withConditions(mfa)],
    });
    expect(new PolicyDocument([trust]).validateForTrustPolicy()).toEqual([]);
    expect(trust.conditions).toEqual([vpc, mfa]);
    expect(new PolicyDocument([trust]).toJson().Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'acs:MFAPresent': 'true' }, StringEquals: { 'acs:SourceVpc': 'vpc-1' } },
        Effect: 'Allow',
        Principal: { RAM: [`acs:ram::${OTHER}:root`, `acs:ram::${PARTNER}:root`].sort() },
      },
    ]);
  });

  test('a document over 6,144 characters is refused with how far over it is', () => {
    const resources = Array.from(
      { length: 100 },
      (_, i) => `acs:log:*:*:project/project-${i}/logstore/logstore-number-${i}`,
    );
    const doc = new PolicyDocument([new PolicyStatement({ actions: ['log:PostLogStoreLogs'], resources })]);
    const length = doc.toJsonString().length;
    expect(length).toBeGreaterThan(RamLimits.POLICY_DOCUMENT_MAX_LENGTH);
    const over = length - 6144;
    expect(doc.validateForIdentityPolicy()).toEqual([
      `policy document is ${length.toLocaleString('en-US')} bytes in UTF-8, ${over.toLocaleString('en-US')} over the 6,144-byte limit of a custom policy (RAM says 6,144 "characters", older documents and the Terraform provider say bytes: the stricter reading is enforced; split it into several policies)`,
    ]);
  });

  test('the limit counts UTF-8 bytes: 6,144 characters of which some are Chinese are refused', () => {
    const withValue = (value: string) =>
      new PolicyDocument([
        new PolicyStatement({
          actions: ['log:GetLogStoreLogs'],
          resources: ['acs:log:*:*:project/p/logstore/x'],
          conditions: [Condition.stringEquals('acs:ResourceTag/team', [value])],
        }),
      ]);
    const padding = RamLimits.POLICY_DOCUMENT_MAX_LENGTH - withValue('').toJsonString().length;
    // 日志 is 2 characters and 6 bytes: the document is exactly 6,144 characters and 6,148 bytes.
    const doc = withValue(`日志${'t'.repeat(padding - 2)}`);
    expect(doc.toJsonString()).toHaveLength(6144);
    expect(doc.validateForIdentityPolicy()).toEqual([
      'policy document is 6,148 bytes in UTF-8 (6,144 characters), 4 over the 6,144-byte limit of a custom policy ' +
        '(RAM says 6,144 "characters", older documents and the Terraform provider say bytes: the stricter reading is enforced; split it into several policies)',
    ]);
    expect(withValue(`日志${'t'.repeat(padding - 6)}`).validateForIdentityPolicy()).toEqual([]);
    expect(withValue(`😀${'t'.repeat(padding - 4)}`).validateForIdentityPolicy()).toEqual([]);
    expect(withValue(`😀${'t'.repeat(padding - 3)}`).validateForIdentityPolicy()).toHaveLength(1);
  });

  test('each character counts its UTF-8 length at the edges of the 1-, 2-, 3- and 4-byte ranges', () => {
    const withValue = (value: string) =>
      new PolicyDocument([
        new PolicyStatement({
          actions: ['log:GetLogStoreLogs'],
          resources: ['*'],
          conditions: [Condition.stringEquals('acs:ResourceTag/team', [value])],
        }),
      ]);
    const room = RamLimits.POLICY_DOCUMENT_MAX_LENGTH - withValue('').toJsonString().length;
    for (const [ch, bytes] of [
      ['\u007f', 1],
      ['\u0080', 2],
      ['\u07ff', 2],
      ['\u0800', 3],
      ['\uffff', 3],
      ['\u{10000}', 4],
    ] as const) {
      // Ten of the character and ASCII up to exactly the limit in bytes: accepted; one byte more: refused.
      const fits = `${ch.repeat(10)}${'t'.repeat(room - 10 * bytes)}`;
      expect([ch, withValue(fits).validateForIdentityPolicy()]).toEqual([ch, []]);
      const over = withValue(`${fits}t`);
      const length = over.toJsonString().length;
      // An all-ASCII document is as many characters as bytes: the message then leaves the count out.
      const characters = bytes === 1 ? '' : ` (${length.toLocaleString('en-US')} characters)`;
      expect([ch, over.validateForIdentityPolicy()]).toEqual([
        ch,
        [
          `policy document is 6,145 bytes in UTF-8${characters}, 1 over the 6,144-byte limit of a custom policy ` +
            '(RAM says 6,144 "characters", older documents and the Terraform provider say bytes: the stricter reading is enforced; split it into several policies)',
        ],
      ]);
    }
  });

  test('a document of exactly the limit passes', () => {
    const base = new PolicyDocument([
      new PolicyStatement({ actions: ['log:PostLogStoreLogs'], resources: ['acs:log:*:*:project/p/logstore/x'] }),
    ]);
    const padding = RamLimits.POLICY_DOCUMENT_MAX_LENGTH - base.toJsonString().length;
    const doc = new PolicyDocument([
      new PolicyStatement({
        actions: ['log:PostLogStoreLogs'],
        resources: [`acs:log:*:*:project/p/logstore/x${'y'.repeat(padding)}`],
      }),
    ]);
    expect(doc.toJsonString()).toHaveLength(6144);
    expect(doc.validateForIdentityPolicy()).toEqual([]);
  });

  test('statements added later count, and the pretty form parses to the same document', () => {
    const doc = new PolicyDocument();
    expect(doc.isEmpty).toBe(true);
    doc.addStatements(new PolicyStatement({ actions: ['ecs:DescribeInstances'], resources: ['*'] }));
    expect(doc.isEmpty).toBe(false);
    expect(JSON.parse(doc.toPrettyJsonString())).toEqual(doc.toJson());
  });
});
