import { useMemo, useState } from 'react';
import type { CardFace } from '@cardtable/tcg/ui';
import { generatedArt } from './generated-art.ts';
import { GeneratedArtSvg } from './GeneratedArtSvg.tsx';

/**
 * A card's art: its image when the content has one (served by this server, never a remote URL),
 * otherwise, or when the image cannot be loaded, the face the app generates from the card.
 */
export function CardArt({ face, image }: { face: CardFace; image?: string | undefined }) {
  const [broken, setBroken] = useState<string | null>(null);
  const art = useMemo(() => generatedArt(face), [face]);
  if (image && broken !== image) {
    return (
      <img
        className="tcg-art tcg-art-image"
        src={image}
        alt={`${face.name} art`}
        loading="lazy"
        onError={() => setBroken(image)}
      />
    );
  }
  return <GeneratedArtSvg art={art} label={`${face.name} art`} />;
}

export interface CardProps {
  face: CardFace;
  /** Current numbers and keywords of a unit on the board (else the printed face and text). */
  stats?: { attack: number; health: number; maxHealth: number; keywords: string[] } | undefined;
  keywordName?: (keyword: string) => string;
  /** The URL of the card's image, when its content has one. */
  image?: string | undefined;
}

/** A card's face: cost, art, name, stats and rules text. */
export function CardFaceView({ face, stats, keywordName = (k) => k, image }: CardProps) {
  const attack = stats?.attack ?? face.stats?.attack;
  const health = stats?.health ?? face.stats?.health;
  const keywords = stats?.keywords ?? face.keywords;
  const hurt = stats !== undefined && stats.health < stats.maxHealth;
  return (
    <div className={`tcg-card tcg-${face.kind}`} data-card={face.id}>
      <span className="tcg-cost" aria-label={`cost ${face.cost}`}>
        {face.cost}
      </span>
      <CardArt face={face} image={image} />
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
