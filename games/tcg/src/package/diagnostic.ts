/** One finding of the content validator, addressed to the creator's files. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable, for tools: `JSON_SYNTAX`, `SCHEMA`, `REFERENCE`, `LUA_SYNTAX`, `LIMIT_TOTAL_SIZE`, ... */
  code: string;
  /** The file, relative to the package root (`cards.json`, `lua/gambler.lua`). */
  file?: string;
  /** Where in a JSON document, naming cards by id too: `cards[14] (reef/pearl-diver).cost`. */
  path?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  message: string;
}

export const error = (
  code: string,
  message: string,
  at: Omit<Diagnostic, 'severity' | 'code' | 'message'> = {},
): Diagnostic => ({
  severity: 'error',
  code,
  ...at,
  message,
});

export const warning = (
  code: string,
  message: string,
  at: Omit<Diagnostic, 'severity' | 'code' | 'message'> = {},
): Diagnostic => ({
  severity: 'warning',
  code,
  ...at,
  message,
});

/** `file:line:column: path: message`, the one-line form the CLI prints. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.line === undefined ? undefined : d.column]
    .filter((part) => part !== undefined)
    .join(':');
  const head = `${where ? `${where}: ` : ''}${d.severity} ${d.code}`;
  return `${head}: ${d.path ? `${d.path}: ` : ''}${d.message}`;
}
