import type { SandboxRuntime } from '@cardtable/sandbox';
import type { Content } from '../content/content.ts';
import { loadContent, type LoadProblem } from '../content/load.ts';
import { createSandboxScriptHost, sharedRuntime } from '../lua/sandbox-host.ts';
import { error, warning, type Diagnostic } from './diagnostic.ts';
import { abilityTestDiagnostics } from './ability-tests.ts';
import { checkImage } from './images.ts';
import { namedPath, type ParsedDocument } from './documents.ts';
import { locateNearest, parseJsonLocated } from './json-locations.ts';
import {
  CONTENT_LIMITS,
  IMAGE_PATH,
  LUA_MODULE_PATH,
  PACKAGE_FILES,
  pathProblem,
  type ContentLimits,
} from './limits.ts';
import { checkLuaModules } from './lua-modules.ts';
import { checkLuaEntries, checkLuaLiterals } from './lua-references.ts';
import { playabilityWarnings } from './playability.ts';

export interface ValidateOptions {
  /** Override some limits (the server may be stricter); default CONTENT_LIMITS. */
  limits?: Partial<ContentLimits>;
  /** The sandbox runtime compiling the modules; default the TCG's shared one. */
  runtime?: SandboxRuntime;
  /**
   * Run tests.json (default true). Dry runs skip it: a failing test must not stop the dry run
   * that shows why it fails.
   */
  abilityTests?: boolean;
}

export interface ValidationResult {
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** The set the engine plays, when there is no error. */
  content?: Content;
}

type Files = ReadonlyMap<string, string | Uint8Array>;
const DOCUMENTS = Object.entries(PACKAGE_FILES) as [keyof typeof PACKAGE_FILES, string][];

/**
 * The content validator: everything the engine checks when it loads a set, and more (limits,
 * JSON syntax with line and column, Lua compiled and linted against the ability API, entry
 * functions, literal references in scripts, images by their bytes, playability). Pure and in
 * memory: the CLI reads a folder into `files`, the server passes an upload; paths are relative
 * to the package root (`ruleset.json`, `lua/gambler.lua`, `art/imp.png`).
 */
export async function validateContentPackage(
  files: Files,
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const limits = { ...CONTENT_LIMITS, ...options.limits };
  const found: Diagnostic[] = [];
  const layout = checkLayout(files, limits);
  found.push(...layout.diagnostics);

  const texts = new Map<string, string>();
  for (const file of [...layout.documents, ...layout.modules.values()]) {
    const text = decodeText(files.get(file)!);
    if (text === undefined) found.push(error('NOT_UTF8', 'is not valid UTF-8 text', { file }));
    else texts.set(file, text);
  }
  for (const file of layout.images) {
    const bytes = files.get(file)!;
    if (typeof bytes === 'string') {
      found.push(error('IMAGE_TYPE', 'must be given as bytes, not text', { file }));
      continue;
    }
    const image = checkImage(file, bytes, limits);
    if (!image.ok) found.push(error(image.code, image.message, { file }));
  }

  const documents = new Map<keyof typeof PACKAGE_FILES, ParsedDocument>();
  for (const [kind, file] of DOCUMENTS) {
    const text = texts.get(file);
    if (text === undefined) continue;
    const parsed = parseJsonLocated(text);
    if (parsed.ok) documents.set(kind, { file, value: parsed.value, locate: parsed.locate });
    else found.push(error('JSON_SYNTAX', parsed.message, { file, ...parsed.position }));
  }

  const runtime = options.runtime ?? sharedRuntime();
  const sources = new Map<string, { file: string; source: string }>();
  for (const [name, file] of layout.modules) {
    const source = texts.get(file);
    if (source !== undefined) sources.set(name, { file, source });
  }
  const lua = await checkLuaModules(sources, runtime);
  found.push(...lua.diagnostics);

  const ruleset = documents.get('ruleset');
  const cards = documents.get('cards');
  let content: Content | undefined;
  if (ruleset && cards) found.push(...checkLuaEntries(cards, ruleset, lua.facts));
  if (ruleset && cards && sources.size === layout.modules.size) {
    const decks = documents.get('decks');
    const loaded = loadContent({
      ruleset: ruleset.value,
      cards: cards.value,
      ...(decks ? { decks: decks.value } : {}),
      scripts: Object.fromEntries([...sources].map(([name, { source }]) => [name, source])),
    });
    if (loaded.ok) {
      content = loaded.content;
      found.push(...loaded.warnings.map((p) => fromLoadProblem(p, documents)));
      found.push(...checkLuaLiterals(content, cards, ruleset, lua.facts));
      found.push(...playabilityWarnings(content, ruleset));
      if (!found.some((d) => d.severity === 'error' && d.file?.startsWith('lua/')))
        found.push(...(await loadAsAMatchWould(content, runtime, layout.modules)));
      const tests = documents.get('tests');
      if (tests && options.abilityTests !== false) {
        const clean = !found.some((d) => d.severity === 'error');
        found.push(...(await abilityTestDiagnostics(clean ? content : undefined, tests)));
      }
    } else {
      found.push(...loaded.problems.map((p) => fromLoadProblem(p, documents)));
    }
  }

  const sorted = [...found].sort(byPlace);
  const errors = sorted.filter((d) => d.severity === 'error');
  const warnings = sorted.filter((d) => d.severity === 'warning');
  const ok = errors.length === 0;
  return { ok, errors, warnings, ...(ok && content ? { content } : {}) };
}

