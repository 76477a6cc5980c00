/** `value` with `next` at `path` (a copy; `undefined` removes an object key). */
export function setIn(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    list[head] = setIn(list[head], rest, next);
    return list;
  }
  const object = {
    ...((value && typeof value === 'object' ? value : {}) as Record<string, unknown>),
  };
  const child = setIn(object[head!], rest, next);
  if (child === undefined) delete object[head!];
  else object[head!] = child;
  return object;
}
