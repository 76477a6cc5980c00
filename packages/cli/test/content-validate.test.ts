import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { packArchive } from '@cardtable/server/content';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureConsole } from './capture-console.ts';
import { main } from '../src/main.ts';
import { withDogEared } from '../../../games/tcg/test/dog-eared.ts';

const REEF = join(import.meta.dirname, '../../../games/tcg/test/packages/reef');
const tmp = mkdtempSync(join(tmpdir(), 'cardtable-content-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the reef test package with one file's text changed. */
function reefWith(name: string, file: string, find: string, replace: string): string {
  const dir = join(tmp, name);
  cpSync(REEF, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(find, replace));
  return dir;
}

const io = captureConsole();

describe('cardtable content validate', () => {
  it('exits 0 for a valid folder and says what it holds', async () => {
    expect(await main(['content', 'validate', REEF])).toBe(0);
    expect(io.out.join('\n')).toMatch(
      /valid: Reef Test Set \(reef 1\.0\.0\), 8 cards and tokens, 2 deck\(s\); 0 error\(s\), 0 warning\(s\)$/,
    );
  });

  it('exits 1 with one line per finding: file:line:column, code, path with the card id', async () => {
    const dir = reefWith(
      'bad-cost',
      'cards.json',
      '"cost": 3,\n      "stats": { "attack": 2',
      '"cost": "three",\n      "stats": { "attack": 2',
    );
    expect(await main(['content', 'validate', dir])).toBe(1);
    expect(io.out.join('\n').split('\n')[0]).toBe(
      'cards.json:25:15: error SCHEMA: cards[2] (reef/turtle).cost: must be an integer from 0 to 99',
    );
    expect(io.out.join('\n').split('\n').at(-1)).toMatch(/invalid: 1 error\(s\), 0 warning\(s\)$/);
  });

  it('refuses a keyword id the engine already uses for names ("attack"), naming the keyword', async () => {
    const dir = reefWith(
      'attack-keyword',
      'ruleset.json',
      '"keywords": {',
      '"keywords": {\n    "attack": { "name": "Attack", "reminder": "It attacks." },',
    );
    expect(await main(['content', 'validate', dir])).toBe(1);
    expect(io.out.join('\n').split('\n')[0]).toMatch(
      /^ruleset\.json:\d+:\d+: error \w+: keywords\.attack: the keyword id "attack" is reserved: the engine names a battler's attacks "attack:<id>"/,
    );
  });

  it('--json prints {ok, errors, warnings}; warnings alone still exit 0', async () => {
    const dir = reefWith(
      'no-attack',
      'ruleset.json',
      '"actions": ["play", "attack"]',
      '"actions": ["play"]',
    );
    expect(await main(['content', 'validate', dir, '--json'])).toBe(0);
    const report = JSON.parse(io.out.join('\n'));
    expect(Object.keys(report).sort()).toEqual(['errors', 'ok', 'warnings']);
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        code: 'NO_ATTACK_PHASE',
        file: 'ruleset.json',
        path: 'turn.phases',
        line: 29,
      }),
    ]);
  });

  it('reports a Lua syntax error with its line, never a stack trace', async () => {
    const dir = reefWith(
      'lua-syntax',
      'lua/pearl_diver.lua',
      'damage(state.enemy.hero, 1)',
      'damage(state.enemy.hero, 1',
    );
    expect(await main(['content', 'validate', dir])).toBe(1);
    expect(io.out[0]).toMatch(/^lua\/pearl_diver\.lua:4: error LUA_SYNTAX: '\)' expected/);
    expect(io.out.join('\n')).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it.each([
    [['content', 'validate']],
    [['content', 'validate', join(tmp, 'nope')]],
    [['content', 'validate', REEF, '--frob']],
    [['content', 'frob']],
  ])('exits 2 when the command cannot run: %j', async (argv) => {
    expect(await main(argv)).toBe(2);
  });
});

describe('cardtable content init', () => {
  it('starts a game that validates, runs its Lua and refuses to write over a folder', async () => {
    const dir = join(tmp, 'Mój Gra');
    expect(await main(['content', 'init', dir, '--name', 'Mój Gra'])).toBe(0);
    expect(io.out.join('\n')).toContain('Started "Mój Gra" (id moj-gra)');
    io.clear();
    expect(await main(['content', 'validate', dir])).toBe(0);
    expect(io.out.join('\n')).toMatch(
      /valid: Mój Gra \(moj-gra 1\.0\.0\), 7 cards and tokens, 2 deck/,
    );
    io.clear();
    expect(await main(['lua', 'run', '--content', dir, '--card', 'moj-gra/healer'])).toBe(0);
    const before = readFileSync(join(dir, 'cards.json'), 'utf8');
    expect(await main(['content', 'init', dir])).toBe(2);
    expect(io.err.join('\n')).toContain('is not empty');
    expect(readFileSync(join(dir, 'cards.json'), 'utf8')).toBe(before);
    expect(await main(['content', 'init', join(tmp, 'other'), '--id', 'Bad Id'])).toBe(2);
  });
});

