import type { LuaFailureCount } from '@cardtable/tcg';

/** The "Lua failures" section of `simulate tcg`: per card, by code, with the first one seen. */
export function formatLuaFailures(failures: readonly LuaFailureCount[]): string {
  if (failures.length === 0) return 'Lua failures: none';
  const total = failures.reduce((sum, f) => sum + f.count, 0);
  const lines = [`Lua failures: ${total} (the ability did nothing each time)`];
  for (const f of failures) {
    const codes = Object.entries(f.codes)
      .map(([code, n]) => `${code} x${n}`)
      .join(', ');
    const { first } = f;
    const where = `lua/${first.module}.lua${first.line === null ? '' : `:${first.line}`}`;
    lines.push(`  ${f.card.padEnd(28)} ${String(f.count).padStart(5)}  ${codes}`);
    lines.push(
      `    first in match ${first.game}: ${where} (${first.entry}): ${first.code}: ${first.detail ?? ''}`,
    );
  }
  return lines.join('\n');
}
