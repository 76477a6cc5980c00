import type { Diagnostic } from '@cardtable/sdk/content';
import { CARDS, DECKS, RULESET, TESTS } from './draft-files.ts';
import { counted } from '../ui/counted.ts';

/** `cards[1] (reef/hermit-crab).cost` → `cards[1].cost`: the path a form field has. */
export const plainPath = (path: string): string => path.replace(/ \([^)]*\)/g, '');

/** A diagnostic's place, as one line: `cards.json 39:15 · cards[1].cost`. */
export const placeOf = (d: Diagnostic): string =>
  [d.file, d.line ? `${d.line}:${d.column ?? 1}` : '', d.path ?? ''].filter(Boolean).join(' · ');

export const inFile = (diagnostics: readonly Diagnostic[], file: string): Diagnostic[] =>
  diagnostics.filter((d) => d.file === file);

/**
 * The diagnostics that belong to a field: those at its path, or below it when `below` (a
 * field shown as raw JSON answers for everything inside it).
 */
export function atPath(
  diagnostics: readonly Diagnostic[],
  file: string,
  path: string,
  below = false,
): Diagnostic[] {
  return diagnostics.filter((d) => {
    if (d.file !== file || d.path === undefined) return false;
    const p = plainPath(d.path);
    return p === path || (below && (p.startsWith(`${path}.`) || p.startsWith(`${path}[`)));
  });
}

/**
 * A diagnostic's words at a field: its message at the field itself; below it (a field shown as
 * raw JSON), the rest of the path first, so `[0].effects[0].player: is required` says where.
 */
export function messageAt(d: Diagnostic, path: string): string {
  const rest = d.path === undefined ? '' : plainPath(d.path).slice(path.length);
  return rest === '' ? d.message : `${rest.replace(/^\./, '')}: ${d.message}`;
}

/** Diagnostics of a file that no field of `paths` shows (listed above the form). */
export function unplaced(
  diagnostics: readonly Diagnostic[],
  file: string,
  shown: (path: string) => boolean,
): Diagnostic[] {
  return diagnostics.filter(
    (d) => d.file === file && (d.path === undefined || !shown(plainPath(d.path))),
  );
}

/** The studio tabs, by route segment and label, in the order they are shown. */
export const STUDIO_TABS = [
  ['ruleset', 'Ruleset'],
  ['cards', 'Cards'],
  ['lua', 'Lua abilities'],
  ['decks', 'Decks'],
  ['balance', 'Balance lab'],
  ['publish', 'Publish'],
] as const;

export type StudioTab = (typeof STUDIO_TABS)[number][0];

const TAB_OF_FILE: Readonly<Record<string, StudioTab>> = {
  [RULESET]: 'ruleset',
  [CARDS]: 'cards',
  [DECKS]: 'decks',
  [TESTS]: 'lua',
};

/** The tab where a diagnostic is fixed: its file's editor (Lua modules and ability tests: Lua). */
export const tabOf = ({ file = RULESET }: Diagnostic): StudioTab =>
  TAB_OF_FILE[file] ?? (file.endsWith('.lua') ? 'lua' : 'ruleset');

/**
 * The validation badge's words: "Valid", "Valid, 1 warning", "2 errors", with "(checking)" while
 * a newer draft is checked. Before the first report it is only "Checking…" (it read
 * "Checking… (checking)" on every first load).
 */
export function validationWords(
  report: { ok: boolean; errors: readonly unknown[]; warnings: readonly unknown[] } | null,
  validating: boolean,
): string {
  if (!report) return 'Checking…';
  const text = report.ok
    ? `Valid${report.warnings.length ? `, ${counted(report.warnings.length, 'warning')}` : ''}`
    : counted(report.errors.length, 'error');
  return validating ? `${text} (checking)` : text;
}
