import * as fs from 'fs';
import * as path from 'path';
import { PolicyDocument } from '../policy';
import { RecordedFile, AdoptInputError } from './recorded-file';

/** A custom policy as `GetPolicy` prints it. */
export interface RecordedPolicy {
  readonly policyName: string;
  readonly description?: string;
  /** The default version's document, parsed. */
  readonly document: PolicyDocument;
}

/** A policy attached to a role, user or group, as the `ListPoliciesFor*` calls print it. */
export interface RecordedAttachment {
  readonly policyName: string;
  readonly policyType: 'System' | 'Custom';
}

/** A role as `GetRole` prints it, with its attachments. */
export interface RecordedRole {
  readonly roleName: string;
  readonly description?: string;
  readonly maxSessionDuration?: number;
  /** `Role.AssumeRolePolicyDocument` as recorded. */
  readonly trustJson: string;
  readonly policies: RecordedAttachment[];
}

/** A user as `ListUsers` prints it, with its attachments and groups. */
export interface RecordedUser {
  readonly userName: string;
  readonly userId: string;
  readonly displayName?: string;
  readonly comments?: string;
  readonly policies: RecordedAttachment[];
  readonly groups: string[];
}

/** What the recorded outputs of one account hold. */
export interface RecordedAccount {
  /** The folder, also the stack's id. */
  readonly folder: string;
  readonly accountId: string;
  readonly roles: RecordedRole[];
  readonly users: RecordedUser[];
  /** The policies of each group a user belongs to. */
  readonly groupPolicies: Map<string, RecordedAttachment[]>;
  /** Every custom policy attached anywhere, by name. */
  readonly customPolicies: Map<string, RecordedPolicy>;
}

/**
 * The calls, as file name prefixes and the command that prints each. A call about one object is
 * recorded in `<Call>-<name>.json` (the name as RAM spells it), e.g. `GetRole-Partner-ReadOnly-Access.json`.
 */
export const RECORDED_CALLS = {
  identity: { file: 'GetCallerIdentity.json', command: 'aliyun sts GetCallerIdentity' },
  role: { prefix: 'GetRole-', command: 'aliyun ram GetRole --RoleName <name>' },
  rolePolicies: { prefix: 'ListPoliciesForRole-', command: 'aliyun ram ListPoliciesForRole --RoleName <name>' },
  policy: { prefix: 'GetPolicy-', command: 'aliyun ram GetPolicy --PolicyType Custom --PolicyName <name>' },
  users: { file: 'ListUsers.json', command: 'aliyun ram ListUsers --MaxItems 1000' },
  userPolicies: { prefix: 'ListPoliciesForUser-', command: 'aliyun ram ListPoliciesForUser --UserName <name>' },
  userGroups: { prefix: 'ListGroupsForUser-', command: 'aliyun ram ListGroupsForUser --UserName <name>' },
  groupPolicies: { prefix: 'ListPoliciesForGroup-', command: 'aliyun ram ListPoliciesForGroup --GroupName <name>' },
};

function perObject(dir: string, call: { prefix: string; command: string }, name: string): RecordedFile {
  return RecordedFile.read(path.join(dir, `${call.prefix}${name}.json`), call.command.replace('<name>', name));
}

function attachments(file: RecordedFile): RecordedAttachment[] {
  return file
    .object('Policies')
    .list('Policy', true)
    .map((p) => {
      const policyType = p.string('PolicyType');
      if (policyType !== 'System' && policyType !== 'Custom')
        p.fail('PolicyType', `"${policyType}" is not System or Custom`);
      return { policyName: p.string('PolicyName'), policyType: policyType as 'System' | 'Custom' };
    });
}

/** The name a field holds must be the one in the file's name: a copied file would adopt the wrong object. */
function sameName(file: RecordedFile, key: string, value: string, expected: string): void {
  if (value !== expected) file.fail(key, `is "${value}" but the file is named for "${expected}"`);
}

