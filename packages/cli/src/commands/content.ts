/** `cardtable content <subcommand>`: creator tooling for content folders. */
import { closestName } from '@cardtable/engine';

type Subcommand = (argv: string[]) => Promise<number>;

const subcommands: Record<string, () => Promise<Subcommand>> = {
  init: async () => (await import('./content-init.ts')).contentInitCommand,
  validate: async () => (await import('./content-validate.ts')).contentValidateCommand,
  publish: async () => (await import('./content-publish.ts')).contentPublishCommand,
  pack: async () => (await import('./content-archive.ts')).contentPackCommand,
  unpack: async () => (await import('./content-archive.ts')).contentUnpackCommand,
};

export const CONTENT_USAGE = `Usage:
  cardtable content init DIR [--id ID] [--name NAME]
                                             start a new game in DIR: a ruleset, seven cards, two decks
  cardtable content validate DIR [--json]   check a content folder as the engine and server will
  cardtable content publish DIR --server URL publish it as a new version of your game, with its share link
  cardtable content pack DIR [--out FILE]    zip it as the studio exports a draft (to import in the studio)
  cardtable content unpack FILE DIR          unzip a studio export (or a pack) into a new folder`;

/** What a creator may type for a subcommand, in other tools' words. */
const OTHER_WORDS: Readonly<Record<string, string>> = {
  check: 'validate',
  lint: 'validate',
  verify: 'validate',
  new: 'init',
  create: 'init',
  zip: 'pack',
  unzip: 'unpack',
};

/** `: did you mean "validate"?` for a near miss or another tool's word; else nothing. */
function meantSubcommand(typed: string): string {
  const meant = OTHER_WORDS[typed] ?? closestName(typed, Object.keys(subcommands));
  return meant ? `: did you mean "${meant}"?` : '';
}

export async function contentCommand(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? subcommands[name] : undefined;
  if (!load) {
    if (name && name !== '--help' && name !== '-h')
      console.error(`Unknown content subcommand: ${name}${meantSubcommand(name)}\n`);
    console.log(CONTENT_USAGE);
    return name === '--help' || name === '-h' ? 0 : 2;
  }
  return (await load())(rest);
}
