import { isTerraformExpression, quote } from '../policy/private/expression';
import { ValidationError } from '../policy/private/validation-error';
import { checkCompanyId, checkSessionName, checkUCloudName } from './private/checks';
import { UCloudUrn } from './ucloud-urn';

/** What account A (the grantor) must create by hand: one role that account B may assume. */
export interface UCloudGrantorStepsProps {
  /** Account A's Company ID: the account that owns the role. */
  readonly grantorCompanyId: string;
  /** Account B's Company ID: the account whose sub-users assume the role. */
  readonly accessorCompanyId: string;
  /** The role's name in account A. */
  readonly roleName: string;
  /**
   * The role's description (CreateRole `Description`).
   * @default - none
   */
  readonly roleDescription?: string;
  /**
   * The role's maximum session duration in seconds (CreateRole `MaxSessionDuration`).
   * @default - UCloud's default (the console shows 3600 seconds)
   */
  readonly maxSessionDuration?: number;
  /**
   * URNs of the policies account A attaches to the role: what B may do once in (AttachPoliciesToRole).
   * @default - none: the steps leave a placeholder, A chooses
   */
  readonly rolePolicyUrns?: string[];
  /**
   * The session name in the AssumeRole example for B's sub-user.
   * @default 'cross-account'
   */
  readonly sessionName?: string;
}

// Inferred: no UCloud document shows the JSON of a trust policy (the console edits it in a form).
const TRUST_PRINCIPAL_KEY = 'UCS';
const STS_CREATE_ONLY_ACCESS = 'STSCreateOnlyAccess';

/** The smallest STS token lifetime, in seconds (AssumeRole `DurationSeconds` minimum). */
const MIN_SESSION_SECONDS = 900;

/** The problems of a set of grantor-step properties, each `<what> "<value>" <why> (<rule>)`. */
export function grantorStepsProblems(props: UCloudGrantorStepsProps): string[] {
  const duration = props.maxSessionDuration;
  return [
    ...checkCompanyId('grantorCompanyId', props.grantorCompanyId),
    ...checkCompanyId('accessorCompanyId', props.accessorCompanyId),
    ...(props.grantorCompanyId === props.accessorCompanyId
      ? [
          `accessorCompanyId ${quote(props.accessorCompanyId)} equals grantorCompanyId ` +
            '(cross-account access needs two accounts)',
        ]
      : []),
    ...checkUCloudName('role', 'roleName', props.roleName),
    ...(isTerraformExpression(props.roleName)
      ? [`roleName ${quote(props.roleName)} is a Terraform expression (the grantor steps need the name itself)`]
      : []),
    ...(duration !== undefined && (!Number.isInteger(duration) || duration < MIN_SESSION_SECONDS)
      ? [
          `maxSessionDuration ${duration} is not a whole number of seconds of at least ${MIN_SESSION_SECONDS} ` +
            '(an STS token lasts at least 900 seconds)',
        ]
      : []),
    ...(props.rolePolicyUrns ?? [])
      .filter((urn) => !/^ucs:iam::[A-Za-z0-9]+:policy\/\S+$/.test(urn))
      .map(
        (urn) => `rolePolicyUrns entry ${quote(urn)} is not a policy URN (ucs:iam::<ucs or Company ID>:policy/<name>)`,
      ),
    ...checkSessionName('sessionName', props.sessionName),
  ];
}

