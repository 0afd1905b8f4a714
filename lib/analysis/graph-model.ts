import { PolicyDocument } from '../policy';
import { Decision } from './decision';

/** A policy attached to a role, user or group, as the analysis sees it. */
export interface GraphPolicy {
  /** The policy's name. */
  readonly policyName: string;
  /** `System` or `Custom`. */
  readonly policyType: string;
  /** The document, when known: custom policies of the same stack, and system policies of the snapshot table. */
  readonly document?: PolicyDocument;
  /** Where the document comes from, or why it is unknown. */
  readonly origin: string;
}

/**
 * A synthesized stack and the accounts it manages. Accounts belong to providers: each resource's account
 * is that of the provider it names (`provider = "alicloud.<alias>"`, else the default provider), and a
 * provider's account is its literal `assume_role.role_arn` account, else its account guard's, else its
 * literal `account_id`. A stack with one provider per account manages several.
 */
export interface GraphStack {
  /** The stack's name. */
  readonly name: string;
  /** The account of the stack's default (un-aliased) provider; undefined when the output does not say. */
  readonly accountId?: string;
  /** Every account the stack's providers are known to manage, sorted (empty when none is known). */
  readonly accounts: string[];
  /** The `cdk.tf.json` it was read from. */
  readonly file: string;
}

/** A RAM role defined by the output. */
export interface GraphRole {
  /** The stack that creates it. */
  readonly stack: string;
  /** Its account (its provider's), when known. */
  readonly accountId?: string;
  /** Its name. */
  readonly roleName: string;
  /** Its ARN (`acs:ram::<account>:role/<name>`). */
  readonly arn: string;
  /** Its Terraform address, e.g. `alicloud_ram_role.partner-log-writer_role`. */
  readonly address: string;
  /** The construct path that made it. */
  readonly path: string;
  /** Its trust policy. */
  readonly trustPolicy: PolicyDocument;
  /** The policies attached to it. */
  readonly policies: GraphPolicy[];
  /**
   * The `role_name` as written, when it holds a Terraform expression the output does not resolve (a
   * variable, a data source, a local): the role is then named by its resource, and who can assume it is
   * judged for every name the expression could take.
   * @default - the name is known
   */
  readonly unresolvedRoleName?: string;
}

/** A RAM user the output creates or names in a membership or attachment. */
export interface GraphUser {
  /** The stack that names it. */
  readonly stack: string;
  /** Its account, when known. */
  readonly accountId?: string;
  /** Its name. */
  readonly userName: string;
  /** Its ARN (`acs:ram::<account>:user/<name>`). */
  readonly arn: string;
  /** True when the output creates the user; false for existing users it only names. */
  readonly createdHere: boolean;
  /** The construct path of the user, or of the first resource that names it. */
  readonly path: string;
  /** Groups it belongs to in the output. */
  readonly groups: string[];
  /** Policies attached to the user itself. */
  readonly policies: GraphPolicy[];
  /**
   * True when the output gives the user a console login (`alicloud_ram_login_profile`): only then can
   * it sign in with MFA. Without one its requests are AccessKey API calls, which never carry MFA.
   * @default false
   */
  readonly consoleLogin?: boolean;
}

/** A RAM group the output creates or names. */
export interface GraphGroup {
  /** The stack that names it. */
  readonly stack: string;
  /** Its account, when known. */
  readonly accountId?: string;
  /** Its name. */
  readonly groupName: string;
  /** Its members in the output. */
  readonly members: string[];
  /** The construct path of the group, or of the first resource that names it. */
  readonly path: string;
  /** Policies attached to the group. */
  readonly policies: GraphPolicy[];
}

/** A finding acknowledged in code with `Findings.acknowledge`. */
export interface GraphAcknowledgement {
  /** The stack it was written in. */
  readonly stack: string;
  /** The construct path it covers (and everything below). */
  readonly path: string;
  /** The finding id. */
  readonly findingId: string;
  /** Why it is acceptable. */
  readonly reason: string;
  /** The finding's fingerprint it accepts, when bound by fingerprint. */
  readonly fingerprint?: string;
  /** The finding's content it accepts, when bound by content. */
  readonly content?: string;
}

/** Whether one principal can assume one role, and why (docs/report-format.md). */
export interface AssumeResult {
  /** The principal: an ARN, or a description of a class of principals. */
  readonly principal: string;
  /**
   * `user`, `role` (a RAM role of the output, i.e. its sessions), `account-root`, `ungranted-user` (any
   * other RAM user or role of a trusted account of the output), `unrelated-account` or `external-account`.
   */
  readonly kind: string;
  /**
   * The evaluator's decision for a request that meets one of `conditionSets`: `Allow` when some request
   * gets the principal in (see `reachable` for whether it can send such a request).
   */
  readonly decision: Decision;
  /** The condition sets in words, joined by " or "; empty when one set admits with no condition. */
  readonly conditions: string;
  /**
   * Each set of conditions (in words, `; `-separated) under which the principal gets in: one per pair of
   * a trust statement and a grant statement that admits it; `""` is a set with no condition. Empty when denied.
   */
  readonly conditionSets: string[];
  /**
   * False when the decision is `Allow` only for requests this principal can never send (a trust or grant
   * that requires MFA, for a RAM user with no console login in the output); true otherwise.
   */
  readonly reachable: boolean;
  /**
   * Why the allowed access is unreachable, when `reachable` is false.
   * @default - reachable
   */
  readonly unreachableReason?: string;
  /**
   * For a `role` that can assume this role: the chains of one more hop, e.g.
   * `service ecs.aliyuncs.com → role acs:ram::B:role/ci → role acs:ram::A:role/x`.
   * @default - none (not a role, or nobody the output shows can assume it)
   */
  readonly via?: string[];
  /**
   * The Terraform expressions (variables, data sources, locals: `${var.role_arn}`) an `Allow` of this row
   * depends on. The output does not know their values, and some values let the principal in: the
   * evaluator's decision on the documents widened for them (docs/report-format.md). Never said as "no".
   * @default - the decision depends on no unknown value
   */
  readonly dependsOn?: string[];
  /** Why, in one sentence. */
  readonly reason: string;
}

/** What a role may do on one resource pattern. */
export interface PermissionSummary {
  /** The resource pattern, e.g. an ARN or `*`. */
  readonly resource: string;
  /** The resource in words. */
  readonly resourceWords: string;
  /** Allowed actions. */
  readonly allowed: string[];
  /** Denied actions. */
  readonly denied: string[];
  /** Conditions, in words; empty when there are none. */
  readonly conditions: string;
  /** The policies these come from. */
  readonly policies: string[];
}
