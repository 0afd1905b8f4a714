import { App } from 'cdktf';
import { buildEcsOpsDelegationApp } from '../../examples/ecs-ops-delegation/stacks';
import { buildFunctionComputeReadonlyApp } from '../../examples/function-compute-readonly/stacks';
import { buildLogServicePartnerApp } from '../../examples/log-service-partner/stacks';
import { buildMultiPartnerApp } from '../../examples/multi-partner/stacks';
import { buildPartnerReadonlyApp } from '../../examples/partner-readonly/stacks';
import { readEnvironment } from '../../examples/shared/environment';

const env = readEnvironment({});

/** Each example folder's app, built with the default environment (multi-partner with three partners). */
export const EXAMPLE_BUILDERS: { [folder: string]: (app: App) => void } = {
  'log-service-partner': (app) => buildLogServicePartnerApp(app, env),
  'function-compute-readonly': (app) => buildFunctionComputeReadonlyApp(app, env),
  'ecs-ops-delegation': (app) => buildEcsOpsDelegationApp(app, env),
  'partner-readonly': (app) => buildPartnerReadonlyApp(app, env),
  'multi-partner': (app) =>
    buildMultiPartnerApp(app, {
      ownerAccountId: env.ownerAccountId,
      region: env.region,
      partnerAccountIds: ['2000000000000002', '3000000000000003', '4000000000000004'],
    }),
};
