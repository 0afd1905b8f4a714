import { IConstruct } from 'constructs';

/** What the synth-time checks need to know of a `CrossAccountRole` (kept apart to avoid an import cycle). */
export interface AppRole {
  readonly roleName: string;
  readonly roleArn: string;
  readonly ownerAccountId?: string;
}

const rolesByApp = new WeakMap<IConstruct, AppRole[]>();

/** Records a role of the app whose root is `root`. */
export function registerAppRole(root: IConstruct, role: AppRole): void {
  const roles = rolesByApp.get(root) ?? [];
  roles.push(role);
  rolesByApp.set(root, roles);
}

/** The roles created so far in the app whose root is `root`, without walking the construct tree. */
export function appRoles(root: IConstruct): readonly AppRole[] {
  return rolesByApp.get(root) ?? [];
}
