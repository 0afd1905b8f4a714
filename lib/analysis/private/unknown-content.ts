import { GraphPolicy } from '../graph-model';
import { PolicyDocument, PolicyStatement } from '../../policy';

/**
 * A policy the output attaches but whose content it does not hold (a custom policy defined elsewhere, a system
 * policy the table does not know) may say anything RAM accepts, and the most it can say is `Allow *` on `*`:
 * a holder that gets in with that document gets in for some content of the policy, and one that does not with
 * it does not with any content (Denies only ever take away). So that document stands for the unknown content.
 */
let anyDocument: PolicyDocument | undefined;

/** The policy with the document that stands for any content it may have. */
export function withAnyContent(policy: GraphPolicy): GraphPolicy {
  anyDocument ??= new PolicyDocument([new PolicyStatement({ actions: ['*'], resources: ['*'] })]);
  return { ...policy, document: anyDocument, origin: `${policy.origin}: any content` };
}

/** The policies, each whose content the output does not hold standing for any content (see `withAnyContent`). */
export function withAnyContents(policies: GraphPolicy[]): GraphPolicy[] {
  return policies.some((p) => !p.document) ? policies.map((p) => (p.document ? p : withAnyContent(p))) : policies;
}

/**
 * What an allow through such a policy depends on: the Terraform expression that names it, when its name is
 * one (its value picks the policy), else the content of the named policy.
 */
export function contentExpression(policy: GraphPolicy, nameExpression: string | undefined): string {
  return nameExpression ?? `the content of ${policy.policyType.toLowerCase()} policy ${policy.policyName}`;
}
