/** The outcome of evaluating a request (ram-policy-reference §2.1). */
export enum Decision {
  /** An applicable statement allows the request and none denies it. */
  ALLOW = 'Allow',
  /** An applicable statement denies the request: nothing can override this. */
  EXPLICIT_DENY = 'ExplicitDeny',
  /** Nothing allows the request: denied by default. */
  IMPLICIT_DENY = 'ImplicitDeny',
}

/** A request to evaluate: an action on a resource, with the request's condition keys. */
export interface AccessRequest {
  /** The action, e.g. `log:PostLogStoreLogs`. */
  readonly action: string;
  /** The resource ARN the API presents to RAM, e.g. `acs:log:cn-hangzhou:<owner>:project/p/logstore/ls`. */
  readonly resource: string;
  /**
   * Condition keys of the request and their values, e.g. `{"acs:SourceIp": ["203.0.113.5"]}`.
   * @default - no keys
   */
  readonly context?: { [key: string]: string[] };
}

/**
 * Switches for behaviour the documentation does not settle (marked UNCONFIRMED in
 * ram-policy-reference). The defaults are stated on each; none is Alibaba-verified.
 */
export interface EvaluatorOptions {
  /**
   * Compare actions case-sensitively. RAM says actions are "in most cases" case-insensitive (§1.3).
   * @default false
   */
  readonly caseSensitiveActions?: boolean;
  /**
   * Compare resource ARNs case-sensitively (§1.3, UNCONFIRMED).
   * @default true
   */
  readonly caseSensitiveResources?: boolean;
  /**
   * Whether a negated operator (StringNotEquals, StringNotLike, NotIpAddress, ...) is satisfied when the
   * request lacks its key (§1.5, UNCONFIRMED). The default follows AWS: it is. A positive operator over a
   * missing key is never satisfied (fail-closed).
   * @default true
   */
  readonly negatedOperatorMatchesMissingKey?: boolean;
}
