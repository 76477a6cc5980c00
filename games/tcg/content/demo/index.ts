import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compareVersions,
  describeLoadProblem,
  loadContent,
  tcgGameFor as gameFor,
  type Content,
  type ContentSource,
} from '../../src/index.ts';

/**
 * Content on disk (Node only): `ruleset.json`, `cards.json`, `decks.json` and `lua/*.lua` in
 * one folder. The demo set ships in this folder.
 */
export function contentSourceFrom(dir: string): ContentSource {
  const readJson = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const scripts: Record<string, string> = {};
  const luaDir = join(dir, 'lua');
  for (const file of (existsSync(luaDir) ? readdirSync(luaDir, { withFileTypes: true }) : [])
    .filter((f) => f.isFile())
    .map((f) => f.name)
    .sort())
    if (file.endsWith('.lua'))
      scripts[file.slice(0, -4)] = readFileSync(join(luaDir, file), 'utf8');
  return {
    ruleset: readJson('ruleset.json'),
    cards: readJson('cards.json'),
    decks: readJson('decks.json'),
    scripts,
  };
}

/** The demo set's documents as shipped: ruleset, cards, decks and Lua modules. */
export const demoSource = (): ContentSource => contentSourceFrom(import.meta.dirname);

/** Loads content from disk, or throws with every problem listed. */
export function loadContentFrom(dir: string): Content {
  const loaded = loadContent(contentSourceFrom(dir));
  if (!loaded.ok)
    throw new Error(
      `The content in ${dir} is invalid:\n${loaded.problems.map(describeLoadProblem).join('\n')}`,
    );
  return loaded.content;
}

let cached: Content | null = null;
let spiritbound: Content | null = null;

/** The folder of Spiritbound, the monster-battler demo set. */
export const SPIRITBOUND_DIR = join(import.meta.dirname, '..', 'spiritbound');

/** Spiritbound, the monster-battler demo set, validated. */
export function spiritboundContent(): Content {
  spiritbound ??= loadContentFrom(SPIRITBOUND_DIR);
  return spiritbound;
}

/** The demo content, validated (it ships valid; a broken edit fails loudly here). */
export function demoContent(): Content {
  cached ??= loadContentFrom(import.meta.dirname);
  return cached;
}

/**
 * Where the demo set's earlier versions are kept, one folder a version (`1.0.0/`), as they were
 * shipped. A version is immutable: a match records the version it was played with and replays
 * against exactly that content, so a changed demo gets a new `version` in `ruleset.json` and the
 * version it replaces moves here, unchanged (`test/demo-versions.test.ts` pins each one's hash).
 */
export const DEMO_VERSIONS_DIR = join(import.meta.dirname, '..', 'demo-versions');

let versions: Content[] | null = null;

/** Every version of the demo set, validated: the earlier ones, oldest first, then the current. */
export function demoVersions(): Content[] {
  versions ??= [
    ...readdirSync(DEMO_VERSIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => loadContentFrom(join(DEMO_VERSIONS_DIR, entry.name)))
      .sort((a, b) => compareVersions(a.ruleset.version, b.ruleset.version)),
    demoContent(),
  ];
  return versions;
}

/**
 * The TCG game playing `content` (the demo set by default), or several versions of one set: see
 * `tcgGameFor` in src/play.
 */
export const tcgGameFor = (
  content: Content | readonly Content[] = demoContent(),
  name?: string,
): ReturnType<typeof gameFor> => gameFor(content, name);
