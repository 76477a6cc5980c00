import { hash128 } from '@cardtable/engine';
import type { CardFace } from '@cardtable/tcg/ui';

/**
 * The face the app draws for a card that has no image: a pure function of the card (id, name,
 * type, cost, and its palette hint when the content gives one), so every table, replay and
 * screenshot shows the same face for the same card. Its features are chosen so that only their
 * combination has to differ between two cards, and `artKey` names that combination: tests
 * check that no two cards of a set share one.
 */
export interface GeneratedArt {
  /** Background hue in degrees, in 15-degree steps (a palette hint keeps it in its band). */
  hue: number;
  /** Saturation in percent: low for the `stone` palette, high otherwise. */
  saturation: number;
  /** 0: a dark ground with a light pattern; 1: a deeper ground with a brighter pattern. */
  shade: 0 | 1;
  pattern: ArtPattern;
  /** Rotation of the pattern in degrees; every pattern differs from itself at 0, 20 and 40. */
  angle: 0 | 20 | 40;
  emblem: ArtEmblem;
  /** One or two capital letters from the card's name (or id when the name has none). */
  monogram: string;
}

export const ART_PATTERNS = [
  'stripes',
  'dots',
  'waves',
  'chevrons',
  'grid',
  'triangles',
  'zigzag',
  'crosses',
] as const;
export type ArtPattern = (typeof ART_PATTERNS)[number];

/** The emblem behind the monogram says the card's kind at a glance: three shapes per kind. */
export const ART_EMBLEMS = {
  unit: ['shield', 'circle', 'crest'],
  spell: ['star', 'diamond', 'burst'],
  energy: ['hexagon', 'drop', 'orb'],
  // Battler stadiums and tools reuse the spell and unit shapes (no new emblems to draw).
  stadium: ['diamond', 'star', 'burst'],
  tool: ['crest', 'shield', 'circle'],
} as const;
export type ArtEmblem = (typeof ART_EMBLEMS)[keyof typeof ART_EMBLEMS][number];

/** Where each palette hint of the card format sits on the colour wheel. */
const PALETTE_HUES: Record<string, number> = {
  ember: 15,
  tide: 210,
  grove: 105,
  stone: 30,
  void: 270,
  gold: 45,
  frost: 180,
  blood: 345,
};

const ANGLES = [0, 20, 40] as const;

/** The card fields the face is made from. */
export type ArtSource = Pick<CardFace, 'id' | 'name' | 'type' | 'cost' | 'kind'> & {
  art?: { palette?: string } | null;
};

export function generatedArt(card: ArtSource): GeneratedArt {
  const [a, b, c, d] = hash128(`${card.id}\u0000${card.name}\u0000${card.type}\u0000${card.cost}`);
  const palette = card.art?.palette;
  const band = palette === undefined ? undefined : PALETTE_HUES[palette];
  // Inside a palette's band the hue moves by up to two steps either way; without one, anywhere.
  const hue =
    band === undefined ? (a % 24) * 15 : (((band + ((a % 5) - 2) * 15) % 360) + 360) % 360;
  const emblems = ART_EMBLEMS[card.kind];
  return {
    hue,
    saturation: palette === 'stone' ? 12 : 62,
    shade: ((b >>> 8) % 2) as 0 | 1,
    pattern: ART_PATTERNS[b % ART_PATTERNS.length]!,
    angle: ANGLES[c % ANGLES.length]!,
    emblem: emblems[d % emblems.length]!,
    monogram: monogramOf(card.name) || monogramOf(card.id.replace(/^.*\//, '')) || '?',
  };
}

/** Two cards look alike exactly when their keys are equal. */
export const artKey = (art: GeneratedArt): string =>
  [art.hue, art.saturation, art.shade, art.pattern, art.angle, art.emblem, art.monogram].join('|');

/** The initials of the first two words ("Executioner's Blade" → "EB"), or a word's first two letters. */
export function monogramOf(name: string): string {
  const words = name.replace(/['’]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  const initials =
    words.length >= 2 ? words[0]!.charAt(0) + words[1]!.charAt(0) : (words[0]?.slice(0, 2) ?? '');
  return initials.toUpperCase();
}
