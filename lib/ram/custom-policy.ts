import { ITerraformDependable, TerraformProvider } from '../private/framework';
import { Construct } from 'constructs';
import { RamPolicy } from '../.gen/providers/alicloud/ram-policy';
import { PolicyDocument } from '../policy';
import { checkDescription, checkPolicyName } from '../policy/private/checks';
import { throwIfInvalid } from '../private/construct-errors';
import { producedString } from '../private/document-token';
import { IRamPolicy, PolicyType } from './ram-policy';
import { policyImportId } from './private/import-ids';
import { nameTakenProblems } from './private/account-names';
import { accountOfStack } from '../private/stack-account';

/** Properties of a `CustomPolicy`. */
export interface CustomPolicyProps {
  /** Name of the policy: 1-128 letters, digits and `-`. Renaming replaces the policy and detaches it everywhere. */
  readonly policyName: string;
  /** The permissions. Rendered in canonical form when the app is synthesized, so later `addStatements` calls count. */
  readonly document: PolicyDocument;
  /**
   * What the policy is for (1-1,024 characters).
   * @default - none
   */
  readonly description?: string;
  /**
   * The provider (account) to create the policy with.
   * @default - the stack's default alicloud provider
   */
  readonly provider?: TerraformProvider;
  /**
   * The policy already exists (made in the console): adopt it with a Terraform `import` block (id: the
   * policy name) instead of creating it. A different document becomes a new default version, in place.
   * @default false - the policy is created
   */
  readonly adopt?: boolean;
}

/**
 * A custom RAM policy (`alicloud_ram_policy`) from a `PolicyDocument`.
 *
 * The document is checked as an identity policy (resources required, no principals, at most 6,144
 * UTF-8 bytes). Edits create a new policy version in place; the oldest non-default version is
 * rotated out when RAM's limit of five is reached, so repeated deploys never get stuck.
 * Deleting or renaming the policy detaches it from every user, group and role (the provider always
 * deletes with `CascadingDelete`), so keep names stable.
 */
export class CustomPolicy extends Construct implements IRamPolicy {
  /** The policy's name. */
  public readonly policyName: string;
  /** Always `Custom`. */
  public readonly policyType: string = PolicyType.CUSTOM;
  /** The permissions. */
  public readonly document: PolicyDocument;
  /** The underlying `alicloud_ram_policy`. */
  public readonly resource: RamPolicy;
  /** The resource attachments wait for (the `alicloud_ram_policy`). */
  public readonly dependable?: ITerraformDependable;

  constructor(scope: Construct, id: string, props: CustomPolicyProps) {
    super(scope, id);
    throwIfInvalid(this, [
      ...checkPolicyName('policyName', props.policyName),
      ...checkDescription('description', props.description),
      ...props.document.validateForIdentityPolicy(),
      ...nameTakenProblems(this, 'custom policy', accountOfStack(this, props.provider), props.policyName, 'policyName'),
    ]);
    this.policyName = props.policyName;
    this.document = props.document;
    this.resource = new RamPolicy(this, 'policy', {
      policyName: props.policyName,
      policyDocument: producedString(() => this.document.toJsonString()),
      description: props.description,
      rotateStrategy: 'DeleteOldestNonDefaultVersionWhenLimitExceeded',
      provider: props.provider,
    });
    if (props.adopt) this.resource.importFrom(policyImportId(props.policyName), props.provider);
    this.dependable = this.resource;
    // Statements added after construction are checked when the app is synthesized.
    this.node.addValidation({ validate: () => this.document.validateForIdentityPolicy() });
  }
}
