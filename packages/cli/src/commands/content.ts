/** `cardtable content <subcommand>`: creator tooling for content folders. */
type Subcommand = (argv: string[]) => Promise<number>;

const subcommands: Record<string, () => Promise<Subcommand>> = {
  init: async () => (await import('./content-init.ts')).contentInitCommand,
  validate: async () => (await import('./content-validate.ts')).contentValidateCommand,
  publish: async () => (await import('./content-publish.ts')).contentPublishCommand,
};

export const CONTENT_USAGE = `Usage:
  cardtable content init DIR [--id ID]       start a new game in DIR: a ruleset, seven cards, a deck
  cardtable content validate DIR [--json]   check a content folder as the engine and server will
  cardtable content publish DIR --server URL publish it as a new version of your game, with its share link`;

export async function contentCommand(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? subcommands[name] : undefined;
  if (!load) {
    if (name && name !== '--help' && name !== '-h')
      console.error(`Unknown content subcommand: ${name}\n`);
    console.log(CONTENT_USAGE);
    return name === '--help' || name === '-h' ? 0 : 2;
  }
  return (await load())(rest);
}
