/** The part of luaparse 0.3 the linter uses. */
declare module 'luaparse' {
  export interface Position {
    line: number;
    column: number;
  }
  export interface LuaNode {
    type: string;
    loc?: { start: Position; end: Position };
    [field: string]: unknown;
  }
  export interface Token {
    type: number;
    value: string | number | boolean | null;
    line: number;
    range: [number, number];
  }
  export interface Options {
    wait?: boolean;
    comments?: boolean;
    scope?: boolean;
    locations?: boolean;
    ranges?: boolean;
    luaVersion?: '5.1' | '5.2' | '5.3' | 'LuaJIT';
  }
  export interface Parser {
    parse(input: string, options?: Options): LuaNode;
    lex(): Token;
    tokenTypes: Record<string, number>;
  }
  const luaparse: Parser;
  export default luaparse;
}
