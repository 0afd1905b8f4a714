/** Paths of every leaf that differs between two JSON values, e.g. `resource.alicloud_ram_role.r.role_name`. */
export function differences(a: unknown, b: unknown, at = ''): string[] {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [at];
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return Array.from(keys).flatMap((k) =>
    differences((a as { [k: string]: unknown })[k], (b as { [k: string]: unknown })[k], at ? `${at}.${k}` : k),
  );
}
