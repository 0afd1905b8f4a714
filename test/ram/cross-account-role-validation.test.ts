import { CrossAccountRole, CrossAccountRoleProps, Principal } from '../../lib';
import { errorOf, OWNER, PARTNER, synth, synthAccountStack } from '../support/synth';

function problem(props: Partial<CrossAccountRoleProps>): string {
  return errorOf(() =>
    synth(
      (scope) => new CrossAccountRole(scope, 'partner-role', { roleName: 'r', trustedAccountIds: [PARTNER], ...props }),
    ),
  );
}

describe('CrossAccountRole rejects bad input with the construct path, the value and the rule', () => {
  test('role name', () => {
    expect(problem({ roleName: 'my role' })).toBe(
      'stack/partner-role: roleName "my role" is not a valid RAM role name (1-64 characters: letters, digits, "." and "-")',
    );
    expect(problem({ roleName: 'x'.repeat(65) })).toContain('is not a valid RAM role name');
    expect(problem({ roleName: '' })).toContain('roleName "" is not a valid RAM role name');
  });

  test('trusted account ID form', () => {
    expect(problem({ trustedAccountIds: ['12345'] })).toBe(
      'stack/partner-role: trustedAccountIds[0] "12345" is not an account ID (a 16-digit Alibaba Cloud account ID)',
    );
  });

  test('owner account ID form', () => {
    expect(problem({ ownerAccountId: 'owner' })).toBe(
      'stack/partner-role: ownerAccountId "owner" is not an account ID (a 16-digit Alibaba Cloud account ID)',
    );
  });

  test('at least one trusted entity', () => {
    expect(problem({ trustedAccountIds: [] })).toBe(
      'stack/partner-role: no trusted entity (give trustedAccountIds or trustedPrincipals: a role nobody can assume is useless)',
    );
  });

  test('no "*" principal', () => {
    expect(problem({ trustedAccountIds: ['*'] })).toBe(
      'stack/partner-role: trustedAccountIds[0] "*" is a wildcard (trust named accounts only; "*" would let any account in)',
    );
  });

  test('description length', () => {
    expect(problem({ description: 'd'.repeat(1025) })).toMatch(
      /^stack\/partner-role: description "d+\.\.\." is 1025 characters long \(allowed: 1-1024\)$/,
    );
    expect(problem({ description: '' })).toBe(
      'stack/partner-role: description "" is 0 characters long (allowed: 1-1024)',
    );
  });

  test('maxSessionDuration range', () => {
    expect(problem({ maxSessionDuration: 900 })).toBe(
      'stack/partner-role: maxSessionDuration "900" is out of range (whole seconds from 3600 to 43200)',
    );
    expect(problem({ maxSessionDuration: 43201 })).toContain('out of range');
    expect(problem({ maxSessionDuration: 3600.5 })).toContain('out of range');
  });

  test('external ID form', () => {
    expect(problem({ externalId: 'a' })).toBe(
      'stack/partner-role: externalId "a" is not a valid external ID (2-1224 characters: letters, digits and _+=,.@:/-)',
    );
    expect(problem({ externalId: 'has space' })).toContain('is not a valid external ID');
  });

  test('allowed source IPs', () => {
    expect(problem({ allowedSourceIps: ['10.0.0.300'] })).toBe(
      'stack/partner-role: allowedSourceIps[0] "10.0.0.300" is not an IP address or CIDR block',
    );
    expect(problem({ allowedSourceIps: [] })).toBe(
      'stack/partner-role: allowedSourceIps is an empty list (leave it out or give at least one value)',
    );
  });

  test('services cannot carry MFA, source IP or external ID conditions', () => {
    expect(problem({ trustedPrincipals: [Principal.service('ecs.aliyuncs.com')], requireMfa: true })).toContain(
      'trustedPrincipals "ecs.aliyuncs.com" are services, which carry no MFA, source IP or external ID',
    );
  });

  test('system policy names', () => {
    expect(problem({ systemPolicies: ['Aliyun ECS'] })).toBe(
      'stack/partner-role: systemPolicies[0] "Aliyun ECS" is not a valid RAM policy name (1-128 characters: letters, digits and "-")',
    );
  });

  test('tags', () => {
    expect(problem({ tags: { 'aliyun:owner': 'x' } })).toBe(
      'stack/partner-role: tags key "aliyun:owner" is not a valid tag key (1-128 characters, not starting with "aliyun" or "acs:")',
    );
    expect(problem({ tags: { team: 'v'.repeat(129) } })).toBe(
      'stack/partner-role: tags value of "team" is 129 characters long (allowed: 0-128)',
    );
  });

  test('every problem is reported at once', () => {
    expect(problem({ roleName: 'bad name', trustedAccountIds: ['1'], maxSessionDuration: 1 }).split('\n')).toHaveLength(
      3,
    );
  });

  test('a role never trusts its own account or a principal of it', () => {
    const rule =
      '(a CrossAccountRole trusts other accounts: trusting its own account lets in every RAM user and role of it ' +
      'that holds sts:AssumeRole on "*"; to revoke every partner, set revoked: true)';
    expect(problem({ ownerAccountId: OWNER, trustedAccountIds: [PARTNER, OWNER] })).toBe(
      `stack/partner-role: trustedAccountIds[1] "${OWNER}" is the role's own account (ownerAccountId) ${rule}`,
    );
    expect(
      problem({
        ownerAccountId: OWNER,
        trustedAccountIds: [],
        trustedPrincipals: [Principal.ramUser(PARTNER, 'b1'), Principal.ramRole(OWNER, 'ci')],
      }),
    ).toBe(
      `stack/partner-role: trustedPrincipals[1] "acs:ram::${OWNER}:role/ci" belongs to the role's own account "${OWNER}" ${rule}`,
    );
  });

  test("in an AccountStack the owner is the stack's account, also without ownerAccountId", () => {
    expect(
      errorOf(() =>
        synthAccountStack(
          (stack) => new CrossAccountRole(stack, 'partner-role', { roleName: 'r', trustedAccountIds: [OWNER] }),
        ),
      ),
    ).toContain(`test/partner-role: trustedAccountIds[0] "${OWNER}" is the role's own account (ownerAccountId)`);
    // The stack's account is another one than the partner's: accepted.
    expect(() =>
      synthAccountStack(
        (stack) => new CrossAccountRole(stack, 'partner-role', { roleName: 'r', trustedAccountIds: [PARTNER] }),
      ),
    ).not.toThrow();
  });
});
