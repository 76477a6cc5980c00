import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadContent,
  describeLoadProblem,
  type Content,
  type ContentSource,
} from '../../src/index.ts';

const here = import.meta.dirname;
const readJson = (name: string): unknown => JSON.parse(readFileSync(join(here, name), 'utf8'));

/** The demo set's documents as shipped: ruleset, cards, decks and Lua modules (Node only). */
export function demoSource(): ContentSource {
  const scripts: Record<string, string> = {};
  for (const file of readdirSync(join(here, 'lua')).sort())
    if (file.endsWith('.lua'))
      scripts[file.slice(0, -4)] = readFileSync(join(here, 'lua', file), 'utf8');
  return {
    ruleset: readJson('ruleset.json'),
    cards: readJson('cards.json'),
    decks: readJson('decks.json'),
    scripts,
  };
}

let cached: Content | null = null;

/** The demo content, validated (it ships valid; a broken edit fails loudly here). */
export function demoContent(): Content {
  if (!cached) {
    const loaded = loadContent(demoSource());
    if (!loaded.ok)
      throw new Error(
        `The demo content is invalid:\n${loaded.problems.map(describeLoadProblem).join('\n')}`,
      );
    cached = loaded.content;
  }
  return cached;
}
