import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AccessGraph, Decision } from '../../lib/analysis';
import { HandStack, writeOut } from './support/hand-written';
import { oracle, principalsOf, randomOutput, rolesOf, stacksOf } from './support/random-output';

// Differential property test of the stacks whose account the output does not say: a generated output is
// written with one account's stack stripped of its account (no provider account, as a hand-written or foreign
// output may be), and every way in that the evaluator finds with the true account must stay a yes in the report:
// the true account is one of the values the report tries. (The report may say yes for some values where the true
// account says no: that is the safe side.) XACCOUNT_PROPERTY_RUNS raises the number of cases; the seed is
// printed on failure.
const RUNS = Math.ceil(Number(process.env.XACCOUNT_PROPERTY_RUNS ?? 300) / 3);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaccount-unknown-account-'));
const UNKNOWN = 'acs:ram::<unknown account>:';

describe('an account the output does not say never turns a way in into a no (property)', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('every principal, every role, with one account hidden: allowed by the evaluator ⇒ a yes, reachable likewise', () => {
    fc.assert(
      fc.property(randomOutput, fc.nat(), (accounts, pick) => {
        const hidden = accounts[pick % accounts.length].account;
        const stacks = stacksOf(accounts);
        const key = `account-${hidden}`;
        stacks[key] = { resources: stacks[key].resources } as HandStack;
        const out = path.join(dir, 'one');
        fs.rmSync(out, { recursive: true, force: true });
        fs.mkdirSync(out, { recursive: true });
        const graph = AccessGraph.fromSynthOutput(writeOut(stacks, out));
        const shown = (arn: string) => arn.replace(`acs:ram::${hidden}:`, UNKNOWN);
        for (const role of rolesOf(accounts)) {
          const rows = graph.assumersOf(graph.role(shown(role.arn))!);
          for (const p of principalsOf(accounts)) {
            if (!oracle(p, role)) continue;
            const row = rows.find((r) => r.principal === shown(p.arn));
            if (row?.decision !== Decision.ALLOW) {
              throw new Error(
                `${p.arn} → ${role.arn} with ${hidden} hidden: report says ${row?.decision ?? 'no row'}, evaluator allows`,
              );
            }
            if (p.apiOnly && oracle(p, role, true))
              expect([p.arn, role.arn, row.reachable]).toEqual([p.arn, role.arn, true]);
          }
        }
      }),
      { numRuns: RUNS, verbose: 1 },
    );
  });

  // One account's resources split over two stacks, one of which does not say its account (a team's users in one
  // stack, the policies, attachments, memberships and logins in another): the names of the second may be the first's.
  test('one account split over a stack of its own and one that does not say it: allowed by the evaluator ⇒ a yes', () => {
    const HELD = ['alicloud_ram_policy', 'alicloud_ram_user_policy_attachment', 'alicloud_ram_role_policy_attachment'];
    const MEMBERS = [
      'alicloud_ram_group',
      'alicloud_ram_group_policy_attachment',
      'alicloud_ram_user_group_attachment',
    ];
    fc.assert(
      fc.property(randomOutput, fc.nat(), fc.boolean(), (accounts, pick, withMemberships) => {
        const split = accounts[pick % accounts.length].account;
        const stacks = stacksOf(accounts);
        const key = `account-${split}`;
        const moved = [...HELD, ...(withMemberships ? MEMBERS : []), 'alicloud_ram_login_profile'];
        const resources = { ...stacks[key].resources };
        const elsewhere: HandStack['resources'] = {};
        for (const type of moved) {
          elsewhere[type] = resources[type];
          delete resources[type];
        }
        stacks[key] = { account: split, resources };
        stacks.elsewhere = { resources: elsewhere } as HandStack;
        const out = path.join(dir, 'split');
        fs.rmSync(out, { recursive: true, force: true });
        fs.mkdirSync(out, { recursive: true });
        const graph = AccessGraph.fromSynthOutput(writeOut(stacks, out));
        for (const role of rolesOf(accounts)) {
          const rows = graph.assumersOf(graph.role(role.arn)!);
          for (const p of principalsOf(accounts)) {
            if (!oracle(p, role)) continue;
            const row = rows.find((r) => r.principal === p.arn);
            if (row?.decision !== Decision.ALLOW) {
              throw new Error(`${p.arn} → ${role.arn} with ${split} split: report says ${row?.decision ?? 'no row'}`);
            }
            if (p.apiOnly && oracle(p, role, true))
              expect([p.arn, role.arn, row.reachable]).toEqual([p.arn, role.arn, true]);
          }
        }
      }),
      { numRuns: RUNS, verbose: 1 },
    );
  });
});
