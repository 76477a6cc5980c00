import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * When FILE is a module of a content folder (`DIR/lua/NAME.lua` beside `DIR/ruleset.json`), the
 * command that runs it as a match would: `lua run FILE` shows a script a sample position of the
 * demo set, without the folder's cards, the ability's targets or its event, so a module that
 * reads `state.bindings.t` fails there while it works in a match. Null for a loose file.
 */
export async function contentModuleHint(file: string): Promise<string | null> {
  const folder = dirname(dirname(file));
  if (basename(dirname(file)) !== 'lua' || !file.endsWith('.lua')) return null;
  const ruleset = await readFile(join(folder, 'ruleset.json'), 'utf8').catch(() => null);
  if (ruleset === null) return null;
  const module = basename(file, '.lua');
  const cards = await readFile(join(folder, 'cards.json'), 'utf8')
    .then((text) => (JSON.parse(text) as { cards?: unknown[] }).cards ?? [])
    .catch(() => []);
  // A card uses the module when any `"module": NAME` appears in it (abilities, effects, attacks).
  const users = cards
    .filter((card) => JSON.stringify(card).includes(`"module":${JSON.stringify(module)}`))
    .map((card) => (card as { id?: unknown }).id)
    .filter((id): id is string => typeof id === 'string');
  const run = `npx cardtable lua run --content ${folder} --card ${users[0] ?? 'CARD'}`;
  return [
    `Note: this ran ${basename(file)} at a sample position of the demo set, not of ${folder}.`,
    `To run it as ${users.length ? `the ability of ${users.join(', ')}` : "a card's ability"} in a match of ${folder} (its targets bound, its event set): ${run}`,
  ].join('\n');
}
