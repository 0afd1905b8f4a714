import { IConstruct } from 'constructs';
import { Token } from '../../private/framework';

/** The constructs that created each role and custom policy name of an app, by account. */
const byApp = new WeakMap<IConstruct, Map<string, IConstruct>>();

/**
 * Problems for a role or custom policy name that another construct of the same app already creates in the same
 * account: RAM names are unique per account, so Terraform could create only one of them (the second fails with
 * `EntityAlreadyExists` at apply, after the first has changed the account), and the analysis refuses such an
 * output. Names and accounts the app does not know yet (tokens, an aliased provider's account) are not compared.
 */
export function nameTakenProblems(
  construct: IConstruct,
  kind: 'role' | 'custom policy',
  accountId: string | undefined,
  name: string,
  property: string,
): string[] {
  if (accountId === undefined || Token.isUnresolved(name)) return [];
  const root = construct.node.root;
  let names = byApp.get(root);
  if (names === undefined) byApp.set(root, (names = new Map()));
  const key = `${kind}\u0000${accountId}\u0000${name}`;
  const first = names.get(key);
  if (first === undefined) {
    names.set(key, construct);
    return [];
  }
  return [
    `${property} "${name}" is the name of the ${kind} ${first.node.path} already creates in account ${accountId} ` +
      `(RAM names are unique per account: give one of them another ${property})`,
  ];
}
