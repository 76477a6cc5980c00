/**
 * True when two values serialise to the same JSON text: the same primitives, arrays of equal
 * items, objects with the same keys in the same order and equal values. Cheaper than
 * serialising both to compare them, and as strict: anything JSON would write differently or
 * not at all (NaN, functions, a class instance) is never equal to something else.
 */
export function sameJson(one: unknown, other: unknown): boolean {
  if (one === other) return typeof one !== 'number' || Number.isFinite(one);
  if (typeof one !== 'object' || typeof other !== 'object' || one === null || other === null) {
    return false;
  }
  if (Array.isArray(one)) {
    if (!Array.isArray(other) || one.length !== other.length) return false;
    for (let i = 0; i < one.length; i++) if (!sameJson(one[i], other[i])) return false;
    return true;
  }
  if (Array.isArray(other) || !isPlain(one) || !isPlain(other)) return false;
  const keys = Object.keys(one);
  const otherKeys = Object.keys(other);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key !== otherKeys[i]) return false;
    if (!sameJson((one as Record<string, unknown>)[key], (other as Record<string, unknown>)[key])) {
      return false;
    }
  }
  return true;
}

const isPlain = (value: object) => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};
