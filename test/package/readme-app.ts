import * as fs from 'fs';
import * as path from 'path';

/** The pieces of a consumer's app that the README's Install and Quickstart sections show. */
export interface ReadmeApp {
  /** The arguments of the Install section's `npm install` line. */
  readonly installArgs: string[];
  /** `cdktf.json` as the Install section shows it. */
  readonly cdktfJson: string;
  /** `tsconfig.json` as the Install section shows it. */
  readonly tsconfigJson: string;
  /** The quickstart, the README's first TypeScript block, as `main.ts`. */
  readonly mainTs: string;
  /** The two one-line policy documents the README says the quickstart synthesizes (trust, then grant). */
  readonly shownPolicies: string[];
  /** The arguments of the Install section's `npm install` line for CDK Terrain (cdktn). */
  readonly cdktnInstallArgs: string[];
  /** The quickstart as the README says a cdktn app writes it: both imports name cdktn. */
  readonly cdktnMainTs: string;
}

/** The README's rule for a cdktn app: the quickstart with `cdktn` in place of `cdktf` in both imports. */
export function toCdktn(mainTs: string): string {
  return mainTs
    .replace("from 'cdktf';", "from 'cdktn';")
    .replace("from 'cdktf-alicloud-cross-account';", "from 'cdktn-alicloud-cross-account';");
}

function section(readme: string, heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}" section`);
  const next = readme.indexOf('\n## ', start + heading.length + 2);
  return readme.slice(start, next < 0 ? undefined : next);
}

/** The fenced block that follows the first occurrence of `label` in `text`. */
function blockAfter(text: string, label: string, language: string): string {
  const at = text.indexOf(label);
  if (at < 0) throw new Error(`README Install section does not mention ${label}`);
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(text.slice(at));
  if (!block) throw new Error(`README Install section has no ${language} block after ${label}`);
  return block[1];
}

/** Reads the app a new user would copy from the README (Install section, then the quickstart). */
export function readmeApp(root: string): ReadmeApp {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const install = section(readme, '## Install');
  const line = install.split('\n').find((l) => l.startsWith('npm install '));
  if (!line) throw new Error('README Install section has no "npm install" line');
  const cdktnLine = install.split('\n').find((l) => l.startsWith('npm install cdktn-alicloud-cross-account '));
  if (!cdktnLine) throw new Error('README Install section has no "npm install cdktn-alicloud-cross-account" line');
  const mainTs = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!mainTs) throw new Error('README has no TypeScript block (the quickstart)');
  return {
    installArgs: line.split(/\s+/).slice(2),
    cdktfJson: blockAfter(install, '`cdktf.json`', 'json'),
    tsconfigJson: blockAfter(install, '`tsconfig.json`', 'json'),
    mainTs,
    shownPolicies: Array.from(readme.matchAll(/```json\n(.*)\n```/g)).map((m) => m[1]),
    cdktnInstallArgs: cdktnLine.split(/\s+/).slice(2),
    cdktnMainTs: toCdktn(mainTs),
  };
}
