import { useEffect, useRef } from 'react';
import { autocompletion, type CompletionContext } from '@codemirror/autocomplete';
import { defaultKeymap, indentWithTab } from '@codemirror/commands';
import { defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { lua } from '@codemirror/legacy-modes/mode/lua';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import type { EditorDiagnostic, LuaCompletion } from './lua-assist.ts';
import { wordBefore } from './lua-assist.ts';

/**
 * CodeMirror 6 for one Lua module: Lua highlighting, line numbers, the validator's findings as
 * underlines and gutter markers, completion of the ability API. Undo is the studio's own (one
 * history for every edit), so the editor keeps none.
 */
export function LuaCodeEditor({
  value,
  onChange,
  onBlur,
  diagnostics,
  completions,
  label,
  describedBy,
}: {
  value: string;
  onChange(text: string): void;
  onBlur(): void;
  diagnostics: EditorDiagnostic[];
  completions: LuaCompletion[];
  label: string;
  /** The id of the words that say how to use the editor (Tab indents; Escape, Tab leaves). */
  describedBy: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const pushing = useRef(false);
  const latest = useRef({ onChange, onBlur, completions });
  latest.current = { onChange, onBlur, completions };

  useEffect(() => {
    const complete = (context: CompletionContext) => {
      const { from, word } = wordBefore(context.state.doc.toString(), context.pos);
      if (!word && !context.explicit) return null;
      if (word.includes('.')) return null;
      return { from, options: latest.current.completions, validFor: /^[A-Za-z0-9_]*$/ };
    };
    const created = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLine(),
          StreamLanguage.define(lua),
          syntaxHighlighting(defaultHighlightStyle),
          lintGutter(),
          autocompletion({ override: [complete] }),
          keymap.of([...defaultKeymap, indentWithTab]),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': describedBy }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !pushing.current)
              latest.current.onChange(update.state.doc.toString());
            if (update.focusChanged && !update.view.hasFocus) latest.current.onBlur();
          }),
        ],
      }),
    });
    view.current = created;
    return () => created.destroy();
    // The editor is made once per module; value changes are pushed below.
  }, [label, describedBy]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    pushing.current = true;
    try {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    } finally {
      pushing.current = false;
    }
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const length = editor.state.doc.length;
    editor.dispatch(
      setDiagnostics(
        editor.state,
        diagnostics.map((d) => ({
          from: Math.min(d.from, length),
          to: Math.min(Math.max(d.to, d.from), length),
          severity: d.severity,
          message: d.message,
        })),
      ),
    );
  }, [diagnostics]);

  return <div ref={host} className="studio-codemirror" data-testid="lua-editor" />;
}
