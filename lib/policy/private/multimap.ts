/** Appends values to the list at `key`, creating it: linear, unlike rebuilding the list on each add. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, [...values]);
}
