import type { Content } from '../content/content.ts';

/**
 * What a content fixes once and for all (its listeners, its statics, its views' shared facts):
 * `build` runs once per content, and every later call returns what it made.
 */
export function oncePerContent<T>(build: (content: Content) => T): (content: Content) => T {
  const made = new WeakMap<Content, { value: T }>();
  return (content) => {
    let entry = made.get(content);
    if (!entry) made.set(content, (entry = { value: build(content) }));
    return entry.value;
  };
}
