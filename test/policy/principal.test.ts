import { Condition, ConditionKey, Principal, PrincipalType } from '../../lib/policy';
import { errorOf, OWNER, PARTNER } from '../support/ids';

describe('Principal', () => {
  test('factories write the documented identifiers (ram-policy-reference §3.2)', () => {
    expect(Principal.account(PARTNER).identifier).toBe(`acs:ram::${PARTNER}:root`);
    expect(Principal.ramUser(PARTNER, 'bob').identifier).toBe(`acs:ram::${PARTNER}:user/bob`);
    expect(Principal.ramRole(PARTNER, 'ci.deployer').identifier).toBe(`acs:ram::${PARTNER}:role/ci.deployer`);
    expect(Principal.service('ecs.aliyuncs.com').identifier).toBe('ecs.aliyuncs.com');
    expect(Principal.samlProvider(OWNER, 'corp-idp').identifier).toBe(`acs:ram::${OWNER}:saml-provider/corp-idp`);
    expect(Principal.oidcProvider(OWNER, 'gitlab').identifier).toBe(`acs:ram::${OWNER}:oidc-provider/gitlab`);
  });

  test('each principal knows its type and account', () => {
    expect(Principal.account(PARTNER)).toMatchObject({ type: PrincipalType.RAM, accountId: PARTNER });
    expect(Principal.service('fc.aliyuncs.com')).toMatchObject({ type: PrincipalType.SERVICE, accountId: undefined });
    expect(Principal.samlProvider(OWNER, 'idp').type).toBe(PrincipalType.FEDERATED);
  });

  test('an account ID that is not 16 digits is refused with the rule', () => {
    expect(errorOf(() => Principal.account('12345'))).toBe(
      'Principal: accountId "12345" is not an account ID (a 16-digit Alibaba Cloud account ID)',
    );
  });

  test('user and role names are checked', () => {
    expect(errorOf(() => Principal.ramUser(PARTNER, 'bad name'))).toContain(
      'userName "bad name" is not a valid RAM user name (1-64 characters',
    );
    expect(errorOf(() => Principal.ramRole(PARTNER, 'role_with_underscore'))).toContain(
      'roleName "role_with_underscore" is not a valid RAM role name',
    );
  });

  test('a service must be <service>.aliyuncs.com', () => {
    expect(errorOf(() => Principal.service('ecs.amazonaws.com'))).toBe(
      'Principal: serviceName "ecs.amazonaws.com" is not a service principal (<service>.aliyuncs.com)',
    );
  });

  test('fromIdentifier refuses wildcards and unknown forms', () => {
    expect(errorOf(() => Principal.fromIdentifier('RAM', '*'))).toContain('principal "*" is a wildcard');
    expect(errorOf(() => Principal.fromIdentifier('RAM', `acs:ram::${PARTNER}:*`))).toContain('is a wildcard');
    expect(errorOf(() => Principal.fromIdentifier('RAM', `acs:ram::${PARTNER}:group/x`))).toContain(
      'is not acs:ram::<account id>:root, :user/<name> or :role/<name>',
    );
    expect(errorOf(() => Principal.fromIdentifier('AWS', 'arn:aws:iam::1:root'))).toContain(
      'principal type "AWS" is not RAM, Service or Federated',
    );
    expect(Principal.fromIdentifier('RAM', `acs:ram::${PARTNER}:root`).accountId).toBe(PARTNER);
  });

  test('withConditions returns a new principal and leaves the original alone', () => {
    const plain = Principal.account(PARTNER);
    const mfa = plain.withConditions(Condition.bool(ConditionKey.MFA_PRESENT, true));
    expect(plain.conditions).toHaveLength(0);
    expect(mfa.conditions).toHaveLength(1);
    expect(mfa.identifier).toBe(plain.identifier);
    expect(mfa.conditionsKey).not.toBe(plain.conditionsKey);
  });

  test('the conditions key does not depend on the order conditions were given in', () => {
    const a = Condition.bool(ConditionKey.MFA_PRESENT, true);
    const b = Condition.ipAddress(ConditionKey.SOURCE_IP, ['10.0.0.0/8']);
    expect(Principal.account(PARTNER).withConditions(a, b).conditionsKey).toBe(
      Principal.account(PARTNER).withConditions(b, a).conditionsKey,
    );
  });
});

describe('Principal read from documents', () => {
  test('fromIdentifier takes each type in its own form, with its account', () => {
    expect(Principal.fromIdentifier('Service', 'ecs.aliyuncs.com')).toMatchObject({
      type: 'Service',
      identifier: 'ecs.aliyuncs.com',
      accountId: undefined,
    });
    const idp = Principal.fromIdentifier('Federated', `acs:ram::${OWNER}:oidc-provider/gitlab`);
    expect([idp.type, idp.accountId, idp.toString()]).toEqual([
      'Federated',
      OWNER,
      `Federated:acs:ram::${OWNER}:oidc-provider/gitlab`,
    ]);
    expect(Principal.fromIdentifier('RAM', `acs:ram::${PARTNER}:role/ops`).toString()).toBe(
      `RAM:acs:ram::${PARTNER}:role/ops`,
    );
    expect(errorOf(() => Principal.fromIdentifier('Service', 'ecs.aliyuncs.com.evil'))).toBe(
      'Principal: Service principal "ecs.aliyuncs.com.evil" is not <service>.aliyuncs.com',
    );
    expect(errorOf(() => Principal.fromIdentifier('Federated', `acs:ram::${OWNER}:root`))).toContain(
      'Federated principal',
    );
    expect(errorOf(() => Principal.fromIdentifier('RAM', `acs:ram::${PARTNER}:user/b?b`))).toBe(
      `Principal: principal "acs:ram::${PARTNER}:user/b?b" is a wildcard (name accounts, users, roles or services explicitly)`,
    );
  });

  test('a bad account and a bad name are both named, in one message', () => {
    expect(errorOf(() => Principal.ramRole('1', 'a_b'))).toBe(
      'Principal: accountId "1" is not an account ID (a 16-digit Alibaba Cloud account ID); ' +
        'roleName "a_b" is not a valid RAM role name (1-64 characters: letters, digits, "." and "-")',
    );
  });

  test('withConditions keeps type, identifier and account, and adds to the conditions it has', () => {
    const a = Condition.bool(ConditionKey.MFA_PRESENT, true);
    const b = Condition.ipAddress(ConditionKey.SOURCE_IP, ['10.0.0.0/8']);
    const p = Principal.samlProvider(OWNER, 'idp').withConditions(a).withConditions(b);
    expect([p.type, p.identifier, p.accountId, p.conditions]).toEqual([
      'Federated',
      `acs:ram::${OWNER}:saml-provider/idp`,
      OWNER,
      [a, b],
    ]);
  });
});

describe('federated principals', () => {
  test('refuse provider names with characters RAM does not allow', () => {
    expect(errorOf(() => Principal.samlProvider(OWNER, 'corp idp'))).toBe(
      `Principal: Federated principal "acs:ram::${OWNER}:saml-provider/corp idp" is not acs:ram::<account id>:saml-provider/<name> or :oidc-provider/<name>`,
    );
  });
});
