import type { SandboxRuntime } from '../runtime.ts';
import { lintScript, type LintDiagnostic } from './lint.ts';
import { checkSyntax, type SyntaxResult } from './syntax-check.ts';

export interface CheckResult {
  /** True when the source compiles and the lint found no error (warnings allowed). */
  ok: boolean;
  syntax: SyntaxResult;
  diagnostics: LintDiagnostic[];
}

/** Syntax (Lua's own compiler) and lint, without running anything. */
export async function checkAbility(runtime: SandboxRuntime, source: string): Promise<CheckResult> {
  const heap = await runtime.toolingHeap();
  const syntax = checkSyntax(heap, source, runtime.limits.memoryBytes);
  if (!syntax.ok) return { ok: false, syntax, diagnostics: [] };
  const diagnostics = lintScript(source, {
    effects: runtime.effects,
    ...(runtime.state ? { state: runtime.state } : {}),
  });
  return { ok: !diagnostics.some((d) => d.severity === 'error'), syntax, diagnostics };
}
