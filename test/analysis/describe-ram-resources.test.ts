import { describeResource } from '../../lib/analysis/private/describe';

// RAM resources in words (describe.ts describeResource), as the "What it can do" table shows them: with an
// empty or a wildcard region, and text that only contains a RAM ARN is left as it is.
test.each([
  ['acs:ram::1000000000000001:role/ops', 'role ops of account 1000000000000001'],
  ['acs:ram:*:1000000000000001:role/ops', 'role ops of account 1000000000000001'],
  ['acs:ram:*:1000000000000001:user/dev/alice', 'user dev/alice of account 1000000000000001'],
  ['x-acs:ram::1000000000000001:role/ops', 'x-acs:ram::1000000000000001:role/ops'],
  ['acs:ram::1000000000000001:group/ops', 'acs:ram::1000000000000001:group/ops'],
])('%s is "%s"', (resource, words) => {
  expect(describeResource(resource)).toBe(words);
});
