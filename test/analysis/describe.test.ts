import { Condition, ConditionKey, ConditionOperator } from '../../lib/policy';
import {
  describeAction,
  describeConditions,
  describeResource,
  shortResource,
} from '../../lib/analysis/private/describe';

// The words the report, the diff and the diagram use for actions, resources and conditions: what a
// reviewer reads instead of the policy, so each form is pinned here.
const A = '1000000000000001';

describe('describeAction', () => {
  test.each([
    ['*', '* (every action of every service)'],
    ['log:*', 'log:* (every log action)'],
    ['ecs:*', 'ecs:* (every ecs action)'],
    ['log:PostLogStoreLogs', 'log:PostLogStoreLogs (write logs)'],
    ['LOG:postlogstorelogs', 'LOG:postlogstorelogs (write logs)'],
    ['sts:AssumeRole', 'sts:AssumeRole (assume the role)'],
    ['log:GetLogStore', 'log:GetLogStore (read logstore settings)'],
    ['log:Get*', 'log:Get*'],
    ['ecs:DescribeInstances', 'ecs:DescribeInstances'],
  ])('%s: %s', (action, words) => {
    expect(describeAction(action)).toBe(words);
    expect(describeAction(action)).toBe(words); // the second time from the cache
  });
});

describe('describeResource', () => {
  test.each([
    ['*', 'every resource'],
    [`acs:log:cn-hangzhou:${A}:project/p`, `project p (account ${A}, region cn-hangzhou)`],
    ['acs:log:*:*:project/*', 'every project (account any, region any)'],
    [`acs:log::${A}:project/p/logstore/ls`, `logstore ls in project p (account ${A}, region any)`],
    [`acs:log:cn-hangzhou:${A}:project/p/logstore/*`, `every logstore in project p (account ${A}, region cn-hangzhou)`],
    [
      `acs:log:cn-hangzhou:${A}:project/p/logstore/ls/consumergroup/cg`,
      `consumer group cg of logstore ls in project p (account ${A}, region cn-hangzhou)`,
    ],
    [
      `acs:log:cn-hangzhou:${A}:project/p/logstore/ls/consumergroup/*`,
      `every consumer group of logstore ls in project p (account ${A}, region cn-hangzhou)`,
    ],
    [`acs:ram::${A}:role/ops`, `role ops of account ${A}`],
    [`acs:ram::${A}:user/b1`, `user b1 of account ${A}`],
    // A region written as * (as grants often do), or text before or after the ARN.
    [`acs:ram:*:${A}:role/ops`, `role ops of account ${A}`],
    [`xacs:ram::${A}:role/ops`, `xacs:ram::${A}:role/ops`],
    [`acs:ram::${A}:role/ops\nmore`, `acs:ram::${A}:role/ops\nmore`],
    [`acs:ram::${A}:group/g`, `acs:ram::${A}:group/g`],
    [`xacs:log:cn-hangzhou:${A}:project/p`, `xacs:log:cn-hangzhou:${A}:project/p`],
    [`acs:log:cn-hangzhou:${A}:project/p/other`, `acs:log:cn-hangzhou:${A}:project/p/other`],
    [`acs:ecs:cn-hangzhou:${A}:instance/i-1`, `acs:ecs:cn-hangzhou:${A}:instance/i-1`],
  ])('%s: %s', (resource, words) => {
    expect(describeResource(resource)).toBe(words);
  });
});

describe('shortResource', () => {
  test.each([
    ['*', 'every resource'],
    [`acs:log:cn-hangzhou:${A}:project/p`, 'project p'],
    [`acs:log:cn-hangzhou:${A}:project/*`, 'projects'],
    [`acs:log:cn-hangzhou:${A}:project/p/logstore/ls`, 'logstore p/ls'],
    [`acs:log:cn-hangzhou:${A}:project/p/logstore/*`, 'logstores of p'],
    [`acs:log:cn-hangzhou:${A}:project/p/logstore/ls/consumergroup/cg`, 'consumer group p/ls/cg'],
    [`acs:log:cn-hangzhou:${A}:project/p/logstore/ls/consumergroup/*`, 'consumer groups of p/ls'],
    [`x-acs:log:cn-hangzhou:${A}:project/p`, `x-acs:log:cn-hangzhou:${A}:project/p`],
    [`acs:log:cn-hangzhou:${A}:project/p/x`, `acs:log:cn-hangzhou:${A}:project/p/x`],
    [`acs:ram::${A}:role/ops`, `acs:ram::${A}:role/ops`],
  ])('%s: %s', (resource, words) => {
    expect(shortResource(resource)).toBe(words);
  });
});

describe('describeConditions', () => {
  const c = (operator: ConditionOperator, key: string, ...values: string[]) => Condition.of(operator, key, values);
  test.each([
    [[c(ConditionOperator.BOOL, ConditionKey.MFA_PRESENT, 'true')], 'signed in with MFA'],
    [[c(ConditionOperator.BOOL, ConditionKey.MFA_PRESENT, 'false')], 'signed in without MFA'],
    [
      [c(ConditionOperator.IP_ADDRESS, ConditionKey.SOURCE_IP, '10.0.0.0/8', '192.0.2.1')],
      'source IP in 10.0.0.0/8, 192.0.2.1',
    ],
    [[c(ConditionOperator.NOT_IP_ADDRESS, ConditionKey.SOURCE_IP, '10.0.0.0/8')], 'source IP not in 10.0.0.0/8'],
    [[c(ConditionOperator.STRING_EQUALS, ConditionKey.EXTERNAL_ID, 'x')], 'the agreed external ID is passed'],
    [
      [c(ConditionOperator.STRING_EQUALS, 'acs:SourceVpc', 'vpc-1', 'vpc-2')],
      'StringEquals acs:SourceVpc vpc-1, vpc-2',
    ],
    [[c(ConditionOperator.STRING_EQUALS, ConditionKey.MFA_PRESENT, 'true')], 'StringEquals acs:MFAPresent true'],
    [
      [
        c(ConditionOperator.IP_ADDRESS, ConditionKey.SOURCE_IP, '10.0.0.0/8'),
        c(ConditionOperator.BOOL, ConditionKey.MFA_PRESENT, 'true'),
        c(ConditionOperator.STRING_EQUALS, ConditionKey.EXTERNAL_ID, 'a'),
        c(ConditionOperator.STRING_EQUALS, ConditionKey.EXTERNAL_ID, 'b'),
      ],
      'signed in with MFA; source IP in 10.0.0.0/8; the agreed external ID is passed',
    ],
    // Only the conditions the words say exactly get words: anything else is shown as written.
    [[c(ConditionOperator.STRING_NOT_LIKE, ConditionKey.EXTERNAL_ID, '*')], 'StringNotLike sts:ExternalId *'],
    [[c(ConditionOperator.STRING_LIKE, ConditionKey.EXTERNAL_ID, '*')], 'StringLike sts:ExternalId *'],
    [[c(ConditionOperator.STRING_NOT_EQUALS, ConditionKey.EXTERNAL_ID, 'x')], 'StringNotEquals sts:ExternalId x'],
    [
      [c(ConditionOperator.STRING_EQUALS, ConditionKey.EXTERNAL_ID, '${var.external_id}')],
      'StringEquals sts:ExternalId ${var.external_id}',
    ],
    [[c(ConditionOperator.BOOL, ConditionKey.MFA_PRESENT, 'false', 'true')], 'Bool acs:MFAPresent false, true'],
    [[], ''],
  ])('%j: %s', (conditions, words) => {
    expect(describeConditions(conditions as Condition[])).toBe(words);
  });
});
