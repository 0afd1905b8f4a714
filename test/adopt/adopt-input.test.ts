// Bad or partial recorded outputs: one error naming the file and the JSON path, exit 2, nothing written.
import * as fs from 'fs';
import * as path from 'path';
import { adoptInto, cli, copyOfRecorded, RECORDED, setField } from './support';

/** Runs adopt on a changed copy; expects exit 2, one error line, and no file written. */
function refused(change: (recorded: string) => void): string {
  const recorded = copyOfRecorded();
  change(recorded);
  const { run, dir } = adoptInto(recorded);
  expect(run.code).toBe(2);
  expect(run.err).toHaveLength(1);
  expect(run.err[0].split('\n')).toHaveLength(1);
  expect(fs.readdirSync(dir)).toEqual([]);
  return run.err[0].replaceAll(recorded, '<dir>');
}

const ROLE = 'owner/GetRole-Partner-ReadOnly-Access.json';

describe('adopt refuses bad or partial input', () => {
  test('a missing field names the file and its JSON path', () => {
    expect(refused((r) => setField(path.join(r, ROLE), ['Role', 'AssumeRolePolicyDocument'], undefined))).toBe(
      `cdktf-xaccount: <dir>/${ROLE}: Role.AssumeRolePolicyDocument is missing`,
    );
  });

  test('a field of the wrong type names the path', () => {
    expect(refused((r) => setField(path.join(r, ROLE), ['Role', 'MaxSessionDuration'], '3600'))).toBe(
      `cdktf-xaccount: <dir>/${ROLE}: Role.MaxSessionDuration is not an integer`,
    );
  });

  test('an element of a list is named by its index', () => {
    expect(
      refused((r) => setField(path.join(r, 'partner/ListUsers.json'), ['Users', 'User', 0, 'UserId'], undefined)),
    ).toBe('cdktf-xaccount: <dir>/partner/ListUsers.json: Users.User[0].UserId is missing');
  });

  test('one page of several users is partial input', () => {
    expect(refused((r) => setField(path.join(r, 'partner/ListUsers.json'), ['IsTruncated'], true))).toBe(
      'cdktf-xaccount: <dir>/partner/ListUsers.json: IsTruncated is true: the output is one page of several ' +
        '(record every user: --MaxItems 1000)',
    );
  });

  test('an --out in a folder that does not exist is refused before anything is read', () => {
    const run = cli(['adopt', RECORDED, '--out', '/nonexistent-folder/main.ts']);
    expect(run.code).toBe(2);
    expect(run.err[0]).toContain('adopt: the folder of --out /nonexistent-folder/main.ts does not exist');
  });

  test('a missing call names the file and the command that records it', () => {
    expect(refused((r) => fs.rmSync(path.join(r, 'owner/ListPoliciesForRole-Partner-ReadOnly-Access.json')))).toBe(
      'cdktf-xaccount: <dir>/owner/ListPoliciesForRole-Partner-ReadOnly-Access.json: is missing (record it with ' +
        '`aliyun ram ListPoliciesForRole --RoleName Partner-ReadOnly-Access > ListPoliciesForRole-Partner-ReadOnly-Access.json`)',
    );
  });

  test('a file that is not JSON is named', () => {
    expect(refused((r) => fs.writeFileSync(path.join(r, 'partner/ListGroupsForUser-Bob.json'), '{"Groups":'))).toMatch(
      /^cdktf-xaccount: <dir>\/partner\/ListGroupsForUser-Bob\.json: is not JSON \(.*\); record the output of `aliyun ram ListGroupsForUser --UserName Bob`$/,
    );
  });

  test('a file named for another object is refused (a copied file would adopt the wrong role)', () => {
    expect(refused((r) => setField(path.join(r, ROLE), ['Role', 'RoleName'], 'Other-Role'))).toBe(
      `cdktf-xaccount: <dir>/${ROLE}: Role.RoleName is "Other-Role" but the file is named for "Partner-ReadOnly-Access"`,
    );
  });

  test('two folders of the same account are refused', () => {
    expect(
      refused((r) => setField(path.join(r, 'partner/GetCallerIdentity.json'), ['AccountId'], '1111222233334444')),
    ).toBe(
      'cdktf-xaccount: <dir>/partner/GetCallerIdentity.json: AccountId "1111222233334444" is also the account of ' +
        'folder <dir>/owner (one folder per account)',
    );
  });

  test('an existing main.ts is never overwritten', () => {
    const { main } = adoptInto(RECORDED);
    const before = fs.readFileSync(main, 'utf8');
    const again = cli(['adopt', RECORDED, '--out', main]);
    expect(again.code).toBe(2);
    expect(again.err[0]).toContain(`adopt: ${main} exists; give --out a new file (adopt never overwrites a main.ts)`);
    expect(fs.readFileSync(main, 'utf8')).toBe(before);
  });
});