describe('cardtable content, its usage', () => {
  it("answers another tool's word or a slip with the subcommand meant, and lists init's flags", async () => {
    expect(await main(['content', 'check', REEF])).toBe(2);
    expect(io.err.join('\n')).toContain(
      'Unknown content subcommand: check: did you mean "validate"?',
    );
    io.clear();
    expect(await main(['content', 'valdate', REEF])).toBe(2);
    expect(io.err.join('\n')).toContain('did you mean "validate"?');
    io.clear();
    expect(await main(['content', 'frobnicate'])).toBe(2);
    expect(io.err.join('\n')).toMatch(/Unknown content subcommand: frobnicate\n/);
    expect(io.out.join('\n')).toMatch(
      /content init DIR \[--id ID\] \[--name NAME\]\s+start a new game in DIR: a ruleset, seven cards, two decks/,
    );
  });
});

describe('cardtable content pack and unpack', () => {
  it('packs a folder that unpacks to a folder content validate accepts; a hostile archive writes nothing', async () => {
    const zip = join(tmp, 'reef.zip');
    expect(await main(['content', 'pack', REEF, '--out', zip])).toBe(0);
    const out = join(tmp, 'reef-unpacked');
    expect(await main(['content', 'unpack', zip, out])).toBe(0);
    expect(readFileSync(join(out, 'lua/pearl_diver.lua'), 'utf8')).toBe(
      readFileSync(join(REEF, 'lua/pearl_diver.lua'), 'utf8'),
    );
    expect(await main(['content', 'validate', out])).toBe(0);
    expect(await main(['content', 'unpack', zip, out])).toBe(2);
    expect(io.err.join('\n')).toContain('is not empty');

    const hostile = join(tmp, 'hostile.zip');
    writeFileSync(
      hostile,
      packArchive(
        new Map([
          ['ruleset.json', '{}'],
          ['../outside.lua', 'x'],
        ]),
        'game',
      ),
    );
    io.clear();
    expect(await main(['content', 'unpack', hostile, join(tmp, 'hostile')])).toBe(1);
    expect(io.err.join('\n')).toContain('../outside.lua: error BAD_PATH');
    expect(existsSync(join(tmp, 'hostile'))).toBe(false);
    expect(existsSync(join(tmp, 'outside.lua'))).toBe(false);
  });
});

