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

/** Whether one principal can assume one role, and why. */
export interface AssumeResult {
  /** The principal: an ARN, or a description of a class of principals. */
  readonly principal: string;
  /** `user`, `account-root`, `ungranted-user`, `unrelated-account` or `external-account`. */
  readonly kind: string;
  /** The decision when the trust conditions are met (see `conditions`). */
  readonly decision: Decision;
  /** Conditions the request must meet, in words; empty when there are none. */
  readonly conditions: string;
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
