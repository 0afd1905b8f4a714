/**
 * Sorting the many short lists of a report (a role's actions, a row's condition sets) without
 * `Array.prototype.sort`, which allocates its merge state on every call, even for an empty or one-element
 * list: at N = 5,000 roles that was a twentieth of everything a report allocated. Both sorts below are
 * stable, like `Array.prototype.sort`, so they give exactly its order; long lists still use it.
 */
const SHORT = 16;

/** Sorts `list` in place by `compare` (stable), and returns it. */
export function sortBy<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > SHORT) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const value = list[i];
    let j = i - 1;
    while (j >= 0 && compare(list[j], value) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = value;
  }
  return list;
}

/** Sorts strings in place by UTF-16 code units, the order of `Array.prototype.sort()` without a comparator. */
export function sortStrings(list: string[]): string[] {
  if (list.length > SHORT) return list.sort();
  for (let i = 1; i < list.length; i++) {
    const value = list[i];
    let j = i - 1;
    while (j >= 0 && list[j] > value) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = value;
  }
  return list;
}