describe('cardtable lua run --content', () => {
  it("runs a card's ability through its entry, as the engine would, and prints the effects", async () => {
    expect(
      await main(['lua', 'run', '--content', REEF, '--card', 'reef/pearl-diver', '--json']),
    ).toBe(0);
    const run = JSON.parse(io.out.join('\n'));
    expect(run).toMatchObject({
      card: 'reef/pearl-diver',
      ability: { index: 0, id: 'dive', module: 'pearl_diver', entry: 'dive' },
      effects: [
        { do: 'damage', amount: 1 },
        { do: 'summon', card: '#pearl', count: 1, for: '$controller' },
      ],
      failure: null,
    });
    io.clear();
    expect(await main(['lua', 'run', '--content', REEF, '--card', 'reef/pearl-diver'])).toBe(0);
    expect(io.out.join('\n')).toContain('The engine would apply 2 effect(s):');
  });

  it('shows a triggered ability the event a match would (played: by itself), and --event sets it', async () => {
    const dir = reefWith(
      'lua-event',
      'lua/pearl_diver.lua',
      'damage(state.enemy.hero, 1)',
      'damage(state.enemy.hero, state.event.amount + (state.event.subject == self and 1 or 0))',
    );
    const damageOf = async (argv: string[]) => {
      io.clear();
      expect(
        await main(['lua', 'run', '--content', dir, '--card', 'reef/pearl-diver', ...argv]),
      ).toBe(0);
      const run = JSON.parse(io.out.join('\n'));
      expect(run.context.event).toMatchObject({ on: 'played', subject: run.source });
      return run.effects[0];
    };
    expect(await damageOf(['--json'])).toMatchObject({ do: 'damage', amount: 1 });
    expect(await damageOf(['--json', '--event', '{"amount": 4}'])).toMatchObject({ amount: 5 });
    io.clear();
    const argv = ['lua', 'run', '--content', dir, '--card', 'reef/pearl-diver'];
    expect(await main([...argv, '--event', '{"amount": "lots"}'])).toBe(2);
    expect(io.err.join('\n')).toContain('"amount" must be a number');
  });

  it('prints the failure the engine would record, with module, line and code, and exits 1', async () => {
    const dir = reefWith(
      'lua-boom',
      'lua/pearl_diver.lua',
      'damage(state.enemy.hero, 1)',
      'error("boom")',
    );
    expect(await main(['lua', 'run', '--content', dir, '--card', 'reef/pearl-diver'])).toBe(1);
    expect(io.out.join('\n')).toMatch(/record scriptFailed: pearl_diver\.lua:3: RUNTIME: boom/);
  });

  it('exits 1 for content with errors (a creator CI fails), naming them', async () => {
    const dir = reefWith(
      'lua-syntax',
      'lua/pearl_diver.lua',
      'damage(state.enemy.hero, 1)',
      'damage(state.enemy.hero, 1',
    );
    expect(await main(['lua', 'run', '--content', dir, '--card', 'reef/pearl-diver'])).toBe(1);
    expect(io.err.join('\n')).toContain('error LUA_SYNTAX');
  });

  it('--ability runs the Lua ability the creator names, by its id or its position', async () => {
    const dir = reefWith(
      'lua-two-abilities',
      'cards.json',
      '"text": "When played, deal 1 damage to the enemy diver and summon a Pearl."\n        }',
      `"text": "When played, deal 1 damage to the enemy diver and summon a Pearl."
        },
        {
          "id": "surface",
          "kind": "triggered",
          "trigger": { "on": "turnEnd", "whose": "controller" },
          "lua": { "module": "surfacing", "entry": "surface" },
          "text": "At the end of your turn, heal your diver 2."
        },
        {
          "id": "tide",
          "kind": "triggered",
          "trigger": { "on": "turnStart", "whose": "controller" },
          "effects": [{ "do": "may", "prompt": "Surface?",
            "effects": [{ "do": "lua", "module": "surfacing", "entry": "surface" }] },
            { "do": "lua", "module": "echo", "entry": "echo" }],
          "text": "At the start of your turn, you may heal your diver 2, then the reef echoes."
        }`,
    );
    writeFileSync(
      join(dir, 'lua/surfacing.lua'),
      'function surface()\n  heal(state.friendly.hero, 2)\nend\n',
    );
    writeFileSync(
      join(dir, 'lua/echo.lua'),
      'function echo()\n  log("echoes", 2)\n  draw(state.friendly.hero, 1)\nend\n',
    );
    const run = async (...argv: string[]) => {
      io.clear();
      const argvAll = ['lua', 'run', '--content', dir, '--card', 'reef/pearl-diver', ...argv];
      const code = await main([...argvAll, '--json']);
      return { code, run: code === 0 ? JSON.parse(io.out.join('\n')) : null };
    };
    const surfaced = { do: 'heal', amount: 2 };
    for (const choice of ['surface', '1'])
      expect(await run('--ability', choice)).toMatchObject({
        code: 0,
        run: {
          ability: { position: 1, id: 'surface', module: 'surfacing', entry: 'surface' },
          effects: [surfaced],
        },
      });
    // A Lua effect nested in a compound one (here a "may"): by its ability's id (its first Lua
    // call), its name (the id and its path), or its position.
    const nested = 'tide.effects[0].effects[0]';
    for (const choice of ['tide', nested, '2'])
      expect(await run('--ability', choice)).toMatchObject({
        code: 0,
        run: {
          ability: { position: 2, id: 'tide', name: nested, path: 'effects[0].effects[0]' },
          effects: [surfaced],
        },
      });
    expect((await run('--ability', 'tide.effects[1]')).run).toMatchObject({
      ability: { position: 3, name: 'tide.effects[1]', entry: 'echo' },
      effects: [{ do: 'draw', count: 1 }],
      logs: ['echoes 2'],
    });
    expect((await run()).run.ability).toMatchObject({ position: 0, id: 'dive' });
    expect((await run('--ability', 'sink')).code).toBe(2);
    expect(io.err.join('\n')).toContain(
      `reef/pearl-diver has no Lua ability "sink": choose 0 or dive, 1 or surface, 2 or ${nested}, 3 or tide.effects[1].`,
    );
    // Running the module as a loose file names the run of the ability that uses it.
    io.clear();
    expect(await main(['lua', 'run', join(dir, 'lua/surfacing.lua')])).toBe(0);
    expect(io.err.join('\n')).toContain('--card reef/pearl-diver --ability surface');
    // With --entry, the ability that calls it; a nested one's name quoted for the shell.
    io.clear();
    expect(await main(['lua', 'run', join(dir, 'lua/echo.lua'), '--entry', 'echo'])).toBe(0);
    expect(io.err.join('\n')).toContain("--card reef/pearl-diver --ability 'tide.effects[1]'");
  });

  it("runs the Lua ability a card's keyword gives it, and a keyword's module names that run", async () => {
    const dir = join(tmp, 'hourglass-keyword-lua');
    cpSync(join(REEF, '../hourglass'), dir, { recursive: true });
    // The oracle has a Lua ability of its own; the golem has none.
    const edited = withDogEared((path) => readFileSync(join(dir, path), 'utf8'));
    for (const [path, text] of Object.entries(edited)) writeFileSync(join(dir, path), text);
    const argv = ['lua', 'run', '--content', dir, '--card'];
    expect(await main([...argv, 'hourglass/sand-golem', '--json'])).toBe(0);
    expect(JSON.parse(io.out.join('\n'))).toMatchObject({
      ability: { position: 0, name: 'dogeared:fold', keyword: 'dogeared', entry: 'fold' },
      effects: [{ do: 'draw', player: '$controller', count: 1 }],
      failure: null,
    });
    io.clear();
    expect(await main([...argv, 'hourglass/hourglass-oracle', '--ability', 'dogeared:fold'])).toBe(
      0,
    );
    expect(io.out.join('\n')).toContain(
      'hourglass/hourglass-oracle (Hourglass Oracle) ability 1 "dogeared:fold": dogear.fold()',
    );
    io.clear();
    // A unit that does not print it runs it as a match that grants it the keyword would.
    expect(
      await main([...argv, 'hourglass/dust-scribe', '--ability', 'dogeared:fold', '--json']),
    ).toBe(0);
    expect(JSON.parse(io.out.join('\n'))).toMatchObject({
      ability: { name: 'dogeared:fold', keyword: 'dogeared', granted: true },
      effects: [{ do: 'draw', player: '$controller', count: 1 }],
    });
    io.clear();
    expect(await main([...argv, 'hourglass/dust-scribe', '--ability', 'dogeared:fold'])).toBe(0);
    expect(io.out.join('\n')).toContain(
      'Dust Scribe does not print dogeared: it was granted it for this run, as a match may grant it.',
    );
    io.clear();
    expect(await main([...argv, 'hourglass/dust-scribe'])).toBe(2);
    expect(io.err.join('\n')).toContain(
      'hourglass/dust-scribe has no Lua ability of its own; or, as a match may grant it a keyword, dogeared:fold, dogeared:tear.',
    );
    io.clear();
    expect(await main(['lua', 'run', join(dir, 'lua/dogear.lua')])).toBe(0);
    expect(io.err.join('\n')).toContain(
      `the ability of hourglass/hourglass-oracle, hourglass/sand-golem in a match of ${dir} (its targets bound, its event set): npx cardtable lua run --content ${dir} --card hourglass/hourglass-oracle --ability dogeared:fold`,
    );
  });

  it('exits 2 for a card without Lua or an unknown card: the command could not run', async () => {
    expect(await main(['lua', 'run', '--content', REEF, '--card', 'reef/crab'])).toBe(2);
    expect(io.err.join('\n')).toContain('reef/crab has no Lua ability.');
    expect(await main(['lua', 'run', '--content', REEF, '--card', 'reef/whale'])).toBe(2);
    expect(await main(['lua', 'run', '--content', REEF])).toBe(2);
  });
});

