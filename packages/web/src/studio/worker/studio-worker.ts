/// <reference lib="webworker" />
import {
  balanceReport,
  cardFaceOf,
  dryRunCardAbility,
  loadContent,
  positionForContent,
  samplePosition,
  tcgGameFor,
  useSandboxWasmUrl,
  validateContentPackage,
  type CardFace,
  type Content,
  type Diagnostic,
} from '@cardtable/tcg';
import glueWasmUrl from 'wasmoon/dist/glue.wasm?url';
import { placeOf } from '../diagnostics.ts';
import type { DraftFiles } from '../draft-files.ts';
import { packageOf } from './package-files.ts';
import type { DryRunAnswer, FromStudioWorker, StudioReport, ToStudioWorker } from './protocol.ts';

/**
 * The studio's validation worker: the server's own validator (`validateContentPackage`, with
 * the same Lua sandbox and ability API) and the engine's dry run, off the page's thread.
 */
useSandboxWasmUrl(glueWasmUrl);
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromStudioWorker) => scope.postMessage(message);

scope.onmessage = async ({ data }: MessageEvent<ToStudioWorker>) => {
  try {
    if (data.kind === 'validate')
      post({ id: data.id, kind: 'validate', report: await validate(data.files) });
    else if (data.kind === 'dryRun')
      post({ id: data.id, kind: 'dryRun', answer: await dryRun(data) });
    else {
      const result = await validateContentPackage(await packageOf(data.files));
      if (!result.content) throw new Error('The draft no longer loads.');
      post({
        id: data.id,
        kind: 'report',
        report: balanceReport(result.content, data.plan, data.records),
      });
    }
  } catch (error) {
    post({ id: data.id, kind: 'crash', message: (error as Error).message });
  }
};

async function validate(files: DraftFiles): Promise<StudioReport> {
  const result = await validateContentPackage(await packageOf(files));
  const content = result.content ?? partialContent(files);
  const faces: Record<string, CardFace> = {};
  if (content) for (const def of content.cards.values()) faces[def.id] = cardFaceOf(content, def);
  const cards = result.content ? [...result.content.cards.values()] : [];
  return { ok: result.ok, errors: result.errors, warnings: result.warnings, faces, cards };
}

/**
 * The ruleset and cards alone (no decks), for previews while the draft has other errors: with
 * their abilities and Lua modules when those load, else without abilities.
 */
function partialContent(files: DraftFiles): Content | null {
  try {
    const read = (path: string) => JSON.parse(files[path] as string) as unknown;
    const cards = read('cards.json') as { cards?: { abilities?: unknown }[] };
    const scripts = Object.fromEntries(
      Object.entries(files).flatMap(([path, file]) => {
        const module = /^lua\/([A-Za-z_][A-Za-z0-9_-]*)\.lua$/.exec(path)?.[1];
        return module && typeof file === 'string' ? [[module, file]] : [];
      }),
    );
    const full = loadContent({ ruleset: read('ruleset.json'), cards, scripts });
    if (full.ok) return full.content;
    const plain = loadContent({
      ruleset: read('ruleset.json'),
      cards: { ...cards, cards: (cards.cards ?? []).map(({ abilities: _a, ...card }) => card) },
    });
    return plain.ok ? plain.content : null;
  } catch {
    return null;
  }
}

/**
 * Why a draft cannot be dry-run, with where its first error is (file, line, path): the creator
 * is in the Lua editor and cannot see the field it belongs to.
 */
function notPlayable(errors: readonly Diagnostic[]): string {
  const count = errors.length === 1 ? 'its error' : `its ${errors.length} errors`;
  const first = errors[0];
  const where = first ? ` ${placeOf(first)}: ${first.message}` : '';
  return `A dry run needs a valid game: fix ${count} first (the badge at the top links each to its tab).${where}`;
}

async function dryRun(input: Extract<ToStudioWorker, { kind: 'dryRun' }>): Promise<DryRunAnswer> {
  const result = await validateContentPackage(await packageOf(input.files), {
    abilityTests: false,
  });
  if (!result.content) return { ok: false, message: notPlayable(result.errors) };
  const game = await tcgGameFor(result.content);
  try {
    const state =
      input.position === undefined
        ? samplePosition(game, result.content, input.seed)
        : positionForContent(result.content, input.position);
    const run = dryRunCardAbility({
      content: result.content,
      scripts: game.scriptsFor(result.content)!,
      state,
      card: input.card,
      ability: input.ability,
      seed: input.seed,
      ...(input.event === undefined ? {} : { event: input.event }),
    });
    return { ok: true, run };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  } finally {
    game.dispose();
  }
}
