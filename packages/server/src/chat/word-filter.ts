import { readFileSync } from 'node:fs';

/** Stand-ins people type for a letter ("sh1t", "$hit", "@ss"). */
const LOOKALIKES: Record<string, string> = {
  a: 'a@4',
  b: 'b8',
  e: 'e3',
  g: 'g9',
  i: 'i1l|',
  l: 'l1|',
  o: 'o0',
  s: 's5$',
  t: 't7+',
};

/** A word: letters, digits and stand-ins, with dots, dashes, underscores or asterisks inside. */
const TOKEN = /[\p{L}\p{N}\p{M}@$|+]+(?:[.\-_*]+[\p{L}\p{N}\p{M}@$|+]+)*/gu;
const JOINERS = /[.\-_*]/g;
const MARKS = /\p{M}/gu;

/**
 * The chat's word filter: masks whole words of a list, whatever their case, with letters
 * repeated ("shiiit"), written with stand-ins ("sh1t") or broken up inside ("s.h.i.t").
 * Whole words only, so "assassin" and "Scunthorpe" pass; an entry ending in `*` also masks the
 * words it begins ("fuck*": "fucking").
 */
export class WordFilter {
  private readonly pattern: RegExp | null;

  constructor(entries: readonly string[]) {
    const alternatives = entries.map((entry) => {
      const prefix = entry.endsWith('*');
      const letters = [...(prefix ? entry.slice(0, -1) : entry)].map(
        (letter) => `[${escapeClass(LOOKALIKES[letter] ?? letter)}]+`,
      );
      return `${letters.join('')}${prefix ? '.*' : ''}`;
    });
    this.pattern =
      alternatives.length > 0 ? new RegExp(`^(?:${alternatives.join('|')})$`, 'u') : null;
  }

  /** The list shipped in the repo (`filtered-words.txt`). */
  static shipped(): WordFilter {
    return WordFilter.fromText(
      readFileSync(new URL('./filtered-words.txt', import.meta.url), 'utf8'),
    );
  }

  /** One entry a line; `#` starts a comment. */
  static fromText(text: string): WordFilter {
    return new WordFilter(
      text
        .split('\n')
        .map((line) => line.replace(/#.*/, '').trim().toLowerCase())
        .filter((line) => /^[a-z]+\*?$/.test(line)),
    );
  }

  /** `text` with every listed word replaced by as many asterisks. */
  mask(text: string): string {
    const pattern = this.pattern;
    if (pattern === null) return text;
    return text.replace(TOKEN, (token) =>
      pattern.test(normalised(token)) ? '*'.repeat([...token].length) : token,
    );
  }
}

/** Lower case, accents and the joiners inside a word dropped ("Ş.h.ï.t" to "shit"). */
function normalised(token: string): string {
  return token.normalize('NFKD').replace(MARKS, '').replace(JOINERS, '').toLowerCase();
}

function escapeClass(chars: string): string {
  return chars
    .replace(/[\\\]^-]/g, '\\$&')
    .replace(/\$/g, '\\$')
    .replace(/\|/g, '\\|');
}
