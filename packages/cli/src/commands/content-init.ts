import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { rulesetIdFor, starterPackage } from '@cardtable/tcg';

export const CONTENT_INIT_USAGE = `Usage: cardtable content init DIR [--id ID] [--name NAME]

Starts a new game in DIR (made when missing; it must be empty): a ruleset with plain defaults
(20 life, 20-card decks, a mana pool that grows to 10, units and spells), seven cards (one
with a Lua ability in lua/healer.lua, one targeted spell) and two 20-card decks. It validates and
plays at once: change it, then content validate, simulate tcg, content publish.
  --id ID      the ruleset's id, also the card ids' set and the game's slug (default: from DIR)
  --name NAME  the game's name (default: DIR's name)
Exit code: 0 written, 2 the command could not run (DIR not empty, a bad id).`;

/** `cardtable content init DIR [--id ID] [--name NAME]`. */
export async function contentInitCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(CONTENT_INIT_USAGE);
    return 0;
  }
  const values = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--id' || arg === '--name') values.set(arg, argv[++i] ?? '');
    else if (arg.startsWith('-')) return refuse(`Unknown option: ${arg}`);
    else rest.push(arg);
  }
  if (rest.length !== 1) return refuse('Give exactly one folder.');
  const dir = resolve(rest[0]!);
  const folder = basename(dir);
  const plain = folder
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const id = values.get('--id') ?? rulesetIdFor(plain.replace(/[^a-z0-9]+/g, '-'));
  if (!/^[a-z][a-z0-9-]*$/.test(id))
    return refuse(`"${id}" is not a usable id: a lowercase letter, then letters, digits or -.`);
  const name = values.get('--name') || folder;
  const existing = await readdir(dir).catch(() => null);
  if (existing && existing.length > 0)
    return refuse(`${dir} is not empty: init writes only into a new or empty folder.`);
  for (const [path, text] of starterPackage(id, name)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  console.log(
    [
      `Started "${name}" (id ${id}) in ${dir}: ruleset.json, cards.json, decks.json, lua/healer.lua.`,
      'Next:',
      `  npx cardtable content validate ${rest[0]}`,
      `  npx cardtable simulate tcg --content ${rest[0]} --games 20`,
      `  npx cardtable lua run --content ${rest[0]} --card ${id}/healer`,
      `  npx cardtable content publish ${rest[0]} --server http://localhost:8080`,
      'The formats: docs/creators.md and games/tcg/README.md.',
    ].join('\n'),
  );
  return 0;
}

function refuse(message: string): number {
  console.error(`${message}\n\n${CONTENT_INIT_USAGE}`);
  return 2;
}
