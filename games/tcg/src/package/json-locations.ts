import { readablePath } from '../schema/validate.ts';

/** 1-based line and column (column in UTF-16 code units, as editors count). */
export interface Position {
  line: number;
  column: number;
}

export type LocatedJson =
  | { ok: true; value: unknown; locate(path: string): Position | undefined }
  | { ok: false; message: string; position: Position };

/**
 * Parses JSON (RFC 8259, as `JSON.parse`) and remembers where every value starts, by its
 * readable path (`cards[14].abilities[0]`, the form content problems use), so a problem found
 * later can name its line. A syntax error names its line and column, never a byte offset.
 */
export function parseJsonLocated(text: string): LocatedJson {
  const locations = new Map<string, number>();
  try {
    const parser = new Parser(text, locations);
    const value = parser.document();
    const lines = lineStarts(text);
    return {
      ok: true,
      value,
      locate(path) {
        const offset = locations.get(path);
        return offset === undefined ? undefined : positionAt(lines, offset);
      },
    };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, message: error.message, position: positionAt(lineStarts(text), error.at) };
  }
}

/** The position of the nearest located value at or above `path` (`a[1].b` → `a[1]` → `a`). */
export function locateNearest(
  locate: (path: string) => Position | undefined,
  path: string,
): Position | undefined {
  for (let at = path; ;) {
    const found = locate(at);
    if (found || at === '') return found;
    const cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
    at = cut <= 0 ? '' : at.slice(0, cut);
  }
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const pointerKey = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

class Parser {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly locations: Map<string, number>,
  ) {}

  document(): unknown {
    this.space();
    const value = this.value('');
    this.space();
    if (this.i < this.text.length) this.fail(`unexpected ${this.describe()} after the document`);
    return value;
  }

  private value(pointer: string): unknown {
    this.space();
    this.locations.set(readablePath(pointer), this.i);
    const c = this.text[this.i];
    if (c === '{') return this.object(pointer);
    if (c === '[') return this.array(pointer);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const)
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return value;
      }
    return this.fail(`expected a value, found ${this.describe()}`);
  }

  private object(pointer: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.space();
    if (this.text[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"')
        this.fail(`expected a property name in quotes, found ${this.describe()}`);
      const key = this.string();
      this.space();
      this.expect(':', 'after a property name');
      const value = this.value(`${pointer}/${pointerKey(key)}`);
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.space();
      if (this.text[this.i] === ',') {
        this.i++;
        continue;
      }
      this.expect('}', 'after a property value (a comma or "}")');
      return out;
    }
  }

  private array(pointer: string): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.space();
    if (this.text[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value(`${pointer}/${out.length}`));
      this.space();
      if (this.text[this.i] === ',') {
        this.i++;
        continue;
      }
      this.expect(']', 'after a list item (a comma or "]")');
      return out;
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    let out = '';
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) this.fail('unterminated string', start);
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c < ' ') this.fail('control character in a string (write it as an escape, e.g. \\n)');
      if (c !== '\\') {
        out += c;
        this.i++;
        continue;
      }
      const e = this.text[this.i + 1];
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      if (e !== undefined && e in simple) {
        out += simple[e];
        this.i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.i + 2, this.i + 6), 16));
        this.i += 6;
      } else this.fail('invalid escape in a string');
    }
  }

  private number(): number {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(
      this.text.slice(this.i, this.i + 400),
    );
    if (!match) return this.fail(`expected a number, found ${this.describe()}`);
    this.i += match[0].length;
    return Number(match[0]);
  }

  private space() {
    while (/[ \t\n\r]/.test(this.text[this.i] ?? '')) this.i++;
  }

  private expect(c: string, where: string) {
    if (this.text[this.i] !== c) this.fail(`expected ${where}, found ${this.describe()}`);
    this.i++;
  }

  private describe(): string {
    const c = this.text[this.i];
    return c === undefined ? 'the end of the file' : JSON.stringify(c);
  }

  private fail(message: string, at = this.i): never {
    throw new JsonSyntaxError(message, at);
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}
