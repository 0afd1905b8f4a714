import * as fs from 'fs';
import * as path from 'path';
import { AccessDiff } from '../analysis/access-diff';
import { AccessGraph } from '../analysis/access-graph';
import { AccessReport } from '../analysis/access-report';
import { AnalysisInputError } from '../analysis/analysis-input-error';
import { atLeast, Severity } from '../analysis/finding';
import { adopt } from '../adopt/adopt-command';

/** Where the CLI writes: standard output and standard error. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `usage:
  cdktf-xaccount report [dir] [--json]     write <dir>/access-report.md (and .json); dir defaults to cdktf.out
  cdktf-xaccount diff <base dir> <head dir> [--fail-on-new-access]
                                           print access added and removed, as markdown for a pull request;
                                           with --fail-on-new-access, exit 1 when head allows anything base did not
  cdktf-xaccount check [dir] [--fail-on high|medium|low]  exit 1 when open findings reach the level (default high)
  cdktf-xaccount adopt <dir> [--out main.ts] [--region cn-hangzhou] [--library <module>]
                                           write main.ts (constructs with adopt: true) and access-report.md next
                                           to it from recorded aliyun CLI outputs in <dir> (README: "Already set
                                           up in the console?"); never overwrites an existing main.ts
  cdktf-xaccount --help | --version
exit codes: 0 done, 1 check found open findings at the level or diff --fail-on-new-access found new access, 2 bad input or usage`;

/** Options that take a value: the value is not a folder. */
const OPTIONS_WITH_VALUE = ['--fail-on', '--out', '--region', '--library'];

class UsageError extends Error {}

/** Refuses options the command does not know and folders beyond the `folders` it takes, naming the first. */
function rejectUnexpected(command: string, args: string[], folders: number): void {
  const unexpected = args.find((a) => a.startsWith('-')) ?? args[folders];
  if (unexpected !== undefined) throw new UsageError(`${command}: unexpected argument "${unexpected}"`);
}

/** A file named where the command expects the folder `cdktf synth` writes: say so, before reading anything. */
function rejectFiles(args: string[]): void {
  args.forEach((arg, i) => {
    if (arg.startsWith('-') || OPTIONS_WITH_VALUE.includes(args[i - 1])) return;
    if (fs.existsSync(arg) && !fs.statSync(arg).isDirectory()) {
      throw new AnalysisInputError(
        arg,
        'is a file, not a folder (name the folder `cdktf synth` writes, such as cdktf.out)',
      );
    }
  });
}

/**
 * The name and version of this package, from its package.json (two levels up in the sources, three in dist/);
 * the package is named for its framework flavour (cdktf- or cdktn-alicloud-cross-account).
 */
function packageJson(): { name: string; version: string } {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (/^cdkt[fn]-alicloud-cross-account$/.test(json.name ?? '') && json.version) {
        return { name: json.name!, version: json.version };
      }
    }
  }
  return { name: 'cdktf-alicloud-cross-account', version: 'unknown' };
}