describe('cardtable simulate tcg: Lua failures', () => {
  it('refuses a folder with a Lua syntax error with its line, not a stack trace', async () => {
    const dir = reefWith(
      'sim-syntax',
      'lua/pearl_diver.lua',
      'damage(state.enemy.hero, 1)',
      'damage(state.enemy.hero, 1',
    );
    // A folder that does not validate exits 1, as the other content commands do (2: bad usage).
    expect(await main(['simulate', 'tcg', '--ruleset', dir, '--games', '1'])).toBe(1);
    expect(io.err.join('\n')).toMatch(/lua\/pearl_diver\.lua:4: error LUA_SYNTAX: /);
    expect(io.err.join('\n')).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('counts failures per card and --strict makes them an error exit', async () => {
    const dir = reefWith(
      'lua-fails',
      'lua/pearl_diver.lua',
      'damage(state.enemy.hero, 1)',
      'local t = nil\n  t.x = 1',
    );
    const args = ['simulate', 'tcg', '--ruleset', dir, '--games', '2', '--seed', 'fail'];
    expect(await main(args)).toBe(0);
    const text = io.out.join('\n');
    expect(text).toMatch(/Lua failures: \d+ \(the ability did nothing each time\)/);
    expect(text).toMatch(/reef\/pearl-diver\s+\d+\s+RUNTIME x\d+/);
    expect(text).toMatch(/first in match \d+: lua\/pearl_diver\.lua:4 \(dive\): RUNTIME: /);
    io.clear();
    expect(await main([...args, '--strict', '--json'])).toBe(1);
    const report = JSON.parse(io.out.join('\n'));
    expect(report.luaFailures[0]).toMatchObject({
      card: 'reef/pearl-diver',
      first: { module: 'pearl_diver', line: 4, code: 'RUNTIME' },
    });
  });
});
