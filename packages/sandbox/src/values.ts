/** A JSON-compatible value the host hands to scripts (state, self, args). */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Checks a host value before it is pushed into Lua, so the push itself cannot fail halfway for
 * a reason other than memory. Returns a message when the value is not acceptable.
 */
export function checkHostValue(
  value: unknown,
  maxDepth: number,
  path = 'value',
): string | undefined {
  return check(value, maxDepth, path, 0);
}

function check(value: unknown, maxDepth: number, path: string, depth: number): string | undefined {
  if (depth > maxDepth) return `${path}: nested deeper than ${maxDepth} levels`;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return undefined;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : `${path}: ${value} is not a finite number`;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null || item === undefined) {
        return `${path}[${i}]: arrays cannot hold null (Lua sequences have no holes)`;
      }
      if (typeof item === 'string' || typeof item === 'boolean') continue;
      const problem = check(item, maxDepth, path, depth + 1);
      if (problem)
        return problem.startsWith(path) ? problem.replace(path, `${path}[${i}]`) : problem;
    }
    return undefined;
  }
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return `${path}: not a plain object`;
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const item = object[key];
      if (item === undefined || item === null) continue;
      if (typeof item === 'string' || typeof item === 'boolean') continue;
      // the path is built only on the way down, not for every leaf
      const problem = check(item, maxDepth, path, depth + 1);
      if (problem)
        return problem.startsWith(path) ? problem.replace(path, `${path}.${key}`) : problem;
    }
    return undefined;
  }
  return `${path}: a ${typeof value} cannot be passed to a script`;
}
