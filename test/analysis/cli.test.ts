import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../lib/cli/main';
import { flagshipOut } from '../support/out';
import { OWNER, PARTNER } from '../support/synth';

const env = { OWNER_ACCOUNT_ID: OWNER, PARTNER_ACCOUNT_ID: PARTNER };

function cli(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A copy of the flagship output with one file changed. */
function broken(change: (dir: string) => void): string {
  const dir = flagshipOut(env);
  change(dir);
  return dir;
}

describe('cdktf-xaccount report', () => {
  test('writes access-report.md (and .json with --json) into the folder', () => {
    const dir = flagshipOut(env);
    const result = cli('report', dir, '--json');
    expect(result).toEqual({
      code: 0,
      out: `wrote ${path.join(dir, 'access-report.md')} and access-report.json: 0 open finding(s)`,
      err: '',
    });
    expect(fs.readFileSync(path.join(dir, 'access-report.md'), 'utf8')).toMatch(/^# Cross-account access report/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'access-report.json'), 'utf8')).version).toBe(2);
  });

  const badInputs: [string, (dir: string) => string, RegExp][] = [
    ['a missing folder', (dir) => path.join(dir, 'nope'), /^cdktf-xaccount: \S+nope: no such directory/],
    [
      'no stacks',
      (dir) => {
        fs.writeFileSync(path.join(dir, 'manifest.json'), '{"stacks":{},"version":"0.21.0"}');
        return dir;
      },
      /^cdktf-xaccount: \S+manifest\.json: no stacks \(nothing to analyse\)$/,
    ],
    [
      'malformed JSON',
      (dir) => {
        fs.writeFileSync(path.join(dir, 'stacks', 'owner', 'cdk.tf.json'), '{"resource": ');
        return dir;
      },
      /^cdktf-xaccount: \S+stacks\/owner\/cdk\.tf\.json: malformed JSON \(/,
    ],
    [
      'an unknown resource reference',
      (dir) => {
        const file = path.join(dir, 'stacks', 'owner', 'cdk.tf.json');
        fs.writeFileSync(
          file,
          fs
            .readFileSync(file, 'utf8')
            .replace('alicloud_ram_role.partner-log-writer_role.role_name', 'alicloud_ram_role.gone.role_name'),
        );
        return dir;
      },
      /^cdktf-xaccount: \S+cdk\.tf\.json: unknown resource reference "\$\{alicloud_ram_role\.gone\.role_name\}" in alicloud_ram_role_policy_attachment\./,
    ],
  ];

  test.each(badInputs)(
    '%s: one line naming the file and the problem, exit 2, nothing written',
    (_name, make, message) => {
      let target = '';
      const dir = broken((d) => (target = make(d)));
      const result = cli('report', target);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(fs.existsSync(path.join(dir, 'access-report.md'))).toBe(false);
    },
  );

  test('usage errors exit 2 with the usage', () => {
    expect(cli('reprot').code).toBe(2);
    expect(cli('reprot').err).toContain('unknown command "reprot"');
    expect(cli('diff', 'one').err).toContain('diff takes two folders');
    expect(cli('check', '--fail-on', 'critical').err).toContain('--fail-on takes high, medium or low, not "critical"');
    expect(cli().code).toBe(2);
    expect(cli('--help').code).toBe(0);
  });
});

describe('cdktf-xaccount check and diff', () => {
  test('check passes when open findings are below the level and fails at or above it', () => {
    const dir = flagshipOut(env);
    expect(cli('check', dir).code).toBe(0);
    expect(cli('check', dir, '--fail-on', 'low').code).toBe(0); // the only finding is acknowledged
    const unacknowledged = broken((d) => {
      const file = path.join(d, 'stacks', 'owner', 'cdk.tf.json');
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      delete json['//']['cdktf-xaccount'];
      fs.writeFileSync(file, JSON.stringify(json));
    });
    const result = cli('check', unacknowledged, '--fail-on', 'medium');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      new RegExp(
        `^medium XA-TRUST-NO-CONDITION acs:ram::${OWNER}:role/partner-log-writer ` +
          `\\[fingerprint [0-9a-f]{12}, content "acs:ram::${PARTNER}:root"\\]: role partner-log-writer trusts`,
        'm',
      ),
    );
    expect(cli('check', unacknowledged, '--fail-on', 'high').code).toBe(0);
  });

  test('diff prints the verdict first', () => {
    const result = cli('diff', flagshipOut(env), flagshipOut({ ...env, PARTNER_ACCESS: 'revoked' }));
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe('## Cross-account access: access narrowed');
  });

  test('the installed command exits 2 on bad input', () => {
    const bin = path.resolve(__dirname, '..', '..', 'bin', 'cdktf-xaccount.js');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [bin, 'report', path.join(os.tmpdir(), 'no-such-cdktf-out')], { stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/no-such-cdktf-out: no such directory/);
  });
});

describe('cdktf-xaccount on day one: help, version, exact usage messages', () => {
  const version = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')).version;
  const EXIT_CODES =
    'exit codes: 0 done, 1 check found open findings at the level or diff --fail-on-new-access found new access, 2 bad input or usage';

  test('--help prints the usage with the exit codes, exit 0, also after a command', () => {
    for (const argv of [['--help'], ['-h'], ['report', '--help'], ['check', 'cdktf.out', '-h']]) {
      const result = cli(...argv);
      expect(result.code).toBe(0);
      expect(result.err).toBe('');
      expect(result.out).toMatch(/^usage:\n {2}cdktf-xaccount report /);
      expect(result.out).toContain('cdktf-xaccount --help | --version');
      expect(result.out.split('\n').pop()).toBe(EXIT_CODES);
    }
  });

  test('--version prints the package version, exit 0', () => {
    expect(cli('--version')).toEqual({ code: 0, out: `cdktf-xaccount ${version}`, err: '' });
    expect(cli('-v')).toEqual({ code: 0, out: `cdktf-xaccount ${version}`, err: '' });
  });

  test('a file where a folder is expected: one line naming the file, exit 2, nothing read or written', () => {
    const dir = flagshipOut(env);
    const file = path.join(dir, 'manifest.json');
    const message = `cdktf-xaccount: ${file}: is a file, not a folder (name the folder \`cdktf synth\` writes, such as cdktf.out)`;
    for (const argv of [
      ['report', file],
      ['check', file, '--fail-on', 'low'],
      ['diff', dir, file],
    ]) {
      expect(cli(...argv)).toEqual({ code: 2, out: '', err: message });
    }
    expect(fs.existsSync(path.join(dir, 'access-report.md'))).toBe(false);
  });

  test('an option value is not taken for a folder', () => {
    const dir = flagshipOut(env);
    const cwd = process.cwd();
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-cwd-'));
    fs.writeFileSync(path.join(elsewhere, 'low'), 'a file named like the level');
    process.chdir(elsewhere);
    try {
      expect(cli('check', dir, '--fail-on', 'low').code).toBe(0);
    } finally {
      process.chdir(cwd);
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  test('unexpected arguments: the message names the first one, then the usage, exit 2', () => {
    const dir = flagshipOut(env);
    const cases: [string[], string][] = [
      [['report', dir, '--jsno'], 'report: unexpected argument "--jsno"'],
      [['report', dir, 'other'], 'report: unexpected argument "other"'],
      [['check', dir, '--fail-on', 'high', '--strict'], 'check: unexpected argument "--strict"'],
      [['check', dir, dir], `check: unexpected argument "${dir}"`],
      [['diff', dir, dir, '--fail-on-new-acess'], 'diff: unexpected argument "--fail-on-new-acess"'],
      [['diff', dir, dir, dir], `diff: unexpected argument "${dir}"`],
    ];
    for (const [argv, message] of cases) {
      const result = cli(...argv);
      expect(result.code).toBe(2);
      expect(result.out).toBe('');
      expect(result.err.split('\n')[0]).toBe(`cdktf-xaccount: ${message}`);
      expect(result.err.split('\n')[1]).toBe('usage:');
    }
    expect(fs.existsSync(path.join(dir, 'access-report.md'))).toBe(false);
  });

  test('the README documents the exit codes the usage prints', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain('| `0` | done (for `check`: no open finding at or above the level) |');
    expect(readme).toContain(
      '| `1` | `check` found open findings at or above the level; `diff --fail-on-new-access` found new access |',
    );
    expect(readme).toContain('| `2` | bad input or usage: one line naming the file or argument and the problem |');
  });
});
