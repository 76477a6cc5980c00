import luaparse, { type Token } from 'luaparse';

const tokenType = (name: string): number => luaparse.tokenTypes[name] ?? -1;
const EOF = tokenType('EOF');
const Keyword = tokenType('Keyword');
const Identifier = tokenType('Identifier');
const Punctuator = tokenType('Punctuator');

/**
 * luaparse knows Lua 5.3; the only 5.4 syntax it lacks is the `<const>`/`<close>` attribute of
 * local names. Replaces those attributes with spaces (keeping every column) using luaparse's own
 * lexer, so strings and comments are never touched. Returns the source unchanged on a lexer error.
 */
export function blankAttributes(source: string): string {
  if (!source.includes('<')) return source;
  const tokens: Token[] = [];
  try {
    luaparse.parse(source, { wait: true, luaVersion: '5.3' });
    for (let token = luaparse.lex(); token.type !== EOF; token = luaparse.lex()) tokens.push(token);
  } catch {
    return source;
  }
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type !== Keyword || token.value !== 'local') continue;
    let j = i + 1;
    while (tokens[j]?.type === Identifier) {
      const open = tokens[j + 1];
      const name = tokens[j + 2];
      const close = tokens[j + 3];
      if (
        open?.type === Punctuator &&
        open.value === '<' &&
        name?.type === Identifier &&
        (name.value === 'const' || name.value === 'close') &&
        close?.type === Punctuator &&
        close.value === '>'
      ) {
        spans.push([open.range[0], close.range[1]]);
        j += 4;
      } else {
        j += 1;
      }
      const comma = tokens[j];
      if (comma?.type !== Punctuator || comma.value !== ',') break;
      j += 1;
    }
  }
  let out = source;
  for (const [start, end] of spans) {
    out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  }
  return out;
}
