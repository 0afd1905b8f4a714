// The workload of the synthesis benchmark: N partners of one owner, each with a role trusted by its
// account, one ScopedLogPolicy (write + consume one logstore) and one system policy attachment, plus
// a partner stack with one AssumeRole grant per role.

export const OWNER = '1000000000000001';
export const REGION = 'cn-hangzhou';
export const PROJECT = 'shared-logs';
export const SYSTEM_POLICY = 'AliyunECSReadOnlyAccess';

/** The names of partner i. */
export function partner(i: number): {
  account: string;
  role: string;
  policy: string;
  logstore: string;
  group: string;
  user: string;
} {
  return {
    account: `2${String(i).padStart(15, '0')}`,
    role: `partner-${i}`,
    policy: `partner-${i}-logs`,
    logstore: `partner-${i}-events`,
    group: `partner-${i}-cg`,
    user: `operator-${i}`,
  };
}
