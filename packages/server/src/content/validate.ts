import type { Diagnostic } from '@cardtable/sdk/content';
import { loadContent, type Content } from '@cardtable/tcg';
import type { PackageFiles } from './package.ts';

export interface PackageReport {
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  content?: Content;
}

const DOCUMENT_FILES = {
  ruleset: 'ruleset.json',
  cards: 'cards.json',
  decks: 'decks.json',
} as const;

/**
 * Validates a content package and builds the content the engine plays. The one door through which
 * the server and the CLI check content (drafts, publishing, hosting, replays).
 */
export async function validatePackage(files: PackageFiles): Promise<PackageReport> {
  const errors: Diagnostic[] = [];
  const json = (path: string): unknown => {
    const text = files.get(path);
    if (typeof text !== 'string') {
      errors.push({
        severity: 'error',
        code: 'MISSING_FILE',
        file: path,
        message: `${path} is missing.`,
      });
      return undefined;
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      errors.push({
        severity: 'error',
        code: 'JSON_SYNTAX',
        file: path,
        message: (error as Error).message,
      });
      return undefined;
    }
  };
  const ruleset = json(DOCUMENT_FILES.ruleset);
  const cards = json(DOCUMENT_FILES.cards);
  const decks = files.has(DOCUMENT_FILES.decks) ? json(DOCUMENT_FILES.decks) : undefined;
  if (errors.length > 0) return { ok: false, errors, warnings: [] };
  const scripts: Record<string, string> = {};
  for (const [path, text] of files)
    if (/^lua\/[^/]+\.lua$/.test(path) && typeof text === 'string')
      scripts[path.slice('lua/'.length, -'.lua'.length)] = text;
  const loaded = loadContent({ ruleset, cards, decks, scripts });
  if (loaded.ok) return { ok: true, errors: [], warnings: [], content: loaded.content };
  return {
    ok: false,
    errors: loaded.problems.map((problem) => ({
      severity: 'error' as const,
      code: 'CONTENT_INVALID',
      file: problem.document === 'scripts' ? 'lua' : DOCUMENT_FILES[problem.document],
      ...(problem.path ? { path: problem.path } : {}),
      message: problem.message,
    })),
    warnings: [],
  };
}
