import { spawnSync } from 'child_process';
import * as path from 'path';
import { App } from 'cdktf';
import { synthApp } from '../../examples/shared/synth-app';
import { AccountStack, CrossAccountRole, CustomPolicy, PolicyDocument, PolicyStatement } from '../../lib';
import { cdktfSynth, ROOT } from '../support/cdktf';
import { OWNER, PARTNER } from '../support/synth';

const ACCOUNT_RULE = 'a 16-digit Alibaba Cloud account ID';
/** A line of a Node.js stack trace, or the source excerpt Node prints above an uncaught error. */
const STACK_TRACE = /^\s+at |\.ts:\d+|^\s*\^+\s*$/m;

/** Runs an entry point of the repository as cdktf-cli does (ts-node), with extra environment. */
function runEntryPoint(file: string, env: { [name: string]: string }) {
  const result = spawnSync(
    path.join(ROOT, 'node_modules', '.bin', 'ts-node'),
    ['--transpile-only', '--project', path.join(ROOT, 'tsconfig.json'), file],
    { cwd: ROOT, env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env }, timeout: 100_000 },
  );
  return { status: result.status, stdout: result.stdout.toString(), stderr: result.stderr.toString() };
}

/** What synthApp printed and the exit code it set, for an app built by `build`. */
function entryPointOf(build: (app: App) => void): { err: string[]; exit: number | undefined } {
  const seen: { err: string[]; exit: number | undefined } = { err: [], exit: undefined };
  synthApp(build, { err: (text) => seen.err.push(text), exit: (code) => (seen.exit = code) });
  return seen;
}

describe('the entry points stop bad input with one message and no stack trace', () => {
  test('a bad OWNER_ACCOUNT_ID: the flagship prints only the message naming the variable and exits 1', () => {
    const run = runEntryPoint('main.ts', { OWNER_ACCOUNT_ID: '1111-2222' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`Invalid environment: OWNER_ACCOUNT_ID "1111-2222" is not ${ACCOUNT_RULE}\n`);
  });

  test('a bad OWNER_ACCOUNT_ID through the real cdktf synth: the message, and no stack trace', () => {
    let output = '';
    expect(() => {
      try {
        cdktfSynth('.', { OWNER_ACCOUNT_ID: '1111-2222' });
      } catch (e) {
        const err = e as { stdout?: Buffer; stderr?: Buffer };
        output = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`;
        throw e;
      }
    }).toThrow();
    expect(output).toContain(`OWNER_ACCOUNT_ID "1111-2222" is not ${ACCOUNT_RULE}`);
    expect(output).not.toMatch(STACK_TRACE);
  });

  test('every example entry point does the same (run in this process)', async () => {
    const written: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((text) => written.push(String(text)) > 0);
    process.env.PARTNER_ACCOUNT_ID = '42';
    try {
      for (const example of [
        'ecs-ops-delegation',
        'function-compute-readonly',
        'log-service-partner',
        'multi-partner',
        'partner-readonly',
      ]) {
        written.length = 0;
        process.exitCode = undefined;
        await jest.isolateModulesAsync(async () => {
          await import(`../../examples/${example}/main`);
        });
        expect({ example, exitCode: process.exitCode, stderr: written.join('') }).toEqual({
          example,
          exitCode: 1,
          stderr: `Invalid environment: PARTNER_ACCOUNT_ID "42" is not ${ACCOUNT_RULE}\n`,
        });
      }
    } finally {
      delete process.env.PARTNER_ACCOUNT_ID;
      process.exitCode = undefined;
      write.mockRestore();
    }
  });

  test('a bad construct property: the message names the construct path, the value and the rule', () => {
    const seen = entryPointOf((app) => {
      const owner = new AccountStack(app, 'owner', { accountId: OWNER, region: 'cn-hangzhou' });
      new CrossAccountRole(owner, 'partner-log-writer', {
        roleName: 'partner log writer',
        ownerAccountId: OWNER,
        trustedAccountIds: [PARTNER],
      });
    });
    expect(seen).toEqual({
      err: [
        'owner/partner-log-writer: roleName "partner log writer" is not a valid RAM role name ' +
          '(1-64 characters: letters, digits, "." and "-")',
      ],
      exit: 1,
    });
  });

  test('a construct validation that fails at synth: one message with the construct path', () => {
    const seen = entryPointOf((app) => {
      const owner = new AccountStack(app, 'owner', { accountId: OWNER, region: 'cn-hangzhou' });
      const document = new PolicyDocument([
        new PolicyStatement({ actions: ['ecs:DescribeInstances'], resources: ['*'] }),
      ]);
      new CustomPolicy(owner, 'read-ecs', { policyName: 'read-ecs', document });
      document.addStatements(new PolicyStatement({ actions: ['vpc:DescribeVpcs'] }));
    });
    expect(seen.exit).toBe(1);
    expect(seen.err).toHaveLength(1);
    expect(seen.err[0]).toContain(
      '[owner/read-ecs] statement 2 of 2: statement has no resources (an identity policy statement needs Resource',
    );
    expect(seen.err[0]).not.toMatch(STACK_TRACE);
  });

  test('an error that is not bad input is a bug: it is thrown on, with its stack', () => {
    expect(() =>
      entryPointOf(() => {
        throw new TypeError('a bug');
      }),
    ).toThrow(TypeError);
  });

  test("the errors are named 'ValidationError', which a consumer's entry point can test", () => {
    let name = '';
    try {
      new AccountStack(new App(), 'owner', { accountId: '12', region: 'cn-hangzhou' });
    } catch (e) {
      name = (e as Error).name;
    }
    expect(name).toBe('ValidationError');
  });

  test('CrossAccountRole.arnOf names itself, not an internal builder', () => {
    expect(() => CrossAccountRole.arnOf('12', 'partner-log-writer')).toThrow(
      new Error(`CrossAccountRole.arnOf: accountId "12" is not an account ID (${ACCOUNT_RULE})`),
    );
  });
});
