import type { Position } from './json-locations.ts';

/** A document parsed, with where each of its values starts. */
export interface ParsedDocument {
  file: string;
  value: unknown;
  locate(path: string): Position | undefined;
}

/** `cards[14].cost` → `cards[14] (reef/pearl-diver).cost`: the position and the id. */
export function namedPath(path: string, document: unknown): string {
  return path.replace(/^(cards|decks)\[(\d+)\]/, (head, list: string, index: string) => {
    const items = (document as Record<string, unknown> | null)?.[list];
    const id = Array.isArray(items)
      ? (items[Number(index)] as { id?: unknown } | undefined)?.id
      : undefined;
    return typeof id === 'string' ? `${head} (${id})` : head;
  });
}