/** Writes a file whole or not at all: a temporary file renamed into place. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

function report(args: string[], io: CliOutput): number {
  const json = args.includes('--json');
  const dirs = args.filter((a) => a !== '--json');
  rejectUnexpected('report', dirs, 1);
  const dir = dirs[0] ?? 'cdktf.out';
  const graph = AccessGraph.fromSynthOutput(dir);
  for (const note of graph.notes) io.err(`cdktf-xaccount: note: ${note}`);
  const result = AccessReport.fromGraph(graph);
  const markdown = result.toMarkdown();
  const jsonText = json ? `${JSON.stringify(result.toJson(), undefined, 2)}\n` : undefined;
  writeAtomically(path.join(dir, 'access-report.md'), markdown);
  if (jsonText) writeAtomically(path.join(dir, 'access-report.json'), jsonText);
  const open = result.findings.filter((f) => !f.acknowledgedReason).length;
  io.out(
    `wrote ${path.join(dir, 'access-report.md')}${jsonText ? ' and access-report.json' : ''}: ${open} open finding(s)`,
  );
  return 0;
}

function diff(args: string[], io: CliOutput): number {
  const gate = args.includes('--fail-on-new-access');
  const dirs = args.filter((a) => a !== '--fail-on-new-access');
  rejectUnexpected('diff', dirs, 2);
  if (dirs.length !== 2)
    throw new UsageError('diff takes two folders: <base cdktf.out> <head cdktf.out> [--fail-on-new-access]');
  const result = AccessDiff.between(AccessGraph.fromSynthOutput(dirs[0]), AccessGraph.fromSynthOutput(dirs[1]));
  io.out(result.toMarkdown());
  if (!gate) return 0;
  if (result.newAccess.length === 0) {
    io.out('no new access: head lets no principal assume a role or do anything that base did not');
    return 0;
  }
  io.out(`new access (${result.newAccess.length}):`);
  for (const line of result.newAccess) io.out(`+ ${line}`);
  return 1;
}

function check(args: string[], io: CliOutput): number {
  let level: string = Severity.HIGH;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--fail-on') {
      level = args[++i] ?? '';
      if (!Object.values(Severity).includes(level as Severity))
        throw new UsageError(`--fail-on takes high, medium or low, not "${level}"`);
    } else rest.push(args[i]);
  }
  rejectUnexpected('check', rest, 1);
  const graph = AccessGraph.fromSynthOutput(rest[0] ?? 'cdktf.out');
  for (const note of graph.notes) io.err(`cdktf-xaccount: note: ${note}`);
  const findings = AccessReport.fromGraph(graph).findings;
  const failing = findings.filter((f) => !f.acknowledgedReason && atLeast(f.severity, level));
  // The fingerprint and content are what an acknowledgement binds to (Findings.acknowledge).
  for (const f of failing)
    io.out(
      `${f.severity} ${f.id} ${f.subject} [fingerprint ${f.fingerprint}, content ${JSON.stringify(f.content)}]: ${f.message}`,
    );
  io.out(
    `${failing.length} open finding(s) at or above ${level}; ${findings.length - failing.length} other finding(s)`,
  );
  return failing.length > 0 ? 1 : 0;
}

function adoptCommand(args: string[], io: CliOutput): number {
  // The flavour's package and framework: cdktf-alicloud-cross-account and cdktf, or the cdktn ones.
  const library = packageJson().name;
  const values: { [option: string]: string } = { '--out': 'main.ts', '--region': 'cn-hangzhou', '--library': library };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] in values) {
      const value = args[++i];
      if (value === undefined || value.startsWith('-')) throw new UsageError(`adopt: ${args[i - 1]} takes a value`);
      values[args[i - 1]] = value;
    } else rest.push(args[i]);
  }
  rejectUnexpected('adopt', rest, 1);
  if (rest.length === 0) throw new UsageError('adopt takes the folder of recorded aliyun CLI outputs');
  const out = values['--out'];
  if (!fs.existsSync(path.dirname(path.resolve(out)))) {
    throw new UsageError(`adopt: the folder of --out ${out} does not exist`);
  }
  if (fs.existsSync(out)) {
    throw new UsageError(`adopt: ${out} exists; give --out a new file (adopt never overwrites a main.ts)`);
  }
  const result = adopt({
    dir: rest[0],
    out,
    region: values['--region'],
    library: values['--library'],
    framework: library.slice(0, 'cdktf'.length),
  });
  const count = (f: (p: (typeof result.plans)[number]) => number) => result.plans.reduce((n, p) => n + f(p), 0);
  io.out(
    `wrote ${out} and ${path.join(path.dirname(out), 'access-report.md')}: ${result.plans.length} account(s), ` +
      `${count((p) => p.roles.length)} role(s), ${count((p) => p.grants.length)} grant(s), ` +
      `${count((p) => p.customPolicies.length)} other custom polic(ies), ` +
      `${count((p) => p.attachments.length + p.memberships.length)} other attachment(s) adopted; ` +
      `${count((p) => p.skippedRoles.length)} role(s) not adopted`,
  );
  return 0;
}

/**
 * Runs the command line; returns the exit code (0 done, 1 check found open findings at the level or diff
 * --fail-on-new-access found new access, 2 bad input or usage).
 */
export function runCli(argv: string[], io: CliOutput): number {
  const [command, ...args] = argv;
  try {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    if (['report', 'diff', 'check'].includes(command)) rejectFiles(args);
    switch (command) {
      case 'report':
        return report(args, io);
      case 'diff':
        return diff(args, io);
      case 'check':
        return check(args, io);
      case 'adopt':
        return adoptCommand(args, io);
      case undefined:
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      case '--version':
      case '-v':
        io.out(`cdktf-xaccount ${packageJson().version}`);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof AnalysisInputError) {
      io.err(`cdktf-xaccount: ${e.message}`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`cdktf-xaccount: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

/** The entry point of `bin/cdktf-xaccount`. */
export function main(): void {
  process.exitCode = runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