/** Quotes a value for a POSIX shell: single quotes, with any single quote closed, escaped and reopened. */
function shellQuote(value: string): string {
  return /^[A-Za-z0-9_.:/@=+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** One `ucloud api` call: the CLI's generic form, `--Action <Name>` then `--<Parameter> <value>` pairs. */
function apiCall(action: string, parameters: [string, string | undefined][]): string {
  const given = parameters.filter((p): p is [string, string] => p[1] !== undefined);
  return ['ucloud api', `--Action ${action}`, ...given.map(([k, v]) => `--${k} ${shellQuote(v)}`)].join(' ');
}

/**
 * Account A's side of UCloud cross-account API access, produced rather than deployed: the UCloud
 * Terraform provider has no IAM role resource, so the role and its trust policy are made in the
 * console or with the IAM API. Everything here is derived from the two Company IDs and the role
 * name; each step says whether UCloud documents it or this library infers it.
 */
export class UCloudGrantorSteps {
  /**
   * The key under `Principal` in the trust policy written for CreateRole. Inferred: no UCloud
   * document shows a trust policy's JSON (the console edits it in a form); compare it with the
   * console's script preview of a trust policy before using the API call.
   */
  public static readonly TRUST_PRINCIPAL_KEY: string = TRUST_PRINCIPAL_KEY;
  /** The system policy that lets a sub-user call STS AssumeRole (UCloud's cross-account guide, step 3). */
  public static readonly STS_POLICY_NAME: string = STS_CREATE_ONLY_ACCESS;

  /** The role's URN, the `RoleUrn` B's sub-users pass to STS AssumeRole (documented form). */
  public readonly roleUrn: string;
  /** The principal A adds to the role's trust policy: B's account root (documented form). */
  public readonly trustPrincipal: string;
  /**
   * The trust policy text for CreateRole's `RolePolicyDocument`. Inferred: UCloud documents the
   * parameter but not the document's JSON; the key under `Principal` is `TRUST_PRINCIPAL_KEY`.
   */
  public readonly trustPolicy: string;
  /** The console steps in account A (UCloud's cross-account API access guide, steps 1 and 2). */
  public readonly consoleSteps: string[];
  /** The `ucloud api` calls in account A that do the same as the console steps. */
  public readonly apiCalls: string[];
  /** What B's sub-user runs once A is done (STS AssumeRole, documented). */
  public readonly assumeRoleCall: string;
  private readonly props: UCloudGrantorStepsProps;

  constructor(props: UCloudGrantorStepsProps) {
    const problems = grantorStepsProblems(props);
    if (problems.length > 0) throw new ValidationError(problems.map((p) => `UCloudGrantorSteps: ${p}`).join('\n'));
    this.props = props;
    this.roleUrn = UCloudUrn.role(props.grantorCompanyId, props.roleName);
    this.trustPrincipal = UCloudUrn.accountRoot(props.accessorCompanyId);
    // Keys in alphabetical order and values as arrays, the form of UCloud's own policy documents
    // (data.ucloud_iam_policy_document writes Action and Resource as arrays).
    this.trustPolicy = JSON.stringify({
      Statement: [
        { Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { [TRUST_PRINCIPAL_KEY]: [this.trustPrincipal] } },
      ],
      Version: '1',
    });
    const policies = props.rolePolicyUrns ?? [];
    this.consoleSteps = [
      `Sign in to the console with account ${props.grantorCompanyId}'s main account and open Access Control > Role Management.`,
      `Create a custom role named ${props.roleName}.`,
      `Open the role's details and add the permissions account ${props.accessorCompanyId} needs (actions and resource scope)` +
        (policies.length > 0 ? `: ${policies.join(', ')}.` : '.'),
      `In the role's details choose Trust Policies > Edit Policy: Effect Allow, Action sts, Principal ${this.trustPrincipal}.`,
      `Check that the role's URN on its details page is ${this.roleUrn}.`,
    ];
    const maxSessionDuration = props.maxSessionDuration === undefined ? undefined : String(props.maxSessionDuration);
    this.apiCalls = [
      apiCall('CreateRole', [
        ['RoleName', props.roleName],
        ['RolePolicyDocument', this.trustPolicy],
        ['Description', props.roleDescription],
        ['MaxSessionDuration', maxSessionDuration],
      ]),
      apiCall('AttachPoliciesToRole', [
        ['RoleName', props.roleName],
        ...(policies.length > 0
          ? policies.map((urn, i): [string, string] => [`PolicyURNs.${i}`, urn])
          : ([['PolicyURNs.0', '<policy URN>']] as [string, string][])),
        ['Scope', 'Unspecified'],
      ]),
      apiCall('GetRole', [['RoleName', props.roleName]]),
    ];
    this.assumeRoleCall = apiCall('AssumeRole', [
      ['RoleUrn', this.roleUrn],
      ['RoleSessionName', props.sessionName ?? 'cross-account'],
    ]);
  }

  /** The steps as a Markdown page, with what is documented and what is inferred marked on each part. */
  public toMarkdown(): string {
    const p = this.props;
    const numbered = (steps: string[]): string[] => steps.map((s, i) => `${i + 1}. ${s}`);
    return [
      `# Account ${p.grantorCompanyId}: role ${p.roleName} for account ${p.accessorCompanyId}`,
      '',
      'The UCloud Terraform provider (ucloud/ucloud) has no IAM role resource, so account A (the grantor) creates',
      "this role by hand, in the console or with the IAM API; the accessor stack only creates account B's sub-users",
      `and attaches ${STS_CREATE_ONLY_ACCESS} to them. Nothing on this page is secret.`,
      '',
      '| what | value | source |',
      '| --- | --- | --- |',
      `| role URN (STS \`RoleUrn\`) | \`${this.roleUrn}\` | documented form (cross-account guide, step 5) |`,
      `| trust principal | \`${this.trustPrincipal}\` | documented (cross-account guide, step 2) |`,
      '',
      '## In the console (documented: UCloud cross-account API access guide, steps 1 and 2)',
      '',
      ...numbered(this.consoleSteps),
      '',
      '## With the IAM API, as account A (`ucloud api`)',
      '',
      '```sh',
      ...this.apiCalls,
      '```',
      '',
      'Documented: the actions and their parameters (UCloud API reference, iam-api: CreateRole `RoleName`,',
      '`RolePolicyDocument` = the trust policy text, `Description`, `MaxSessionDuration`; AttachPoliciesToRole',
      '`RoleName`, `PolicyURNs.N`, `Scope`, `ProjectID`; GetRole returns `RoleURN` and `RolePolicyDocument`).',
      '',
      `Inferred: the JSON of \`RolePolicyDocument\`. No UCloud document shows a trust policy as text; the key under`,
      `\`Principal\` (\`${TRUST_PRINCIPAL_KEY}\`) and the action name \`sts:AssumeRole\` follow UCloud's policy form`,
      '(`<product>:<API name>`) and the console form (Effect, Action sts, Principal). Before using the API call, open',
      "the console's script preview of a trust policy and use its keys if they differ. `Scope Unspecified` (an",
      'account-wide attachment) is the value the provider sends for user attachments without a project, inferred',
      'to hold for roles too. The trust policy written here:',
      '',
      '```json',
      JSON.stringify(JSON.parse(this.trustPolicy), undefined, 2),
      '```',
      '',
      '## Then, in account B (documented: cross-account guide, steps 3 to 5; STS guide: a sub-user calls AssumeRole with its own API key)',
      '',
      `1. B's administrator creates an API key for each sub-user in the console (Access Control > User Management),`,
      '   never in Terraform: the secret of `ucloud_iam_access_key` would be kept in the Terraform state.',
      `2. A sub-user gets temporary credentials: \`${this.assumeRoleCall}\``,
      '',
      '## Revoking',
      '',
      `UCloud's IAM API has no call to change a trust policy: remove ${this.trustPrincipal} in the console`,
      `(Trust Policies > Edit Policy), or delete the role (\`ucloud api --Action DeleteRole --RoleName ${shellQuote(p.roleName)}\`).`,
      'Tokens already issued stay valid until they expire.',
      '',
    ].join('\n');
  }
}
