/**
 * State diffs as JSON Patch operations (RFC 6902 subset: add, remove, replace).
 * Diffs are always taken between two projections for the same viewer, so a diff can never
 * carry more than that viewer's views do.
 */
export type PatchOp =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: unknown };

export function diff(before: unknown, after: unknown): PatchOp[] {
  const ops: PatchOp[] = [];
  diffInto(before, after, '', ops);
  return ops;
}

function diffInto(before: unknown, after: unknown, path: string, ops: PatchOp[]): void {
  if (before === after) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    diffArrays(before, after, path, ops);
  } else if (isRecord(before) && isRecord(after)) {
    diffObjects(before, after, path, ops);
  } else if (!(typeof before === 'number' && Number.isNaN(before) && Number.isNaN(after))) {
    ops.push({ op: 'replace', path, value: after });
  }
}

// Paths are built only for entries that differ: most of two consecutive views is equal, and
// building a path for every entry visited was most of the cost of a diff.
function diffArrays(before: unknown[], after: unknown[], path: string, ops: PatchOp[]): void {
  const shared = Math.min(before.length, after.length);
  for (let i = 0; i < shared; i++) {
    if (before[i] !== after[i]) diffInto(before[i], after[i], `${path}/${i}`, ops);
  }
  for (let i = shared; i < after.length; i++)
    ops.push({ op: 'add', path: `${path}/${i}`, value: after[i] });
  // Remove from the end so earlier indices stay valid while the patch is applied.
  for (let i = before.length - 1; i >= shared; i--)
    ops.push({ op: 'remove', path: `${path}/${i}` });
}

function diffObjects(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  path: string,
  ops: PatchOp[],
): void {
  const beforeKeys = Object.keys(before);
  const afterKeys = Object.keys(after);
  // When both list the same keys (the usual case), each holds every key itself.
  const sameKeys = sameLists(beforeKeys, afterKeys);
  for (const key of beforeKeys) {
    const next = sameKeys ? after[key] : ownValue(after, key);
    if (next === undefined && before[key] !== undefined) {
      ops.push({ op: 'remove', path: `${path}/${escapeKey(key)}` });
    }
  }
  for (const key of afterKeys) {
    const next = after[key];
    const previous = sameKeys ? before[key] : ownValue(before, key);
    if (next === undefined || next === previous) continue;
    const childPath = `${path}/${escapeKey(key)}`;
    if (previous === undefined) ops.push({ op: 'add', path: childPath, value: next });
    else diffInto(previous, next, childPath, ops);
  }
}

function sameLists(one: readonly string[], other: readonly string[]): boolean {
  if (one.length !== other.length) return false;
  for (let i = 0; i < one.length; i++) if (one[i] !== other[i]) return false;
  return true;
}

/**
 * The value of a key the object itself holds: a key such as "toString" or "valueOf" must not
 * find the prototype's method when the object lacks it.
 */
const ownValue = (record: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** Applies a patch to a deep copy of `document` and returns the copy. */
export function applyPatch<T>(document: T, ops: readonly PatchOp[]): T {
  let root: unknown = structuredClone(document);
  for (const op of ops) {
    if (op.path === '') {
      root = op.op === 'remove' ? undefined : structuredClone(op.value);
      continue;
    }
    const keys = op.path.slice(1).split('/').map(unescapeKey);
    const last = keys.pop() as string;
    let parent = root as Record<string, unknown> | unknown[];
    for (const key of keys) parent = (parent as Record<string, unknown>)[key] as typeof parent;
    applyAt(parent, last, op);
  }
  return root as T;
}

function applyAt(parent: Record<string, unknown> | unknown[], key: string, op: PatchOp): void {
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (op.op === 'add') parent.splice(index, 0, structuredClone(op.value));
    else if (op.op === 'remove') parent.splice(index, 1);
    else parent[index] = structuredClone(op.value);
  } else if (op.op === 'remove') {
    delete parent[key];
  } else {
    parent[key] = structuredClone(op.value);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
/** Keys rarely hold `~` or `/`; checking first spares two replaceAll calls per key. */
const escapeKey = (key: string) =>
  key.includes('~') || key.includes('/') ? key.replaceAll('~', '~0').replaceAll('/', '~1') : key;
const unescapeKey = (key: string) => key.replaceAll('~1', '/').replaceAll('~0', '~');
