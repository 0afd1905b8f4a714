import { runCli } from '../../lib/cli/main';
import { doc, HandStack, writeOut } from './support/hand-written';

const A = '1000000000000001';
const B = '2000000000000002';
const C = '3000000000000003';
const ROLE = `acs:ram::${A}:role/x`;
const LOGSTORE = `acs:log:cn-hangzhou:${A}:project/p/logstore/ls`;

function cli(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Shape {
  partners?: { account: string; externalId?: string }[];
  actions?: string[];
  resource?: string;
  deny?: boolean;
}

/** An owner role trusted by partners (each with an optional external ID), and one granted user per partner. */
function output(shape: Shape = {}): string {
  const partners = shape.partners ?? [{ account: B, externalId: 'for-b' }];
  const trust = doc(
    ...partners.map((p) => ({
      Action: 'sts:AssumeRole',
      Effect: 'Allow',
      Principal: { RAM: [`acs:ram::${p.account}:root`] },
      ...(p.externalId ? { Condition: { StringEquals: { 'sts:ExternalId': p.externalId } } } : {}),
    })),
  );
  const partner = (account: string): HandStack => ({
    account,
    resources: {
      alicloud_ram_user: { u: { name: 'u' } },
      alicloud_ram_policy: {
        g: { policy_name: 'g', policy_document: doc({ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: ROLE }) },
      },
      alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
    },
  });
  return writeOut({
    owner: {
      account: A,
      resources: {
        alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: trust } },
        alicloud_ram_policy: {
          logs: {
            policy_name: 'logs',
            policy_document: doc(
              {
                Action: shape.actions ?? ['log:PostLogStoreLogs'],
                Effect: 'Allow',
                Resource: shape.resource ?? LOGSTORE,
              },
              ...(shape.deny ? [{ Action: 'log:DeleteLogStore', Effect: 'Deny', Resource: '*' }] : []),
            ),
          },
        },
        alicloud_ram_role_policy_attachment: { a: { role_name: 'x', policy_name: 'logs', policy_type: 'Custom' } },
      },
    },
    'partner-b': partner(B),
    'partner-c': partner(C),
  });
}

describe('cdktf-xaccount diff --fail-on-new-access', () => {
  const base = output();

  test('a partner added: exit 1, naming the new assumer', () => {
    const result = cli(
      'diff',
      base,
      output({
        partners: [
          { account: B, externalId: 'for-b' },
          { account: C, externalId: 'for-c' },
        ],
      }),
      '--fail-on-new-access',
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      `new access (1):\n+ acs:ram::${C}:user/u can assume ${ROLE} when the agreed external ID is passed`,
    );
  });

  test('a condition dropped: exit 1, saying what it was before', () => {
    const result = cli('diff', base, output({ partners: [{ account: B }] }), '--fail-on-new-access');
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      `new access (1):\n+ acs:ram::${B}:user/u can assume ${ROLE} (before: when the agreed external ID is passed)`,
    );
  });

  test('another external ID is new access, although the words are the same', () => {
    const result = cli(
      'diff',
      base,
      output({ partners: [{ account: B, externalId: 'other' }] }),
      '--fail-on-new-access',
    );
    expect(result.code).toBe(1);
  });

  test('a wider action: exit 1', () => {
    const result = cli('diff', base, output({ actions: ['log:*'] }), '--fail-on-new-access');
    expect(result.code).toBe(1);
    expect(result.out).toContain(`new access (1):\n+ ${ROLE} may log:* (every log action) on ${LOGSTORE}`);
  });

  test('a wider resource and a dropped Deny: exit 1', () => {
    const wider = cli(
      'diff',
      base,
      output({ resource: `acs:log:*:${A}:project/p/logstore/*` }),
      '--fail-on-new-access',
    );
    expect(wider.code).toBe(1);
    expect(wider.out).toContain(
      `+ ${ROLE} may log:PostLogStoreLogs (write logs) on acs:log:*:${A}:project/p/logstore/*`,
    );
    const dropped = cli('diff', output({ deny: true }), base, '--fail-on-new-access');
    expect(dropped.code).toBe(1);
    expect(dropped.out).toContain(`new access (1):\n+ no longer: ${ROLE} is denied log:DeleteLogStore on *`);
  });

  test('a partner removed: exit 0', () => {
    const result = cli(
      'diff',
      output({ partners: [{ account: B, externalId: 'for-b' }, { account: C }] }),
      base,
      '--fail-on-new-access',
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'no new access: head lets no principal assume a role or do anything that base did not',
    );
    expect(result.out).toContain(`- acs:ram::${C}:user/u can assume ${ROLE}`);
  });

  test('a condition added: exit 0 (narrower), though the access line changed', () => {
    const result = cli('diff', output({ partners: [{ account: B }] }), base, '--fail-on-new-access');
    expect(result.code).toBe(0);
  });

  test('without the flag, diff never fails; a stray option is a usage error', () => {
    expect(cli('diff', base, output({ actions: ['log:*'] })).code).toBe(0);
    expect(cli('diff', base, base, '--fail-on-new').code).toBe(2);
  });
});
