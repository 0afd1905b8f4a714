import * as fs from 'fs';
import * as path from 'path';
import { AccessGraph, AccessReport } from '../../lib/analysis';
import { fixtureNames, fixtureOut } from './support/fixtures';
import { doc, writeOut } from './support/hand-written';

const ROOT = path.resolve(__dirname, '..', '..');

/** The field table of docs/report-format.md: path → type and whether it is always present. */
function documented(): Map<string, { type: string; always: boolean }> {
  const text = fs.readFileSync(path.join(ROOT, 'docs', 'report-format.md'), 'utf8');
  const fields = new Map<string, { type: string; always: boolean }>();
  for (const match of text.matchAll(/^\| `([^`]+)` \| ([^|]+) \| (yes|no) \|/gm)) {
    fields.set(match[1], { type: match[2].trim(), always: match[3] === 'yes' });
  }
  return fields;
}

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Every problem of a report's JSON against the table: undocumented fields, wrong types, missing fields. */
function problems(json: unknown, fields: Map<string, { type: string; always: boolean }>): string[] {
  const out: string[] = [];
  const walk = (value: unknown, at: string): void => {
    if (typeOf(value) !== 'object') return;
    const object = value as { [key: string]: unknown };
    for (const [field, spec] of fields) {
      const parent = field.replace(/\.?[^.]+$/, '');
      const name = field.slice(parent.length).replace(/^\./, '').replace(/\[\]$/, '');
      if (parent === at && spec.always && !(name in object)) out.push(`${at}: missing ${name}`);
    }
    for (const [key, child] of Object.entries(object)) {
      const array = Array.isArray(child);
      const field = `${at ? `${at}.` : ''}${key}${array ? '[]' : ''}`;
      const spec = fields.get(field);
      if (!spec) {
        out.push(`${field} is not documented`);
        continue;
      }
      for (const element of array ? (child as unknown[]) : [child]) {
        const types = spec.type.split(' or ');
        if (!types.includes(typeOf(element))) out.push(`${field} is ${typeOf(element)}, documented as ${spec.type}`);
        if (field !== 'roles[].trustPolicy') walk(element, field);
      }
    }
  };
  walk(json, '');
  return out;
}

describe('docs/report-format.md', () => {
  const fields = documented();

  test('lists the fields the issue names', () => {
    for (const f of [
      'version',
      'roles[].assumers[].principal',
      'roles[].assumers[].kind',
      'roles[].assumers[].decision',
      'roles[].assumers[].conditions',
      'findings[].id',
      'findings[].subject',
      'findings[].message',
    ]) {
      expect(fields.has(f)).toBe(true);
    }
  });

  test('the flagship report and a hand-written one with chains and unreachable MFA match the documented shape', () => {
    const flagship = AccessReport.fromGraph(AccessGraph.fromSynthOutput(fixtureOut('flagship'))).toJson();
    const B = '2000000000000002';
    const trust = (principal: object, condition?: object) =>
      doc({
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: principal,
        ...(condition ? { Condition: condition } : {}),
      });
    const hand = AccessReport.fromGraph(
      AccessGraph.fromSynthOutput(
        writeOut({
          a: {
            account: '1000000000000001',
            resources: {
              alicloud_ram_role: {
                x: {
                  role_name: 'x',
                  assume_role_policy_document: trust(
                    { RAM: [`acs:ram::${B}:root`] },
                    { Bool: { 'acs:MFAPresent': 'true' } },
                  ),
                },
              },
            },
          },
          b: {
            account: B,
            resources: {
              alicloud_ram_user: { u: { name: 'u' } },
              alicloud_ram_user_policy_attachment: {
                u: { user_name: 'u', policy_name: 'AliyunSTSAssumeRoleAccess', policy_type: 'System' },
              },
              alicloud_ram_role: {
                ci: { role_name: 'ci', assume_role_policy_document: trust({ Service: ['ecs.aliyuncs.com'] }) },
              },
              alicloud_ram_role_policy_attachment: {
                ci: { role_name: 'ci', policy_name: 'AliyunSTSAssumeRoleAccess', policy_type: 'System' },
              },
            },
          },
        }),
      ),
    ).toJson();
    expect(hand.version).toBe(AccessReport.FORMAT_VERSION);
    const rows = (hand.roles as { assumers: { kind: string; reachable: boolean; via?: string[] }[] }[]).flatMap(
      (r) => r.assumers,
    );
    expect(rows.some((r) => r.kind === 'role' && (r.via ?? []).length > 0)).toBe(true);
    expect(rows.some((r) => !r.reachable)).toBe(true);
    expect([...problems(flagship, fields), ...problems(hand, fields)]).toEqual([]);
  });

  test.each(fixtureNames())('the report of fixture %s (every example app) matches the documented shape', (name) => {
    const json = AccessReport.fromGraph(AccessGraph.fromSynthOutput(fixtureOut(name))).toJson();
    expect(problems(json, fields)).toEqual([]);
  });

  test('the check itself finds an undocumented field, a wrong type and a missing field', () => {
    expect(problems({ version: '2', extra: 1, systemPolicySnapshot: 's', roles: [], findings: [] }, fields)).toEqual([
      ': missing stacks',
      'version is string, documented as number',
      'extra is not documented',
    ]);
  });
});
