/**
 * What a content package may hold: the validator refuses anything beyond these, and the server
 * applies the same numbers to uploads (one place for both).
 */
export const CONTENT_LIMITS = {
  /** All files together, bytes. */
  maxTotalBytes: 8 * 1024 * 1024,
  maxFiles: 400,
  /** One JSON or Lua file, bytes. */
  maxTextFileBytes: 1024 * 1024,
  /** One image, bytes. */
  maxImageBytes: 1024 * 1024,
  /** Width and height of an image, pixels. */
  maxImageSide: 2048,
  minImageSide: 16,
  /** Lua modules (`lua/<name>.lua`). */
  maxLuaModules: 64,
  /**
   * Lua source the script host reads to load the package: each module is scanned once for its
   * entry functions (the global functions it defines), then compiled whole once per entry (the
   * module plus its call), so a module costs its bytes times one more than its entries.
   * Building a game runs on the server's event loop, about 1.5 s per MiB on this hardware: a
   * module of 64 KiB with a thousand one-line functions would otherwise stop every match for a
   * minute. The shipped demo loads about 2 KiB.
   */
  maxLuaLoadBytes: 512 * 1024,
  /** One path inside the package, bytes. */
  maxPathBytes: 160,
} as const;

export type ContentLimits = typeof CONTENT_LIMITS;

/** The documents of a package, by their path inside it. */
export const PACKAGE_FILES = {
  ruleset: 'ruleset.json',
  cards: 'cards.json',
  decks: 'decks.json',
  /** Optional: creator-written ability tests (`tcg/tests@1`), run on every validation. */
  tests: 'tests.json',
} as const;

/** Lua modules: `lua/<module>.lua`, the module named as abilities name it. */
export const LUA_MODULE_PATH = /^lua\/([A-Za-z_][A-Za-z0-9_-]*)\.lua$/;
/** Card art: `art/<name>.<png|webp>` (any name of letters, digits, `_`, `-`, `.`). */
export const IMAGE_PATH = /^art\/[A-Za-z0-9_][A-Za-z0-9_.-]*\.(png|webp|svg)$/;

/** What is wrong with a path inside a package (absolute, `..`, too long), or undefined. */
export function pathProblem(file: string, limits: ContentLimits): string | undefined {
  if (new TextEncoder().encode(file).length > limits.maxPathBytes)
    return `the path is longer than ${limits.maxPathBytes} bytes`;
  if (file.startsWith('/') || file.includes('\\') || /^[A-Za-z]:/.test(file))
    return 'paths are relative, with "/" between folders';
  if (file.split('/').some((part) => part === '' || part === '.' || part === '..'))
    return 'a path may not contain empty, "." or ".." parts';
  return undefined;
}
