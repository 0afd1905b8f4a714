import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AccountStack, AssumeRoleUserGrant, CrossAccountRole, LogGrant, ScopedLogPolicy } from '../../lib';
import { OWNER, PARTNER } from '../support/synth';

// What each partner of the benchmark workload costs in framework tokens: cdktf captures a full stack
// trace for every token it creates itself (references, `Lazy`, the bindings' block objects), which
// under ts-node is source-mapped frame by frame and was most of a large synthesis (docs/benchmarks.md).
// Counted by spying on cdktf's capture and on its token map, so a change that brings traced tokens
// back fails here. The per-partner cost is the difference between two sizes; the stacks' own tokens
// (providers, the account guard) cancel out.
// cdktf 0.21 calls captureStackTrace for each token; cdktn 0.24 calls captureCreationStack, which wraps it
// (and skips it when CDKTN_DISABLE_CREATION_STACK is set).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stackTrace = require('cdktf/lib/tokens/private/stack-trace') as {
  captureStackTrace: () => string[];
  captureCreationStack?: () => string[];
};
const CAPTURE = stackTrace.captureCreationStack ? 'captureCreationStack' : 'captureStackTrace';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TokenMap } = require('cdktf/lib/tokens/private/token-map') as {
  TokenMap: { instance(): { tokenCounter: number } };
};

/** The benchmark's workload (bench/variants.ts, synthOurs): n partners of one owner. */
function buildPartners(app: App, n: number): void {
  const owner = new AccountStack(app, 'owner', { accountId: OWNER, region: 'cn-hangzhou' });
  const grants = new AccountStack(app, 'partners', { accountId: PARTNER, region: 'cn-hangzhou' });
  for (let i = 0; i < n; i++) {
    const role = `partner-${i}`;
    const policy = new ScopedLogPolicy(owner, `${role}-policy`, {
      policyName: `${role}-logs`,
      projectOwnerAccountId: OWNER,
      region: 'cn-hangzhou',
      grants: [
        LogGrant.write('shared-logs', `${role}-events`),
        LogGrant.consume('shared-logs', `${role}-events`, `${role}-cg`),
      ],
    });
    new CrossAccountRole(owner, role, {
      roleName: role,
      ownerAccountId: OWNER,
      trustedAccountIds: [`2${String(i).padStart(15, '0')}`],
      policies: [policy],
      systemPolicies: ['AliyunECSReadOnlyAccess'],
    });
    new AssumeRoleUserGrant(grants, `${role}-grant`, {
      roleArn: CrossAccountRole.arnOf(OWNER, role),
      userNames: [`operator-${i}`],
    });
  }
}

/** Stack traces captured and tokens registered while building and synthesizing n partners. */
function tokensFor(n: number): { traced: number; registered: number } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokens-'));
  const capture = jest.spyOn(stackTrace, CAPTURE);
  const before = TokenMap.instance().tokenCounter;
  try {
    const app = new App({ outdir });
    buildPartners(app, n);
    app.synth();
    return { traced: capture.mock.calls.length, registered: TokenMap.instance().tokenCounter - before };
  } finally {
    capture.mockRestore();
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('tokens per partner (role, scoped log policy, system policy, grant)', () => {
  const small = tokensFor(2);
  const large = tokensFor(5);
  const perPartner = {
    traced: (large.traced - small.traced) / 3,
    registered: (large.registered - small.registered) / 3,
  };

  test('the spy sees the stacks’ own traced tokens', () => {
    // The providers' region condition and the guard's read: proof that the spy counts cdktf's captures.
    expect(small.traced).toBeGreaterThan(0);
  });

  test('no token of a partner captures a stack trace', () => {
    // Before the lean bindings and the untraced references: 18 per partner.
    expect(perPartner.traced).toBe(0);
  });

  test('each partner registers six tokens', () => {
    // Three policy documents (trust, permissions, grant), role_name and policy_name references, and the
    // attachment's depends_on on its policy.
    expect(perPartner.registered).toBe(6);
  });
});
