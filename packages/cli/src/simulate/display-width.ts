/**
 * How many terminal columns a text takes: East Asian wide and full-width characters and emoji
 * shown as pictures take two, combining marks none, the rest one. `String.length` counts UTF-16
 * units instead, so a table of card names like "狐火 Kitsune-bi" came out of line.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (/\p{M}/u.test(char)) continue;
    width += isWide(char.codePointAt(0)!) || /\p{Emoji_Presentation}/u.test(char) ? 2 : 1;
  }
  return width;
}

/** Unicode's East Asian Width W and F ranges (Hangul, CJK, kana, full-width forms...). */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

const isWide = (code: number) => WIDE.some(([low, high]) => code >= low && code <= high);

/** `text` and spaces to `width` columns, on the right (`end`) or the left (`start`). */
export function padTo(text: string, width: number, side: 'start' | 'end'): string {
  const spaces = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return side === 'end' ? text + spaces : spaces + text;
}
