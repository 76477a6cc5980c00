import type { CardArt, CardFace } from '@cardtable/tcg/ui';

const PALETTES: Record<CardArt['palette'], [string, string]> = {
  ember: ['#5a1a0c', '#ff8a3d'],
  tide: ['#0c2f5a', '#5ec8ff'],
  grove: ['#163d18', '#8fdc6a'],
  stone: ['#34363b', '#c9c4b8'],
  void: ['#1d1233', '#b58cff'],
  gold: ['#4d3a08', '#ffd34d'],
  frost: ['#12394a', '#bff3ff'],
  blood: ['#4a0d18', '#ff5c7a'],
};

/** The art of a card drawn from its descriptor: palette, glyph and accent, as SVG. */
export function CardArtSvg({ art }: { art: CardArt }) {
  const [dark, light] = PALETTES[art.palette];
  const initials = art.glyph.slice(0, 2).toUpperCase();
  return (
    <svg className="tcg-art" viewBox="0 0 100 60" role="img" aria-label={`${art.glyph} art`}>
      <defs>
        <radialGradient id={`g-${art.palette}`} cx="50%" cy="40%" r="70%">
          <stop offset="0%" stopColor={light} stopOpacity="0.55" />
          <stop offset="100%" stopColor={dark} />
        </radialGradient>
      </defs>
      <rect width="100" height="60" fill={`url(#g-${art.palette})`} />
      <circle cx="50" cy="30" r="19" fill="none" stroke={light} strokeWidth="2" opacity="0.8" />
      <text x="50" y="37" textAnchor="middle" fontSize="20" fontWeight="700" fill={light}>
        {initials}
      </text>
      {art.accent ? (
        <text x="92" y="14" textAnchor="end" fontSize="9" fill={light} opacity="0.8">
          {art.accent.slice(0, 1).toUpperCase()}
        </text>
      ) : null}
    </svg>
  );
}

export interface CardProps {
  face: CardFace;
  /** Current numbers and keywords of a unit on the board (else the printed face and text). */
  stats?: { attack: number; health: number; maxHealth: number; keywords: string[] } | undefined;
  keywordName?: (keyword: string) => string;
}

/** A card's face: cost, art, name, stats and rules text. */
export function CardFaceView({ face, stats, keywordName = (k) => k }: CardProps) {
  const attack = stats?.attack ?? face.stats?.attack;
  const health = stats?.health ?? face.stats?.health;
  const keywords = stats?.keywords ?? face.keywords;
  const hurt = stats !== undefined && stats.health < stats.maxHealth;
  return (
    <div className={`tcg-card tcg-${face.kind}`} data-card={face.id}>
      <span className="tcg-cost" aria-label={`cost ${face.cost}`}>
        {face.cost}
      </span>
      <CardArtSvg art={face.art} />
      <strong className="tcg-name">{face.name}</strong>
      {stats && keywords.length ? (
        <em className="tcg-keywords">{keywords.map(keywordName).join(' · ')}</em>
      ) : null}
      {face.text && !stats ? <p className="tcg-text">{face.text}</p> : null}
      {face.kind === 'unit' ? (
        <span className="tcg-stats">
          <span className="tcg-attack">{attack}</span>
          <span className={hurt ? 'tcg-health tcg-hurt' : 'tcg-health'}>{health}</span>
        </span>
      ) : null}
      {face.speed === 'instant' ? <span className="tcg-instant">instant</span> : null}
    </div>
  );
}
