import { Testing } from 'cdktf';
import { UCloudAccountStackProps, UCloudStsUserGrant } from '../../lib';
import { errorOf } from '../support/ids';
import { ACCESSOR, accessorStack, GRANTOR } from './support';

function synthesized(props: Partial<UCloudAccountStackProps> = {}) {
  return JSON.parse(Testing.synth(accessorStack(props)));
}

describe('UCloudAccountStack', () => {
  test('one ucloud provider, pinned to the schema version, with the region and project', () => {
    const json = synthesized({ profile: 'b-pipeline' });
    expect(json.terraform.required_providers).toEqual({ ucloud: { source: 'ucloud/ucloud', version: '~> 1.39' } });
    expect(json.provider).toEqual({ ucloud: [{ region: 'cn-bj2', project_id: 'org-test', profile: 'b-pipeline' }] });
  });

  test('local state next to the synth output, as AccountStack keeps it', () => {
    expect(synthesized().terraform.backend).toEqual({ local: { path: '../../../terraform.accessor.tfstate' } });
  });

  test('assumeRole with a role of its own account goes into the provider block', () => {
    const json = synthesized({ assumeRole: { roleUrn: `ucs:iam::${ACCESSOR}:role/deployer`, sessionName: 'ci' } });
    expect(json.provider.ucloud[0].assume_role).toEqual({
      role_urn: `ucs:iam::${ACCESSOR}:role/deployer`,
      session_name: 'ci',
    });
  });

  test('Terraform names are the construct path below the stack, without hashes', () => {
    const stack = accessorStack();
    new UCloudStsUserGrant(stack, 'api', { grantorCompanyId: GRANTOR, roleName: 'r', users: [{ userName: 'u' }] });
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(json.resource.ucloud_iam_user)).toEqual(['api_user-u']);
  });

  test.each<[string, Partial<UCloudAccountStackProps>, string]>([
    [
      'Company ID',
      { companyId: 'b' },
      'accessor: companyId "b" is not a Company ID (a UCloud Company ID: 4-20 digits, shown under the console avatar)',
    ],
    ['region', { region: 'Beijing 2' }, 'accessor: region "Beijing 2" is not a UCloud region ID (such as cn-bj2)'],
    ['project', { projectId: 'org x' }, 'accessor: projectId "org x" is not a project ID (such as org-xxxxxx)'],
    [
      'assumed role of another account',
      { assumeRole: { roleUrn: `ucs:iam::${GRANTOR}:role/deployer`, sessionName: 'ci' } },
      `accessor: assumeRole.roleUrn "ucs:iam::${GRANTOR}:role/deployer" is a role of account ${GRANTOR}, not of ${ACCESSOR} (the role must be in the account the stack manages)`,
    ],
    [
      'assumed role that is no role URN',
      { assumeRole: { roleUrn: 'acs:ram::1:role/x', sessionName: 'ci' } },
      'accessor: assumeRole.roleUrn "acs:ram::1:role/x" is not a role URN (ucs:iam::<Company ID>:role/<name>)',
    ],
    [
      'session name',
      { assumeRole: { roleUrn: `ucs:iam::${ACCESSOR}:role/deployer`, sessionName: 'c i' } },
      'accessor: assumeRole.sessionName "c i" is not a valid STS session name (1-64 characters: letters, digits, "_", "-" and ".")',
    ],
  ])('bad %s: one message naming the path, the value and the rule', (_, props, message) => {
    expect(errorOf(() => accessorStack(props))).toBe(message);
  });
});
