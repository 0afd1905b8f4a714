import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AccessGraph } from '../analysis/access-graph';
import { AccessReport } from '../analysis/access-report';
import { ValidationError } from '../policy/private/validation-error';
import { App } from '../private/framework';
import { buildAdoptedApp } from './adopted-app';
import { AccountPlan, planAccount } from './adoption-plan';
import { readRecordedAccount, RECORDED_CALLS } from './recorded-account';
import { MFA_ONLY } from '../analysis/private/reachability-words';
import { AdoptInputError } from './recorded-file';
import { writeMain } from './write-main';

/** What `cdktf-xaccount adopt` was asked to do. */
export interface AdoptOptions {
  /** The folder of recorded outputs: one account, or one sub-folder per account. */
  readonly dir: string;
  /** Where main.ts goes; access-report.md is written next to it. */
  readonly out: string;
  readonly region: string;
  /** The module main.ts imports the constructs from. */
  readonly library: string;
  /** The module main.ts imports `App` from: `cdktf`, or `cdktn` in that flavour. */
  readonly framework: string;
}

/** What adopt wrote. */
export interface AdoptResult {
  readonly plans: AccountPlan[];
  readonly main: string;
  readonly report: string;
}

/** The account folders: `dir` itself when it holds GetCallerIdentity.json, else its sub-folders. */
function accountFolders(dir: string): string[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AdoptInputError(dir, 'is not a folder (name the folder of recorded aliyun CLI outputs)');
  }
  if (fs.existsSync(path.join(dir, RECORDED_CALLS.identity.file))) return [dir];
  const folders = fs
    .readdirSync(dir)
    .sort()
    .map((name) => path.join(dir, name))
    .filter((f) => fs.statSync(f).isDirectory());
  if (folders.length === 0) {
    throw new AdoptInputError(
      dir,
      `holds neither ${RECORDED_CALLS.identity.file} nor a folder per account (record \`${RECORDED_CALLS.identity.command}\` first)`,
    );
  }
  return folders;
}

/**
 * Lines on what was found and not adopted: the access report does not cover them. Console logins are
 * never adopted (a login profile's password cannot be read back), so where the report finds an MFA-only
 * grant unreachable for want of a console login, it says the user may have one.
 */
function notAdopted(plans: AccountPlan[], markdown: string): string[] {
  const lines = plans.flatMap((p) =>
    p.skippedRoles.map(
      (r) => `- role \`${r.roleName}\` of account ${p.accountId}: ${r.why}; its trust is NOT in this report`,
    ),
  );
  if (markdown.includes(MFA_ONLY)) {
    lines.push(
      '- console logins (`alicloud_ram_login_profile`: its password cannot be read back): a user listed below as ' +
        `"${MFA_ONLY}" CAN assume the role if it signs in to the console ` +
        'with MFA (check `aliyun ram GetLoginProfile --UserName <name>`)',
    );
  }
  return lines.length === 0
    ? []
    : ['## Found but not adopted', '', 'This report does not show the access these grant:', '', ...lines, ''];
}

/** Synthesizes the adopted app in a temporary folder and reports on it. */
function accessReport(plans: AccountPlan[], region: string): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-xaccount-adopt-'));
  try {
    const app = new App({ outdir });
    buildAdoptedApp(app, plans, region);
    app.synth();
    const markdown = AccessReport.fromGraph(AccessGraph.fromSynthOutput(outdir)).toMarkdown();
    const [title, ...rest] = markdown.split('\n');
    const skipped = notAdopted(plans, markdown);
    return skipped.length === 0 ? markdown : [title, '', ...skipped, ...rest.slice(1)].join('\n');
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * Reads the recorded outputs, decides the constructs and writes main.ts and access-report.md, both
 * or neither. Throws one AdoptInputError (file and JSON path) for bad or partial input.
 */
export function adopt(options: AdoptOptions): AdoptResult {
  const folders = accountFolders(options.dir);
  const accounts = folders.map(readRecordedAccount);
  const seen = new Map<string, string>();
  for (const [i, account] of accounts.entries()) {
    const other = seen.get(account.accountId);
    if (other !== undefined) {
      throw new AdoptInputError(
        path.join(folders[i], RECORDED_CALLS.identity.file),
        `AccountId "${account.accountId}" is also the account of folder ${other} (one folder per account)`,
      );
    }
    seen.set(account.accountId, folders[i]);
  }
  const plans = accounts.map(planAccount);
  let report: string;
  try {
    report = accessReport(plans, options.region);
  } catch (e) {
    if (e instanceof ValidationError) {
      throw new AdoptInputError(
        options.dir,
        `what was found is refused by the constructs: ${e.message.replace(/\n/g, '; ')}`,
      );
    }
    throw e;
  }
  const main = writeMain(plans, {
    source: options.dir,
    library: options.library,
    framework: options.framework,
    region: options.region,
  });
  const reportFile = path.join(path.dirname(options.out), 'access-report.md');
  writeAtomically(options.out, main);
  writeAtomically(reportFile, report);
  return { plans, main, report };
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}