/** Package-wide findings first, then by file, line and column (stable otherwise). */
function byPlace(a: Diagnostic, b: Diagnostic): number {
  const file = (a.file ?? '').localeCompare(b.file ?? '');
  return file || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** The modules loaded into a VM exactly as a match's script host loads them. */
async function loadAsAMatchWould(
  content: Content,
  runtime: SandboxRuntime,
  files: ReadonlyMap<string, string>,
): Promise<Diagnostic[]> {
  if (Object.keys(content.scripts).length === 0) return [];
  const host = await createSandboxScriptHost(content.scripts, {
    instructionsPerCall: content.ruleset.limits.luaInstructions,
    runtime,
  });
  if (host.ok) {
    host.value.dispose();
    return [];
  }
  const details = (host.error.details ?? {}) as { module?: string; line?: number };
  const file = details.module === undefined ? undefined : files.get(details.module);
  return [
    error('LUA_LOAD', host.error.message, {
      ...(file === undefined ? {} : { file }),
      ...(details.line === undefined ? {} : { line: details.line }),
    }),
  ];
}

interface Layout {
  diagnostics: Diagnostic[];
  /** JSON documents present. */
  documents: string[];
  /** Lua modules by module name. */
  modules: Map<string, string>;
  images: string[];
}

/** Limits, paths and which file is what; the required documents must be there. */
function checkLayout(files: Files, limits: ContentLimits): Layout {
  const out: Layout = { diagnostics: [], documents: [], modules: new Map(), images: [] };
  const add = (d: Diagnostic) => out.diagnostics.push(d);
  if (files.size > limits.maxFiles)
    add(
      error(
        'LIMIT_FILES',
        `the package has ${files.size} files; at most ${limits.maxFiles} are allowed`,
      ),
    );
  let total = 0;
  const documentFiles = new Set<string>(Object.values(PACKAGE_FILES));
  for (const [file, data] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const size = typeof data === 'string' ? new TextEncoder().encode(data).length : data.length;
    total += size;
    const badPath = pathProblem(file, limits);
    if (badPath) {
      add(error('BAD_PATH', badPath, { file }));
      continue;
    }
    const image = IMAGE_PATH.test(file);
    const max = image ? limits.maxImageBytes : limits.maxTextFileBytes;
    const module = LUA_MODULE_PATH.exec(file)?.[1];
    if (!image && !module && !documentFiles.has(file)) {
      if (file.startsWith('lua/') || file.startsWith('art/'))
        add(
          error(
            'BAD_PATH',
            file.startsWith('lua/')
              ? 'a Lua module is lua/<name>.lua, the name of letters, digits, "_" and "-" (no folders)'
              : 'card art is art/<name>.png or art/<name>.webp',
            { file },
          ),
        );
      else
        add(warning('UNKNOWN_FILE', 'is not part of a content package and is ignored', { file }));
      continue;
    }
    if (size > max) {
      add(error('LIMIT_FILE_SIZE', `is ${size} bytes; at most ${max} are allowed`, { file }));
      continue;
    }
    if (image) out.images.push(file);
    else if (module) out.modules.set(module, file);
    else out.documents.push(file);
  }
  if (total > limits.maxTotalBytes)
    add(
      error(
        'LIMIT_TOTAL_SIZE',
        `the package has ${total} bytes; at most ${limits.maxTotalBytes} are allowed`,
      ),
    );
  if (out.modules.size > limits.maxLuaModules)
    add(
      error(
        'LIMIT_LUA_MODULES',
        `the package has ${out.modules.size} Lua modules; at most ${limits.maxLuaModules} are allowed`,
      ),
    );
  for (const file of [PACKAGE_FILES.ruleset, PACKAGE_FILES.cards])
    if (!files.has(file)) add(error('MISSING_FILE', 'is required', { file }));
  return out;
}

function decodeText(data: string | Uint8Array): string | undefined {
  let text: string;
  if (typeof data === 'string') text = data;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return undefined;
    }
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

const DOCUMENT_KIND: Record<LoadProblem['document'], keyof typeof PACKAGE_FILES | null> = {
  ruleset: 'ruleset',
  cards: 'cards',
  decks: 'decks',
  scripts: null,
};
const CODE: Record<LoadProblem['stage'], string> = {
  schema: 'SCHEMA',
  reference: 'REFERENCE',
  deck: 'DECK',
};

/** A problem of `loadContent` as a diagnostic: an error, or a warning under its own code. */
function fromLoadProblem(
  problem: LoadProblem,
  documents: ReadonlyMap<keyof typeof PACKAGE_FILES, ParsedDocument>,
): Diagnostic {
  const make = (message: string, where: Parameters<typeof error>[2]) =>
    problem.warning
      ? warning(problem.warning, message, where)
      : error(CODE[problem.stage], message, where);
  const kind = DOCUMENT_KIND[problem.document];
  const document = kind ? documents.get(kind) : undefined;
  if (!document) return make(problem.message, { path: problem.path });
  const position = locateNearest(document.locate, problem.path);
  return make(problem.message, {
    file: document.file,
    ...(problem.path ? { path: namedPath(problem.path, document.value) } : {}),
    ...(position ?? {}),
  });
}
