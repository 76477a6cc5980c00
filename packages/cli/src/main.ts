/** `cardtable`: one subcommand a file under ./commands, each returning its exit code. */
type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  serve: {
    summary: 'Run the match server and web app: serve [--content DIR] to host a content folder',
    load: async () => (await import('./commands/serve.ts')).serveCommand,
  },
  simulate: {
    summary: 'Play CPU-only games headlessly: simulate golf|tcg --games N [--json]',
    load: async () => (await import('./commands/simulate.ts')).simulateCommand,
  },
  replay: {
    summary: 'Re-execute an exported match: replay verify FILE',
    load: async () => (await import('./commands/replay.ts')).replayCommand,
  },
  lua: {
    summary:
      'Creator tooling for Lua abilities: lua check FILE | lua run FILE | lua run --content DIR --card ID | lua api',
    load: async () => (await import('./commands/lua.ts')).luaCommand,
  },
  content: {
    summary:
      'Creator tooling for content folders: content init DIR | content validate DIR [--json] | content publish DIR --server URL | content pack DIR | content unpack FILE DIR',
    load: async () => (await import('./commands/content.ts')).contentCommand,
  },
  social: {
    summary:
      'Rebuild ratings, stats and achievements from zero: social rebuild [--database-url URL]',
    load: async () => (await import('./commands/social.ts')).socialCommand,
  },
  load: {
    summary: 'Load-test a server: load --matches N --think MS [--duration S] [--url URL]',
    load: async () => (await import('./commands/load.ts')).loadCommand,
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    if (name && name !== 'help' && name !== '--help') console.error(`Unknown command: ${name}\n`);
    console.log(usage());
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  const run = await command.load();
  return run(rest);
}

function usage(): string {
  const lines = Object.entries(commands).map(
    ([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`,
  );
  return ['Usage: cardtable <command> [options]', '', 'Commands:', ...lines].join('\n');
}
