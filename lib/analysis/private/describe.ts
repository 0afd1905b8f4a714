import { Condition, ConditionKey, ConditionOperator } from '../../policy';
import { sortStrings } from './sort';

// Plain words for the actions and resources of the scenarios; anything else is shown as written.
const ACTION_WORDS: { [action: string]: string } = {
  'log:postlogstorelogs': 'write logs',
  'log:getcursorordata': 'read raw log data (pull)',
  'log:listshards': 'list shards',
  'log:createconsumergroup': 'create consumer groups',
  'log:listconsumergroup': 'list consumer groups',
  'log:consumergroupheartbeat': 'consumer-group heartbeat',
  'log:consumergroupupdatecheckpoint': 'save consumer-group checkpoints',
  'log:getconsumergroupcheckpoint': 'read consumer-group checkpoints',
  'log:updateconsumergroup': 'update the consumer group',
  'log:getlogstorelogs': 'query logs',
  'log:getlogstorehistogram': 'query log histograms',
  'log:getindex': 'read the index',
  'log:getlogstore': 'read logstore settings',
  'log:listlogstores': 'list logstores',
  'log:listproject': 'list projects',
  'sts:assumerole': 'assume the role',
};

const described = new Map<string, string>();

/** An action with its meaning, e.g. `log:PostLogStoreLogs (write logs)`. */
export function describeAction(action: string): string {
  let words = described.get(action);
  if (words === undefined) {
    words = describeActionUncached(action);
    described.set(action, words);
  }
  return words;
}

function describeActionUncached(action: string): string {
  if (action === '*') return '* (every action of every service)';
  if (action.endsWith(':*')) return `${action} (every ${action.slice(0, -2)} action)`;
  const words = ACTION_WORDS[action.toLowerCase()];
  return words ? `${action} (${words})` : action;
}

/** A resource pattern in words, e.g. `logstore app-events of project shared-app-logs`. */
export function describeResource(resource: string): string {
  if (resource === '*') return 'every resource';
  const log = /^acs:log:([^:]*):([^:]*):project\/([^/]+)(?:\/logstore\/([^/]+)(?:\/consumergroup\/([^/]+))?)?$/.exec(
    resource,
  );
  if (log) {
    const [, region, owner, project, logstore, group] = log;
    const where = `(account ${owner === '*' ? 'any' : owner}, region ${region === '*' || region === '' ? 'any' : region})`;
    const all = (name: string | undefined, what: string) => (name === '*' ? `every ${what}` : `${what} ${name}`);
    if (group) return `${all(group, 'consumer group')} of logstore ${logstore} in project ${project} ${where}`;
    if (logstore) return `${all(logstore, 'logstore')} in project ${project} ${where}`;
    return `${all(project, 'project')} ${where}`;
  }
  const ram = /^acs:ram:[^:]*:([^:]+):(role|user)\/(.+)$/.exec(resource);
  if (ram) return `${ram[2]} ${ram[3]} of account ${ram[1]}`;
  return resource;
}

/** Conditions in words, e.g. `MFA used; source IP in 203.0.113.0/24`. */
export function describeConditions(conditions: Condition[]): string {
  if (conditions.length === 0) return ''; // most statements: no words to collect or sort
  const words = conditions.map((c) => {
    // Plain words only where they say exactly what the condition does; anything else as written, so that a
    // reviewer never reads "the agreed external ID is passed" for a condition met by passing none.
    const one = c.values.length === 1 ? c.values[0] : undefined;
    if (
      c.key === ConditionKey.MFA_PRESENT &&
      c.operator === ConditionOperator.BOOL &&
      (one === 'true' || one === 'false')
    ) {
      return one === 'true' ? 'signed in with MFA' : 'signed in without MFA';
    }
    if (c.key === ConditionKey.SOURCE_IP) {
      return `source IP ${c.operator === ConditionOperator.NOT_IP_ADDRESS ? 'not ' : ''}in ${c.values.join(', ')}`;
    }
    if (
      c.key === ConditionKey.EXTERNAL_ID &&
      c.operator === ConditionOperator.STRING_EQUALS &&
      !c.values.some((v) => v.includes('${'))
    ) {
      return 'the agreed external ID is passed';
    }
    return `${c.operator} ${c.key} ${c.values.join(', ')}`;
  });
  return sortStrings(Array.from(new Set(words))).join('; ');
}

/** A short name for a resource pattern, for diagrams: `logstore p/ls`, `consumer group p/ls/cg`. */
export function shortResource(resource: string): string {
  if (resource === '*') return 'every resource';
  const log = /^acs:log:[^:]*:[^:]*:project\/([^/]+)(?:\/logstore\/([^/]+)(?:\/consumergroup\/([^/]+))?)?$/.exec(
    resource,
  );
  if (log) {
    const [, project, logstore, group] = log;
    if (group)
      return group === '*'
        ? `consumer groups of ${project}/${logstore}`
        : `consumer group ${project}/${logstore}/${group}`;
    if (logstore) return logstore === '*' ? `logstores of ${project}` : `logstore ${project}/${logstore}`;
    return project === '*' ? 'projects' : `project ${project}`;
  }
  return resource;
}
