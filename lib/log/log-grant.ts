import { Arn, LogArnOptions, PolicyStatement } from '../policy';
import { isTerraformExpression, quote } from '../policy/private/expression';

// Log Service naming rules: projects 3-63 of lowercase letters, digits and "-"; logstores 3-63 and
// consumer groups 2-64 of lowercase letters, digits, "_" and "-"; all start and end with a letter or
// digit. None admits "*" or "?", so no grant can become a prefix wildcard (ram-policy-reference §4.1).
const PROJECT = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const LOGSTORE = /^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/;
const CONSUMER_GROUP = /^[a-z0-9][a-z0-9_-]{0,62}[a-z0-9]$/;

/** The kinds of Log Service access a `LogGrant` gives. */
export enum LogAccess {
  /** Write logs (PutLogs). */
  WRITE = 'write',
  /** Consume with one consumer group. */
  CONSUME = 'consume',
  /** Query and read (console and API). */
  READ = 'read',
}

/**
 * Access to one logstore of a Log Service project, with the exact action sets and resource
 * scopes of ram-policy-reference §4.3. Render it with a `ScopedLogPolicy`.
 */
export class LogGrant {
  /** Write logs: `log:PostLogStoreLogs` on the logstore (§4.3 a). */
  public static write(project: string, logstore: string): LogGrant {
    return new LogGrant(LogAccess.WRITE, project, logstore, undefined);
  }

  /**
   * Consume with one consumer group (§4.3 b): `GetCursorOrData` and `ListShards` on the logstore;
   * `CreateConsumerGroup` and `ListConsumerGroup` on `consumergroup/*` (what those APIs request);
   * heartbeat, checkpoint and update actions on `consumergroup/<consumerGroup>` only.
   */
  public static consume(project: string, logstore: string, consumerGroup: string): LogGrant {
    return new LogGrant(LogAccess.CONSUME, project, logstore, consumerGroup);
  }

  /**
   * Query and read (§4.3 c): `GetLogStoreLogs`, `GetLogStoreHistogram`, `GetIndex` and `GetLogStore`
   * on the logstore; `ListLogStores` on the project's logstore list; `ListProject` on `acs:log:*:*:project/*`,
   * the resource that API requests (§4.2), whatever the policy's region and owner.
   */
  public static read(project: string, logstore: string): LogGrant {
    return new LogGrant(LogAccess.READ, project, logstore, undefined);
  }

  /** What the grant allows. */
  public readonly access: string;
  /** The Log Service project. */
  public readonly project: string;
  /** The logstore (or Metricstore) in the project. */
  public readonly logstore: string;
  /** The consumer group, for `consume` grants. */
  public readonly consumerGroup?: string;

  private constructor(access: LogAccess, project: string, logstore: string, consumerGroup: string | undefined) {
    this.access = access;
    this.project = project;
    this.logstore = logstore;
    this.consumerGroup = consumerGroup;
  }

  /** Problems with the names, each naming the value and the rule; empty when they are fine. */
  public validate(): string[] {
    const problems: string[] = [];
    const check = (what: string, value: string, rule: RegExp, text: string): void => {
      if (!isTerraformExpression(value) && !rule.test(value)) {
        problems.push(`LogGrant.${this.access} ${what} ${quote(value)} is not a valid ${text}`);
      }
    };
    check(
      'project',
      this.project,
      PROJECT,
      'project name (3-63 characters: lowercase letters, digits and "-"; no wildcards)',
    );
    check(
      'logstore',
      this.logstore,
      LOGSTORE,
      'logstore name (3-63 characters: lowercase letters, digits, "_" and "-"; no wildcards)',
    );
    if (this.consumerGroup !== undefined) {
      check(
        'consumerGroup',
        this.consumerGroup,
        CONSUMER_GROUP,
        'consumer group name (2-64 characters: lowercase letters, digits, "_" and "-"; no wildcards)',
      );
    }
    return problems;
  }

  /** The statements of this grant for a project owned by `options.projectOwnerAccountId` in `options.region`. */
  public toStatements(options: LogArnOptions = {}): PolicyStatement[] {
    const logstore = Arn.logstore(this.project, this.logstore, options);
    switch (this.access) {
      case LogAccess.WRITE:
        return [new PolicyStatement({ actions: ['log:PostLogStoreLogs'], resources: [logstore] })];
      case LogAccess.CONSUME:
        return [
          new PolicyStatement({ actions: ['log:GetCursorOrData', 'log:ListShards'], resources: [logstore] }),
          new PolicyStatement({
            actions: ['log:CreateConsumerGroup', 'log:ListConsumerGroup'],
            resources: [Arn.logConsumerGroups(this.project, this.logstore, options)],
          }),
          new PolicyStatement({
            actions: [
              'log:ConsumerGroupHeartBeat',
              'log:ConsumerGroupUpdateCheckPoint',
              'log:GetConsumerGroupCheckPoint',
              'log:UpdateConsumerGroup',
            ],
            resources: [Arn.logConsumerGroup(this.project, this.logstore, this.consumerGroup!, options)],
          }),
        ];
      default:
        return [
          new PolicyStatement({
            actions: ['log:GetIndex', 'log:GetLogStore', 'log:GetLogStoreHistogram', 'log:GetLogStoreLogs'],
            resources: [logstore],
          }),
          new PolicyStatement({ actions: ['log:ListLogStores'], resources: [Arn.logstores(this.project, options)] }),
          // §4.2: ListProject requests `acs:log:*:*:project/*` whatever the project's region and owner,
          // so the grant names neither (a pinned pattern would not match the request).
          new PolicyStatement({ actions: ['log:ListProject'], resources: [Arn.logProjects()] }),
        ];
    }
  }
}