/** Reads the recorded outputs of one account (one folder). Throws one AdoptInputError for the first problem. */
export function readRecordedAccount(dir: string): RecordedAccount {
  const folder = path.basename(dir);
  if (!/^[A-Za-z][A-Za-z0-9-]{0,63}$/.test(folder)) {
    throw new AdoptInputError(dir, 'is not a usable stack name (the folder of one account: letters, digits and "-")');
  }
  const identity = RecordedFile.read(path.join(dir, RECORDED_CALLS.identity.file), RECORDED_CALLS.identity.command);
  const accountId = identity.string('AccountId');
  if (!/^\d{16}$/.test(accountId)) identity.fail('AccountId', `"${accountId}" is not a 16-digit account ID`);
  const files = fs.readdirSync(dir).sort();
  const named = (prefix: string) =>
    files.filter((f) => f.startsWith(prefix) && f.endsWith('.json')).map((f) => f.slice(prefix.length, -5));

  const customNames = new Set<string>();
  const noteCustom = (list: RecordedAttachment[]) =>
    list.filter((a) => a.policyType === 'Custom').forEach((a) => customNames.add(a.policyName));

  const roles = named(RECORDED_CALLS.role.prefix).map((name) => {
    const role = perObject(dir, RECORDED_CALLS.role, name).object('Role');
    sameName(role, 'RoleName', role.string('RoleName'), name);
    const policies = attachments(perObject(dir, RECORDED_CALLS.rolePolicies, name));
    noteCustom(policies);
    return {
      roleName: name,
      description: role.optionalString('Description'),
      maxSessionDuration: role.optionalNumber('MaxSessionDuration'),
      trustJson: role.string('AssumeRolePolicyDocument'),
      policies,
    };
  });

  const usersFile = path.join(dir, RECORDED_CALLS.users.file);
  const usersOutput = fs.existsSync(usersFile) ? RecordedFile.read(usersFile, RECORDED_CALLS.users.command) : undefined;
  // One page only: the users of the next pages would be missing, and their grants with them.
  if (usersOutput?.optionalBoolean('IsTruncated')) {
    usersOutput.fail('IsTruncated', 'is true: the output is one page of several (record every user: --MaxItems 1000)');
  }
  const listed = usersOutput ? usersOutput.object('Users').list('User', true) : [];
  const groupPolicies = new Map<string, RecordedAttachment[]>();
  const users = listed.map((user) => {
    const userName = user.string('UserName');
    const policies = attachments(perObject(dir, RECORDED_CALLS.userPolicies, userName));
    noteCustom(policies);
    const groups = perObject(dir, RECORDED_CALLS.userGroups, userName)
      .object('Groups')
      .list('Group', true)
      .map((g) => g.string('GroupName'));
    for (const group of groups) {
      if (groupPolicies.has(group)) continue;
      const list = attachments(perObject(dir, RECORDED_CALLS.groupPolicies, group));
      noteCustom(list);
      groupPolicies.set(group, list);
    }
    const userId = user.string('UserId');
    if (!/^\d+$/.test(userId)) user.fail('UserId', `"${userId}" is not a RAM user id (digits)`);
    return {
      userName,
      userId,
      displayName: user.optionalString('DisplayName'),
      comments: user.optionalString('Comments'),
      policies,
      groups,
    };
  });

  const customPolicies = new Map<string, RecordedPolicy>();
  for (const name of Array.from(customNames).sort()) {
    const file = perObject(dir, RECORDED_CALLS.policy, name);
    const policy = file.object('Policy');
    sameName(policy, 'PolicyName', policy.string('PolicyName'), name);
    const version = file.object('DefaultPolicyVersion');
    const text = version.string('PolicyDocument');
    customPolicies.set(name, {
      policyName: name,
      description: policy.optionalString('Description'),
      document: parsedPolicy(version, text),
    });
  }
  return { folder, accountId, roles, users, groupPolicies, customPolicies };
}

function parsedPolicy(version: RecordedFile, text: string): PolicyDocument {
  try {
    return PolicyDocument.fromJson(text);
  } catch (e) {
    return version.fail(
      'PolicyDocument',
      `is not a policy this library can keep: ${(e as Error).message.replace(/\n/g, '; ')}`,
    );
  }
}
