import * as fc from 'fast-check';
import { Condition } from '../../lib/policy';
import { conditionHolds } from '../../lib/analysis/private/condition-eval';
import { candidateContexts } from '../../lib/analysis/private/satisfying-context';

// The analysis decides "can anybody get in?" by trying candidate request contexts, so a stretch of
// addresses no candidate falls in is a "no" where a request from it gets in. Brute force over a small block
// says what the candidates must find: blocks of 10.0.0.0/26 (64 addresses) and the addresses around it.
const KEY = 'acs:SourceIp';
const RUNS = Number(process.env.XACCOUNT_PROPERTY_RUNS ?? 500);
const address = (n: number): string => `10.0.0.${n}`;
const EVERY = [undefined, '9.255.255.255', ...Array.from({ length: 64 }, (_, n) => address(n)), '10.0.0.64'];

const block = fc
  .tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 26, max: 32 }))
  .map(([n, prefix]) => `${address(n - (n % 2 ** (32 - prefix)))}/${prefix}`);
const condition = fc
  .tuple(fc.boolean(), fc.uniqueArray(block, { minLength: 1, maxLength: 2 }))
  .map(([positive, blocks]) => (positive ? Condition.ipAddress(KEY, blocks) : Condition.notIpAddress(KEY, blocks)));

describe('IPv4 candidates meet every stretch of addresses the conditions treat alike (property)', () => {
  test('some candidate meets all the conditions exactly when some address (or none) does', () => {
    fc.assert(
      fc.property(fc.array(condition, { minLength: 1, maxLength: 5 }), (conditions) => {
        const holds = (ip: string | undefined) =>
          conditions.every((c) => conditionHolds(c, ip === undefined ? {} : { [KEY]: [ip] }, true));
        const met = Array.from(candidateContexts(conditions)).some((c) => holds(c[KEY]?.[0]));
        expect(met).toBe(EVERY.some(holds));
      }),
      { numRuns: RUNS },
    );
  });
});
