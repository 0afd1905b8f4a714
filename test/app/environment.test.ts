import { EXAMPLE_DEFAULTS, readAccountIds, readEnvironment } from '../../examples/shared/environment';
import { errorOf, OWNER, PARTNER } from '../support/synth';

describe('readEnvironment', () => {
  test('documented defaults apply when nothing is set', () => {
    expect(readEnvironment({})).toEqual({
      ownerAccountId: EXAMPLE_DEFAULTS.OWNER_ACCOUNT_ID,
      partnerAccountId: EXAMPLE_DEFAULTS.PARTNER_ACCOUNT_ID,
      region: 'cn-hangzhou',
      ownerProfile: undefined,
      partnerProfile: undefined,
      stateBackend: undefined,
      partnerRevoked: false,
    });
  });

  test('reads accounts, region, profiles and the OSS backend', () => {
    expect(
      readEnvironment({
        OWNER_ACCOUNT_ID: OWNER,
        PARTNER_ACCOUNT_ID: PARTNER,
        ALICLOUD_REGION: 'cn-beijing',
        OWNER_PROFILE: 'owner',
        PARTNER_PROFILE: 'partner',
        STATE_BUCKET: 'tf-state-bucket',
        STATE_LOCK_ENDPOINT: 'https://tf-lock.cn-beijing.ots.aliyuncs.com',
        STATE_LOCK_TABLE: 'terraform_lock',
      }),
    ).toMatchObject({
      ownerAccountId: OWNER,
      partnerAccountId: PARTNER,
      region: 'cn-beijing',
      ownerProfile: 'owner',
      partnerProfile: 'partner',
      stateBackend: { bucket: 'tf-state-bucket', tablestoreTable: 'terraform_lock' },
    });
  });

  test('a malformed value stops the synth with a message naming the variable', () => {
    expect(errorOf(() => readEnvironment({ OWNER_ACCOUNT_ID: '1111-2222' }))).toBe(
      'Invalid environment: OWNER_ACCOUNT_ID "1111-2222" is not a 16-digit Alibaba Cloud account ID',
    );
    expect(errorOf(() => readEnvironment({ ALICLOUD_REGION: 'Hangzhou' }))).toContain(
      'ALICLOUD_REGION "Hangzhou" is not a region ID',
    );
    expect(errorOf(() => readEnvironment({ OWNER_PROFILE: 'my profile' }))).toContain(
      'OWNER_PROFILE "my profile" is not a CLI profile name',
    );
  });

  test('PARTNER_ACCESS is "granted" or "revoked"', () => {
    expect(readEnvironment({ PARTNER_ACCESS: 'revoked' }).partnerRevoked).toBe(true);
    expect(errorOf(() => readEnvironment({ PARTNER_ACCESS: 'no' }))).toBe(
      'Invalid environment: PARTNER_ACCESS "no" is not "granted" or "revoked"',
    );
  });

  test('the same account for both sides is refused', () => {
    expect(errorOf(() => readEnvironment({ OWNER_ACCOUNT_ID: OWNER, PARTNER_ACCOUNT_ID: OWNER }))).toContain(
      `PARTNER_ACCOUNT_ID "${OWNER}" equals OWNER_ACCOUNT_ID (cross-account access needs two accounts)`,
    );
  });

  test('STATE_BUCKET needs the Tablestore lock settings', () => {
    expect(errorOf(() => readEnvironment({ STATE_BUCKET: 'tf-state' }))).toBe(
      'Invalid environment:\n  - STATE_LOCK_ENDPOINT is not set (STATE_BUCKET needs Tablestore locking)\n' +
        '  - STATE_LOCK_TABLE is not set (STATE_BUCKET needs Tablestore locking)',
    );
  });
});

describe('readAccountIds', () => {
  const defaults = ['2000000000000002', '3000000000000003'];

  test('takes the defaults, or a comma-separated list', () => {
    expect(readAccountIds({}, 'PARTNER_ACCOUNT_IDS', defaults)).toEqual(defaults);
    expect(
      readAccountIds({ PARTNER_ACCOUNT_IDS: ' 5555666677778888, 9999000011112222 ' }, 'PARTNER_ACCOUNT_IDS', defaults),
    ).toEqual(['5555666677778888', '9999000011112222']);
  });

  test('names the variable for a malformed entry, a wrong count or a repeated account', () => {
    expect(
      errorOf(() => readAccountIds({ PARTNER_ACCOUNT_IDS: '5555666677778888,12' }, 'PARTNER_ACCOUNT_IDS', defaults)),
    ).toBe('Invalid environment: PARTNER_ACCOUNT_IDS entry "12" is not a 16-digit Alibaba Cloud account ID');
    expect(
      errorOf(() => readAccountIds({ PARTNER_ACCOUNT_IDS: '5555666677778888' }, 'PARTNER_ACCOUNT_IDS', defaults)),
    ).toBe('Invalid environment: PARTNER_ACCOUNT_IDS has 1 account IDs; this app needs 2');
    expect(
      errorOf(() =>
        readAccountIds({ PARTNER_ACCOUNT_IDS: '5555666677778888,5555666677778888' }, 'PARTNER_ACCOUNT_IDS', defaults),
      ),
    ).toBe('Invalid environment: PARTNER_ACCOUNT_IDS names an account more than once');
  });
});
