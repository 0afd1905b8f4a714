import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildLogServicePartnerApp } from '../../examples/log-service-partner/stacks';
import { readEnvironment } from '../../examples/shared/environment';
import { AccountStack } from '../../lib';

/** Synthesizes an app into a fresh folder (like `cdktf synth`) and returns the folder. */
export function synthOut(build: (app: App) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaccount-'));
  const app = new App({ outdir });
  build(app);
  app.synth();
  return outdir;
}

/** An account stack in an app. */
export function accountStack(app: App, id: string, accountId: string): AccountStack {
  return new AccountStack(app, id, { accountId, region: 'cn-hangzhou' });
}

/** The flagship app synthesized with the given environment. */
export function flagshipOut(env: { [name: string]: string } = {}): string {
  return synthOut((app) => buildLogServicePartnerApp(app, readEnvironment(env)));
}
