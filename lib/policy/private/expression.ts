/**
 * True when a string holds a Terraform expression (`${...}`), as cdktf tokens render to once
 * resolved. Such values are known only to Terraform, so literal checks skip them and say so.
 *
 * This is a fact of the Terraform language, not of cdktf: the policy model stays free of cdktf.
 */
export function isTerraformExpression(value: string): boolean {
  return value.includes('${');
}

/** Quotes a value for an error message, shortening very long ones. */
export function quote(value: string): string {
  const shown = value.length > 120 ? `${value.slice(0, 117)}...` : value;
  return JSON.stringify(shown);
}

/** Sorts by UTF-16 code units: the same order on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted copy without duplicates. */
export function sortedUnique(values: readonly string[]): string[] {
  // Most inputs (canonical documents read back, single values) are sorted already: check first.
  let sorted = true;
  for (let i = 1; i < values.length && sorted; i++) sorted = values[i - 1] < values[i];
  return sorted ? values.slice() : Array.from(new Set(values)).sort(compareStrings);
}
