/** What `getOrAdd` needs of a Map or WeakMap. */
interface Keyed<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value under `key`, made and stored first if there is none (Map.getOrInsertComputed, where that is not yet available). */
export function getOrAdd<K, V>(map: Keyed<K, V>, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
}
