import type { Diagnostic } from '@cardtable/sdk/content';
import type { EffectSpec, ParamSpec } from '@cardtable/sandbox';

/** One completion of the Lua editor: an ability API function, a context global or a library. */
export interface LuaCompletion {
  label: string;
  type: 'function' | 'variable' | 'namespace';
  detail: string;
  info?: string;
  apply?: string;
}

const paramText = (param: ParamSpec): string => {
  const bounds =
    param.type === 'integer' && (param.min !== undefined || param.max !== undefined)
      ? ` ${param.min ?? ''}..${param.max ?? ''}`
      : param.type === 'string' && param.oneOf
        ? ` (${param.oneOf.join(' | ')})`
        : '';
  return `${param.name}: ${param.type}${bounds}${param.optional ? ', optional' : ''}`;
};

/**
 * The completions offered while writing an ability: every function of the ability API (from
 * its one definition, `TCG_SCRIPT_EFFECTS`) with its parameters and example, then what scripts
 * read (`state`, `self`) and the base library the sandbox allows.
 */
export function luaCompletions(
  effects: readonly EffectSpec[],
  context: readonly string[],
  globals: readonly string[],
): LuaCompletion[] {
  return [
    ...effects.map((spec) => ({
      label: spec.name,
      type: 'function' as const,
      detail: spec.summary ?? `${spec.name}(${spec.params.map((p) => p.name).join(', ')})`,
      info: [spec.params.map(paramText).join('; '), spec.example ? `e.g. ${spec.example}` : '']
        .filter(Boolean)
        .join('\n'),
      apply: `${spec.name}(`,
    })),
    ...context.map((name) => ({
      label: name,
      type: 'variable' as const,
      detail: name === 'state' ? 'the game as this ability sees it' : 'read-only',
    })),
    ...globals
      .filter((name) => !name.startsWith('_'))
      .map((name) => ({ label: name, type: 'function' as const, detail: 'Lua base library' })),
  ];
}

/** The word being typed before `position` in `text` (letters, digits, `_`, `.`). */
export function wordBefore(text: string, position: number): { from: number; word: string } {
  let from = position;
  while (from > 0 && /[A-Za-z0-9_.]/.test(text[from - 1]!)) from--;
  return { from, word: text.slice(from, position) };
}

export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
  line: number;
}

/**
 * The validator's findings for one Lua file as editor ranges: from the reported column to the
 * end of the word (or of the line when no column is given).
 */
export function luaDiagnostics(
  text: string,
  file: string,
  diagnostics: readonly Diagnostic[],
): EditorDiagnostic[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return diagnostics
    .filter((d) => d.file === file)
    .map((d) => {
      const lineIndex = Math.min(Math.max((d.line ?? 1) - 1, 0), lines.length - 1);
      const lineText = lines[lineIndex] ?? '';
      const start = starts[lineIndex] ?? 0;
      const column = d.column ? Math.min(d.column - 1, lineText.length) : 0;
      const rest = lineText.slice(column);
      const word = d.column
        ? (/^[A-Za-z0-9_.]+/.exec(rest)?.[0].length ?? rest.length)
        : lineText.length;
      return {
        from: start + column,
        to: start + column + Math.max(word, 0),
        severity: d.severity,
        // The sentence first; the code after it, for looking it up in the creators' guide.
        message: `${d.message} (${d.code})`,
        line: lineIndex + 1,
      };
    });
}
