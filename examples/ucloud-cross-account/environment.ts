import { ValidationError } from '../../lib/policy/private/validation-error';

/**
 * What the UCloud example reads from the environment. Every variable has an example default, so
 * `cdktf synth` works with no set-up; malformed values stop the synth with one message naming each.
 */
export interface UCloudEnvironment {
  /** GRANTOR_COMPANY_ID: account A, which owns the role (made by hand: see the grantor steps). */
  readonly grantorCompanyId: string;
  /** ACCESSOR_COMPANY_ID: account B, whose sub-users assume the role; the stack's account. */
  readonly accessorCompanyId: string;
  /** UCLOUD_REGION: the provider's region. */
  readonly region: string;
  /** UCLOUD_PROJECT_ID: the provider's project (the provider requires one). */
  readonly projectId: string;
  /** ACCESSOR_PROFILE: UCloud CLI profile with account B's credentials (unset: environment credentials). */
  readonly accessorProfile?: string;
}

/** Example defaults: clearly fake Company IDs that synthesize but can never deploy by accident. */
export const UCLOUD_EXAMPLE_DEFAULTS = {
  GRANTOR_COMPANY_ID: '10000001',
  ACCESSOR_COMPANY_ID: '20000002',
  UCLOUD_REGION: 'cn-bj2',
  UCLOUD_PROJECT_ID: 'org-example',
};

type Env = { [name: string]: string | undefined };

/** Reads and checks the variables; throws one error listing every malformed one. */
export function readUCloudEnvironment(env: Env = process.env): UCloudEnvironment {
  const problems: string[] = [];
  const get = (name: keyof typeof UCLOUD_EXAMPLE_DEFAULTS, rule: RegExp, text: string): string => {
    const raw = env[name]?.trim();
    const v = raw === undefined || raw === '' ? UCLOUD_EXAMPLE_DEFAULTS[name] : raw;
    if (!rule.test(v)) problems.push(`${name} "${v}" is not ${text}`);
    return v;
  };
  const companyRule = 'a UCloud Company ID (4-20 digits)';
  const grantorCompanyId = get('GRANTOR_COMPANY_ID', /^[1-9]\d{3,19}$/, companyRule);
  const accessorCompanyId = get('ACCESSOR_COMPANY_ID', /^[1-9]\d{3,19}$/, companyRule);
  const region = get('UCLOUD_REGION', /^[a-z]{2}(-[a-z0-9]+)*$/, 'a UCloud region ID such as cn-bj2');
  const projectId = get('UCLOUD_PROJECT_ID', /^\S+$/, 'a UCloud project ID such as org-xxxxxx');
  const profile = env.ACCESSOR_PROFILE?.trim();
  if (profile && !/^[A-Za-z0-9._-]{1,64}$/.test(profile)) {
    problems.push(`ACCESSOR_PROFILE "${profile}" is not a CLI profile name (letters, digits, ".", "_" and "-")`);
  }
  if (problems.length > 0) {
    throw new ValidationError(
      problems.length === 1
        ? `Invalid environment: ${problems[0]}`
        : `Invalid environment:\n  - ${problems.join('\n  - ')}`,
    );
  }
  return { grantorCompanyId, accessorCompanyId, region, projectId, accessorProfile: profile || undefined };
}
