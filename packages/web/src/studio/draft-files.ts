import type { DraftFile, StoredFile } from '@cardtable/sdk/content';

/** A draft in the studio: text files as strings, card art by the hash of its uploaded bytes. */
export type StudioFile = string | { sha256: string };
export type DraftFiles = Readonly<Record<string, StudioFile>>;

export const RULESET = 'ruleset.json';
export const CARDS = 'cards.json';
export const DECKS = 'decks.json';
export const TESTS = 'tests.json';

/** A card as the studio edits it (the card format's fields; the validator checks the rest). */
export interface CardJson {
  id: string;
  name: string;
  type: string;
  cost: number;
  stats?: { attack: number; health: number };
  keywords?: string[];
  tags?: string[];
  speed?: 'normal' | 'instant';
  abilities?: Record<string, unknown>[];
  text?: string;
  art?: { palette?: string; glyph?: string };
  [key: string]: unknown;
}

export interface DeckJson {
  id: string;
  name: string;
  cards: { card: string; count: number }[];
}

export interface AbilityTestJson {
  name: string;
  card: string;
  /** The ability's id, or its position among the card's Lua abilities; default the first. */
  ability?: number | string;
  seed?: string;
  event?: Record<string, unknown>;
  expect: unknown[] | 'failure';
}

/** The draft from the server's stored form. */
export const fromStored = (files: Readonly<Record<string, StoredFile>>): DraftFiles =>
  Object.fromEntries(
    Object.entries(files).map(([path, file]) => [
      path,
      typeof file === 'string' ? file : { sha256: file.sha256 },
    ]),
  );

/** The files of a save (art stays named by hash: it was uploaded before). */
export const toSaveFiles = (files: DraftFiles): Record<string, DraftFile> => ({ ...files });

export const textOf = (files: DraftFiles, path: string): string | null => {
  const file = files[path];
  return typeof file === 'string' ? file : null;
};

/** A JSON document of the draft, or null when it is missing or does not parse. */
export function readDocument<T>(files: DraftFiles, path: string): T | null {
  const text = textOf(files, path);
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export const writeDocument = (files: DraftFiles, path: string, value: unknown): DraftFiles => ({
  ...files,
  [path]: `${JSON.stringify(value, null, 2)}\n`,
});

export const writeText = (files: DraftFiles, path: string, text: string): DraftFiles => ({
  ...files,
  [path]: text,
});

export function removeFile(files: DraftFiles, path: string): DraftFiles {
  const { [path]: _gone, ...rest } = files;
  return rest;
}

interface CardSetJson {
  schema: string;
  ruleset: string;
  cards: CardJson[];
}

export const cardsOf = (files: DraftFiles): CardJson[] =>
  readDocument<CardSetJson>(files, CARDS)?.cards ?? [];

export function withCards(files: DraftFiles, cards: CardJson[]): DraftFiles {
  const set = readDocument<CardSetJson>(files, CARDS);
  const ruleset = rulesetIdOf(files);
  return writeDocument(files, CARDS, {
    schema: 'tcg/cards@1',
    ruleset,
    ...(set ?? {}),
    cards,
  });
}

export const decksOf = (files: DraftFiles): DeckJson[] =>
  readDocument<{ decks?: DeckJson[] }>(files, DECKS)?.decks ?? [];

export const withDecks = (files: DraftFiles, decks: DeckJson[]): DraftFiles =>
  writeDocument(files, DECKS, { schema: 'tcg/decks@1', ruleset: rulesetIdOf(files), decks });

export const testsOf = (files: DraftFiles): AbilityTestJson[] =>
  readDocument<{ tests?: AbilityTestJson[] }>(files, TESTS)?.tests ?? [];

export const withTests = (files: DraftFiles, tests: AbilityTestJson[]): DraftFiles =>
  tests.length === 0
    ? removeFile(files, TESTS)
    : writeDocument(files, TESTS, { schema: 'tcg/tests@1', tests });

export const rulesetIdOf = (files: DraftFiles): string =>
  readDocument<{ id?: string }>(files, RULESET)?.id ?? 'my-game';

/** Lua modules by module name (`lua/<name>.lua`). */
export const luaModulesOf = (files: DraftFiles): string[] =>
  Object.keys(files)
    .flatMap((path) => /^lua\/([A-Za-z_][A-Za-z0-9_-]*)\.lua$/.exec(path)?.[1] ?? [])
    .sort();

export const luaPath = (module: string) => `lua/${module}.lua`;

/** The art file of a card (`art/<name>.png|webp` belongs to the card whose id ends `/<name>`). */
export function artPathOf(files: DraftFiles, cardId: string): string | null {
  const name = cardId.slice(cardId.indexOf('/') + 1);
  for (const ext of ['png', 'webp']) if (files[`art/${name}.${ext}`]) return `art/${name}.${ext}`;
  return null;
}

/** The set part of card ids (`reef` of `reef/pearl-diver`): the ruleset id by default. */
export function setOf(files: DraftFiles): string {
  const first = cardsOf(files)[0]?.id;
  return first?.includes('/') ? first.slice(0, first.indexOf('/')) : rulesetIdOf(files);
}

/** `Tide Caller` → `tide-caller`; empty when the name has no letter or digit to keep. */
export const slugWords = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');

/** A card id's name part: its name's slug words, or `card`. */
export const slugify = (name: string): string => slugWords(name) || 'card';

/** An id not yet taken in the set: `set/name`, `set/name-2`, ... */
export function freeCardId(cards: readonly CardJson[], set: string, name: string): string {
  const taken = new Set(cards.map((card) => card.id));
  const base = `${set}/${slugify(name)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
