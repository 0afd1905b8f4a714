import { Effect, PrincipalType } from '../../policy';
import { GraphRole } from '../graph-model';

/**
 * True when the role's trust policy is the revoked form `CrossAccountRole` writes for `revoked: true`
 * (or its hand-written equivalent): every Allow statement names only the role itself, so only a
 * session of this role could assume it, and nobody can get one anew. Read from the document, not from
 * the `//.cdktf-xaccount.revokedRoles` note, so hand-written outputs are judged by what they allow.
 */
export function isRevokedRole(role: GraphRole): boolean {
  const allow = role.trustPolicy.statements.filter((s) => s.effect === Effect.ALLOW);
  const self = role.accountId === undefined ? undefined : `acs:ram::${role.accountId}:role/${role.roleName}`;
  return (
    self !== undefined &&
    allow.length > 0 &&
    allow.every(
      (s) =>
        s.principals.length > 0 && s.principals.every((p) => p.type === PrincipalType.RAM && p.identifier === self),
    )
  );
}
