import { useId } from 'react';
import type { ArtEmblem, ArtPattern, GeneratedArt } from './generated-art.ts';

/** One 10x10 tile of each pattern; `fill` shapes are filled, the others are stroked. */
const PATTERN_TILES: Record<ArtPattern, { d: string; fill: boolean }> = {
  stripes: { d: 'M0 0H10V3.5H0Z', fill: true },
  dots: { d: 'M5 3.2a1.8 1.8 0 1 0 0.01 0Z', fill: true },
  waves: { d: 'M0 5Q2.5 1.5 5 5T10 5', fill: false },
  chevrons: { d: 'M0 7.5L5 2.5L10 7.5', fill: false },
  grid: { d: 'M0 0.5H10M0.5 0V10', fill: false },
  triangles: { d: 'M1 9L5 2L9 9Z', fill: true },
  zigzag: { d: 'M0 3L2.5 7L5 3L7.5 7L10 3', fill: false },
  crosses: { d: 'M5 2V8M2 5H8', fill: false },
};

/** Emblems, centred on (50, 30) in the 100x60 art box. */
const EMBLEM_PATHS: Record<ArtEmblem, string> = {
  shield: 'M37 12H63V29Q63 43 50 50Q37 43 37 29Z',
  circle: 'M50 11a19 19 0 1 0 0.01 0Z',
  crest: 'M50 9L68 21L63 49H37L32 21Z',
  star: 'M50 8L55.6 23.2L71.9 23.9L59.1 34L63.5 49.6L50 40.6L36.5 49.6L40.9 34L28.1 23.9L44.4 23.2Z',
  diamond: 'M50 8L70 30L50 52L30 30Z',
  burst:
    'M50 8L55 21L68 14L62 27L74 30L62 33L68 46L55 39L50 52L45 39L32 46L38 33L26 30L38 27L32 14L45 21Z',
  hexagon: 'M50 9L68 19.5V40.5L50 51L32 40.5V19.5Z',
  drop: 'M50 8Q68 31 62 42Q56 52 50 52Q44 52 38 42Q32 31 50 8Z',
  orb: 'M50 11a19 19 0 1 0 0.01 0ZM50 18a12 12 0 1 1 -0.01 0Z',
};

const hsl = (hue: number, saturation: number, lightness: number) =>
  `hsl(${hue} ${saturation}% ${lightness}%)`;

/** A card without an image: a ground, a pattern, an emblem for its kind and its monogram. */
export function GeneratedArtSvg({
  art,
  label,
  crop = false,
}: {
  art: GeneratedArt;
  label: string;
  /** Fill the element's box, cropping the sides, instead of fitting inside it. */
  crop?: boolean;
}) {
  // useId's characters are not all valid in a url(#id) reference.
  const id = `art${useId().replace(/[^\w-]/g, '')}`;
  const { hue, saturation: s, shade } = art;
  const tile = PATTERN_TILES[art.pattern];
  const ink = hsl(hue, s, shade ? 66 : 56);
  return (
    <svg
      className="tcg-art tcg-art-generated"
      viewBox="0 0 100 60"
      preserveAspectRatio={crop ? 'xMidYMid slice' : 'xMidYMid meet'}
      role="img"
      aria-label={label}
      data-art={`${art.pattern} ${art.emblem} ${art.monogram}`}
    >
      <defs>
        <linearGradient id={`${id}-ground`} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0%" stopColor={hsl(hue, s, shade ? 30 : 24)} />
          <stop offset="100%" stopColor={hsl(hue, s, shade ? 16 : 11)} />
        </linearGradient>
        <pattern
          id={`${id}-pattern`}
          width="10"
          height="10"
          patternUnits="userSpaceOnUse"
          patternTransform={`rotate(${art.angle})`}
        >
          <path
            d={tile.d}
            fill={tile.fill ? ink : 'none'}
            stroke={tile.fill ? 'none' : ink}
            strokeWidth="1.2"
          />
        </pattern>
      </defs>
      <rect width="100" height="60" fill={`url(#${id}-ground)`} />
      <rect width="100" height="60" fill={`url(#${id}-pattern)`} opacity="0.3" />
      <path
        d={EMBLEM_PATHS[art.emblem]}
        fill={hsl(hue, s, 13)}
        fillRule="evenodd"
        stroke={hsl(hue, s, 72)}
        strokeWidth="1.5"
      />
      <text
        x="50"
        y="36"
        textAnchor="middle"
        fontSize="16"
        fontWeight="700"
        fill="#fff"
        letterSpacing="0.5"
      >
        {art.monogram}
      </text>
    </svg>
  );
}
