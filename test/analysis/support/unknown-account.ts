import {
  AccessGraph,
  AccessReport,
  AssumeResult,
  Decision,
  FindingId,
  PolicyDocument,
  PolicyEvaluator,
} from '../../../lib';
import { doc, HandStack, writeOut } from './hand-written';
import { A, allowB, B, grant, ROLE } from './deny-output';

// The outputs of the tests of stacks whose account the output does not say: owner A's role x trusting account B,
// B's stack, stacks of no account, and what the evaluator says of the concrete case that gives a yes.

/** B's user w and role ops. */
export const W = `acs:ram::${B}:user/w`;
export const OPS = `acs:ram::${B}:role/ops`;

/** Owner A's stack: role x, trusting `trust` (account B by default). */
export const owner = (trust: object = doc(allowB)): HandStack => ({
  account: A,
  resources: { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: trust } } },
});
/** A stack whose account the output does not say. */
export const unknown = (resources: object): HandStack => ({ resources }) as HandStack;
/** A stack of account B. */
export const partner = (resources: object): HandStack => ({ account: B, resources }) as HandStack;
/** Custom policy g: sts:AssumeRole on role x. */
export const grantPolicy = { g: { policy_name: 'g', policy_document: doc(grant) } };
/** A trust of ECS only (a role that no principal of the output assumes). */
export const ecsTrust = doc({ ...allowB, Principal: { Service: ['ecs.aliyuncs.com'] } });
/** A trust of B with MFA. */
export const mfa = doc({ ...allowB, Condition: { Bool: { 'acs:MFAPresent': 'true' } } });

export const graphOf = (stacks: { [name: string]: HandStack }): AccessGraph =>
  AccessGraph.fromSynthOutput(writeOut(stacks));
/** The assumer rows of role x. */
export const rowsOf = (graph: AccessGraph): AssumeResult[] => graph.assumersOf(graph.role(ROLE)!);
export const rowOf = (graph: AccessGraph, principal: string): AssumeResult | undefined =>
  rowsOf(graph).find((r) => r.principal === principal);
export const idsOf = (graph: AccessGraph): FindingId[] => AccessReport.fromGraph(graph).findings.map((f) => f.id);

/** What RAM decides for `principal` holding `held` (statements) under `trust`, with `context`. */
export const evaluatorHolding = (
  principal: string,
  held: object[],
  context: { [key: string]: string[] } = {},
  trust: object = doc(allowB),
): Decision =>
  PolicyEvaluator.evaluateAssumeRole(
    held.map((d) => PolicyDocument.fromJson(JSON.stringify(doc(d)))),
    PolicyDocument.fromJson(JSON.stringify(trust)),
    principal,
    ROLE,
    context,
  );

/** What RAM decides for `principal` holding the grant under `trust` (stack c run with B's credentials). */
export const evaluator = (
  principal: string,
  trust: object = doc(allowB),
  context: { [key: string]: string[] } = {},
): Decision => evaluatorHolding(principal, [grant], context, trust);
