import { doc, writeOut } from './hand-written';

// Role x of owner A trusting partner B, B's user u granted it, and Deny statements with conditions: the
// outputs of diff-denies.test.ts and deny-gate-cli.test.ts.
export const A = '1000000000000001';
export const B = '2000000000000002';
export const ROLE = `acs:ram::${A}:role/x`;
export const USER = `acs:ram::${B}:user/u`;
export const ASSUME = 'sts:AssumeRole';

export const allowB = { Action: ASSUME, Effect: 'Allow', Principal: { RAM: [`acs:ram::${B}:root`] } };
/** A trust Deny for B's principals under `condition`. */
export const denyB = (condition: object): object => ({ ...allowB, Effect: 'Deny', Condition: condition });
/** "Deny from outside these blocks". */
export const denyOutside = (...cidrs: string[]): object => denyB({ NotIpAddress: { 'acs:SourceIp': cidrs } });
export const denyWithoutMfa = denyB({ Bool: { 'acs:MFAPresent': 'false' } });
export const grant = { Action: ASSUME, Effect: 'Allow', Resource: ROLE };

/** Role x of A with these trust statements; B's user u holding these statements. */
export function out(trust: object[], held: object[] = [grant]): string {
  return writeOut({
    a: {
      account: A,
      resources: { alicloud_ram_role: { x: { role_name: 'x', assume_role_policy_document: doc(...trust) } } },
    },
    b: {
      account: B,
      resources: {
        alicloud_ram_user: { u: { name: 'u' } },
        alicloud_ram_login_profile: { u: { user_name: 'u' } },
        alicloud_ram_policy: { g: { policy_name: 'g', policy_document: doc(...held) } },
        alicloud_ram_user_policy_attachment: { a: { user_name: 'u', policy_name: 'g', policy_type: 'Custom' } },
      },
    },
  });
}
