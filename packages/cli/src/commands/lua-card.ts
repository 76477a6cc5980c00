import { fail, foldEvents, ok, type ReplayFile, type Result } from '@cardtable/engine';
import {
  dryRunCardAbility,
  eventFieldsProblem,
  formatDiagnostic,
  samplePosition,
  validateContentPackage,
  type AbilityChoice,
  type AbilityDryRun,
  type Content,
  type EventInfo,
  type TcgGame,
  type TcgState,
} from '@cardtable/tcg';
import { tcgGameFor } from '@cardtable/tcg/demo';
import { describeScriptFailure } from '@cardtable/tcg/ui';
import { readContentFolder } from '../content-folder.ts';
import { parseJson, readText } from '../read-input.ts';

interface CardRunOptions {
  content: string;
  card: string;
  ability: AbilityChoice;
  state?: string;
  seed: string;
  /** `--event`: fields of the event a triggered ability sees, over the sample one. */
  event?: Partial<EventInfo>;
  json: boolean;
}

/**
 * `cardtable lua run --content DIR --card ID [--ability N|ID] [--state FILE] [--seed S] [--event JSON] [--json]`:
 * a card's Lua ability run as a match runs it. Ok(exit code: 0, or 1 when the ability fails) or
 * the reason the command could not run (`INVALID_CONTENT`: the folder has errors, exit 1 too).
 */
export async function luaCardCommand(argv: string[]): Promise<Result<number>> {
  const parsed = parseCardOptions(argv);
  if (!parsed.ok) return parsed;
  const options = parsed.value;
  const validated = await validateContentPackage(await readContentFolder(options.content), {
    abilityTests: false,
  });
  if (!validated.ok || !validated.content)
    return fail(
      'INVALID_CONTENT',
      `${options.content} is not valid content (run cardtable content validate):\n${validated.errors.map(formatDiagnostic).join('\n')}`,
    );
  const content = validated.content;
  const game = await tcgGameFor(content);
  try {
    const state = await startingState(game, content, options);
    if (!state.ok) return state;
    let run: AbilityDryRun;
    try {
      run = dryRunCardAbility({
        content,
        scripts: game.scriptsFor(content)!,
        state: state.value,
        card: options.card,
        ability: options.ability,
        seed: options.seed,
        ...(options.event ? { event: options.event } : {}),
      });
    } catch (error) {
      return fail('BAD_CARD', (error as Error).message);
    }
    console.log(options.json ? JSON.stringify(run) : formatCardRun(run, content));
    return ok(run.failure ? 1 : 0);
  } finally {
    game.dispose();
  }
}

function parseCardOptions(argv: string[]): Result<CardRunOptions> {
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--json') json = true;
    else if (['--content', '--card', '--ability', '--state', '--seed', '--event'].includes(flag)) {
      const value = argv[++i];
      if (value === undefined) return fail('BAD_FLAG', `${flag} needs a value`);
      values.set(flag, value);
    } else return fail('BAD_FLAG', `Unknown flag with --content: ${flag}`);
  }
  const card = values.get('--card');
  if (!card) return fail('BAD_FLAG', '--content needs --card ID');
  const ability = abilityChoiceOf(values.get('--ability') ?? '0');
  const state = values.get('--state');
  const event = values.has('--event') ? parseEvent(values.get('--event')!) : ok(undefined);
  if (!event.ok) return event;
  return ok({
    content: values.get('--content')!,
    card,
    ability,
    ...(state === undefined ? {} : { state }),
    seed: values.get('--seed') ?? '0',
    ...(event.value ? { event: event.value } : {}),
    json,
  });
}

/**
 * `--ability 1` is the second of the card's Lua abilities; `--ability swell` the one of that id,
 * `--ability swell.effects[1].then[0]` a Lua effect nested in it (see `chooseLuaAbility`).
 */
const abilityChoiceOf = (flag: string): AbilityChoice => (/^\d+$/.test(flag) ? Number(flag) : flag);

/** `--event '{"amount": 3}'`: fields of `state.event`, each of its type (or null for ids). */
function parseEvent(text: string): Result<Partial<EventInfo>> {
  const parsed = parseJson(text, '--event');
  const problem = parsed.ok ? eventFieldsProblem(parsed.value) : parsed.message;
  if (problem !== null) return fail('BAD_FLAG', `--event ${problem}`);
  return ok((parsed as { value: Partial<EventInfo> }).value);
}

/** `--state`: a match export (folded to its end) or an engine state; default a sample position. */
async function startingState(
  game: TcgGame,
  content: Content,
  options: CardRunOptions,
): Promise<Result<TcgState>> {
  if (options.state === undefined) {
    try {
      return ok(samplePosition(game, content, options.seed));
    } catch (error) {
      return fail('NO_POSITION', (error as Error).message);
    }
  }
  const text = await readText(options.state);
  if (text === undefined) return fail('BAD_STATE', `Cannot read ${options.state}`);
  const parsed = parseJson(text, options.state);
  if (!parsed.ok) return fail('BAD_STATE', parsed.message);
  const value = parsed.value as Record<string, unknown>;
  let state: TcgState;
  if (value.format === 'cardtable-replay') {
    const replay = value as unknown as ReplayFile;
    const config = game.parseOptions(replay.match.options, replay.match.seats.length);
    if (!config.ok)
      return fail(
        'BAD_STATE',
        `${options.state}: its match options do not fit this content: ${config.error.message}`,
      );
    state = foldEvents(
      game,
      { options: config.value, seats: replay.match.seats, seed: replay.match.seed ?? '' },
      replay.events,
    );
  } else state = value as unknown as TcgState;
  if (state.content?.id !== content.ruleset.id || state.content.version !== content.ruleset.version)
    return fail(
      'BAD_STATE',
      `${options.state} is a state of ${state.content?.id}@${state.content?.version}, not of ${content.ruleset.id}@${content.ruleset.version}`,
    );
  return ok(state);
}

function formatCardRun(run: AbilityDryRun, content: Content): string {
  const name = (id: string) => {
    if (id.startsWith('hero:')) return `hero of seat ${id.slice(5)}`;
    return id;
  };
  const card = content.cards.get(run.card)!;
  const targets = Object.entries(run.bindings)
    .map(([id, list]) => `${id}=[${list.map(name).join(', ')}]`)
    .join(' ');
  const lines = [
    `${run.card} (${card.name}) ability ${run.ability.position} "${run.ability.name}": ${run.ability.module}.${run.ability.entry}(), from ${run.source}${targets ? `, targets ${targets}` : ''}`,
  ];
  if (run.ability.granted)
    lines.push(
      `${card.name} does not print ${run.ability.keyword}: it was granted it for this run, as a match may grant it.`,
    );
  for (const line of run.logs) lines.push(`log: ${line}`);
  const failure = run.failure;
  if (failure)
    lines.push(
      `The engine would do nothing and record scriptFailed: ${describeScriptFailure(failure)}`,
    );
  else {
    lines.push(`The engine would apply ${run.effects.length} effect(s):`);
    for (const effect of run.effects) lines.push(`  ${JSON.stringify(effect)}`);
    for (const [binding, ids] of Object.entries(run.scriptBindings))
      lines.push(`  $${binding} = ${ids.map(name).join(', ')}`);
  }
  return lines.join('\n');
}
