import { UCloudGrantorSteps, UCloudUrn } from '../../lib';
import { errorOf } from '../support/ids';
import { ACCESSOR, GRANTOR } from './support';

const steps = new UCloudGrantorSteps({
  grantorCompanyId: GRANTOR,
  accessorCompanyId: ACCESSOR,
  roleName: 'cross-account-api',
});
const trust = `{"Statement":[{"Action":["sts:AssumeRole"],"Effect":"Allow","Principal":{"UCS":["ucs:iam::${ACCESSOR}:root"]}}],"Version":"1"}`;

describe('UCloudGrantorSteps', () => {
  test('the role URN and the trust principal have the forms of UCloud cross-account guide', () => {
    expect(steps.roleUrn).toBe(`ucs:iam::${GRANTOR}:role/cross-account-api`);
    expect(steps.trustPrincipal).toBe(`ucs:iam::${ACCESSOR}:root`);
    expect(UCloudUrn.systemPolicy('STSCreateOnlyAccess')).toBe('ucs:iam::ucs:policy/STSCreateOnlyAccess');
  });

  test('the trust policy admits exactly B, with the inferred Principal key', () => {
    expect(UCloudGrantorSteps.TRUST_PRINCIPAL_KEY).toBe('UCS');
    expect(steps.trustPolicy).toBe(trust);
  });

  test('the ucloud api calls carry the parameters of CreateRole, AttachPoliciesToRole and GetRole', () => {
    expect(steps.apiCalls).toEqual([
      `ucloud api --Action CreateRole --RoleName cross-account-api --RolePolicyDocument '${trust}'`,
      "ucloud api --Action AttachPoliciesToRole --RoleName cross-account-api --PolicyURNs.0 '<policy URN>' --Scope Unspecified",
      'ucloud api --Action GetRole --RoleName cross-account-api',
    ]);
    expect(steps.assumeRoleCall).toBe(
      `ucloud api --Action AssumeRole --RoleUrn ucs:iam::${GRANTOR}:role/cross-account-api --RoleSessionName cross-account`,
    );
  });

  test('optional parameters appear when given, each policy as PolicyURNs.N, and values are shell-quoted', () => {
    const full = new UCloudGrantorSteps({
      grantorCompanyId: GRANTOR,
      accessorCompanyId: ACCESSOR,
      roleName: 'ops',
      roleDescription: "B's operators",
      maxSessionDuration: 7200,
      rolePolicyUrns: ['ucs:iam::ucs:policy/UHostReadOnlyAccess', `ucs:iam::${GRANTOR}:policy/logs`],
      sessionName: 'b.ops',
    });
    expect(full.apiCalls[0]).toMatch(/ --Description 'B'\\''s operators' --MaxSessionDuration 7200$/);
    expect(full.apiCalls[1]).toBe(
      'ucloud api --Action AttachPoliciesToRole --RoleName ops --PolicyURNs.0 ucs:iam::ucs:policy/UHostReadOnlyAccess ' +
        `--PolicyURNs.1 ucs:iam::${GRANTOR}:policy/logs --Scope Unspecified`,
    );
    expect(full.consoleSteps[2]).toBe(
      `Open the role's details and add the permissions account ${ACCESSOR} needs (actions and resource scope): ` +
        `ucs:iam::ucs:policy/UHostReadOnlyAccess, ucs:iam::${GRANTOR}:policy/logs.`,
    );
    expect(full.assumeRoleCall).toMatch(/--RoleSessionName b\.ops$/);
  });

  test('the console steps name the menu path, the principal and the URN to check', () => {
    expect(steps.consoleSteps).toEqual([
      `Sign in to the console with account ${GRANTOR}'s main account and open Access Control > Role Management.`,
      'Create a custom role named cross-account-api.',
      `Open the role's details and add the permissions account ${ACCESSOR} needs (actions and resource scope).`,
      `In the role's details choose Trust Policies > Edit Policy: Effect Allow, Action sts, Principal ucs:iam::${ACCESSOR}:root.`,
      `Check that the role's URN on its details page is ucs:iam::${GRANTOR}:role/cross-account-api.`,
    ]);
  });

  test('the Markdown page marks what is documented and what is inferred, and holds every step and call', () => {
    const page = steps.toMarkdown();
    expect(page).toMatch(/^## In the console \(documented: /m);
    expect(page).toMatch(/^Documented: the actions and their parameters/m);
    expect(page).toMatch(/^Inferred: the JSON of `RolePolicyDocument`/m);
    for (const line of [...steps.consoleSteps, ...steps.apiCalls, steps.assumeRoleCall]) expect(page).toContain(line);
    expect(page).toContain(JSON.stringify(JSON.parse(trust), undefined, 2));
    expect(page).not.toMatch(/ucloud_iam_access_key"|PrivateKey|secret:/);
  });

  test('bad input throws one message listing every problem', () => {
    expect(
      errorOf(
        () =>
          new UCloudGrantorSteps({
            grantorCompanyId: GRANTOR,
            accessorCompanyId: '0123',
            roleName: 'r',
            sessionName: 'a b',
            maxSessionDuration: 1000.5,
          }),
      ).split('\n'),
    ).toEqual([
      'UCloudGrantorSteps: accessorCompanyId "0123" is not a Company ID (a UCloud Company ID: 4-20 digits, shown under the console avatar)',
      'UCloudGrantorSteps: maxSessionDuration 1000.5 is not a whole number of seconds of at least 900 (an STS token lasts at least 900 seconds)',
      'UCloudGrantorSteps: sessionName "a b" is not a valid STS session name (1-64 characters: letters, digits, "_", "-" and ".")',
    ]);
  });
});
