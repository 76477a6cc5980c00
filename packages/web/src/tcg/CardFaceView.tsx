import { useMemo, useState } from 'react';
import type { CardFace, GlossaryEntry } from '@cardtable/tcg/ui';
import { HeartIcon, SwordIcon } from './cards/StatIcons.tsx';
import { generatedArt } from './generated-art.ts';
import { GeneratedArtSvg } from './GeneratedArtSvg.tsx';
import { shownHealth } from './shown-health.ts';

/**
 * A card's art: its image when the content has one (served by this server, never a remote URL),
 * otherwise, or when the image cannot be loaded, the face the app generates from the card.
 */
export function CardArt({
  face,
  image,
  crop = false,
}: {
  face: CardFace;
  image?: string | undefined;
  /** Fill a box of another shape (a pile), cropping the art instead of letterboxing it. */
  crop?: boolean;
}) {
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
  return <GeneratedArtSvg art={art} label={`${face.name} art`} crop={crop} />;
}

/** A unit's numbers now (on the board) or as printed. */
export type UnitStats = { attack: number; health: number; maxHealth: number; keywords: string[] };

export type Glossary = Readonly<Record<string, GlossaryEntry>>;

export interface CardProps {
  face: CardFace;
  /** Current numbers and keywords of a unit on the board (else the printed face and text). */
  stats?: UnitStats | undefined;
  /** The ruleset's keywords, to name and explain the card's. */
  glossary?: Glossary;
  /** The URL of the card's image, when its content has one. */
  image?: string | undefined;
  /** `full` is the zoomed card: every rule and each keyword explained. */
  size?: 'table' | 'full';
}

/** The words that explain a keyword (the ruleset's reminder, then the engine's rule). */
export const keywordExplanation = (entry: GlossaryEntry | undefined): string =>
  entry ? [entry.reminder, entry.rule].filter(Boolean).join(' ') : '';

/** A unit's health now (on the board) or as printed, as the table shows it. */
const healthOf = (face: CardFace, stats: UnitStats | undefined): number | undefined => {
  const health = stats?.health ?? face.stats?.health;
  return health === undefined ? undefined : shownHealth(health);
};

/**
 * A card in words, as a screen reader names it: name, type, cost, the numbers it has now,
 * keywords and rules text (the face itself is a picture and scattered numbers).
 */
export function cardLabel(face: CardFace, stats?: UnitStats, glossary: Glossary = {}): string {
  const battler = isBattlerFace(face);
  const parts = battler ? [face.name, face.type] : [face.name, face.type, `cost ${face.cost}`];
  const attack = stats?.attack ?? face.stats?.attack;
  const health = healthOf(face, stats);
  if (face.kind === 'unit' && attack !== undefined && health !== undefined) {
    if (!battler) parts.push(`attack ${attack}`);
    parts.push(
      stats && stats.health < stats.maxHealth
        ? `health ${health} of ${stats.maxHealth}`
        : `health ${health}`,
    );
  }
  const keywords = (stats?.keywords ?? face.keywords).map((k) => glossary[k]?.name ?? k);
  if (keywords.length) parts.push(keywords.join(', '));
  const label = parts.join(', ');
  return face.text ? `${label}: ${face.text}` : label;
}

/**
 * A battler's cards cost nothing to play and its creatures fight with the attacks in their
 * text: a cost of 0 on every card and a 0 attack on every creature would only mislead.
 */
const isBattlerFace = (face: CardFace) => face.battler !== undefined;

/** A card's face: cost, art, name, keywords, rules text and labelled attack and health. */
export function CardFaceView({ face, stats, glossary = {}, image, size = 'table' }: CardProps) {
  const battler = isBattlerFace(face);
  const attack = stats?.attack ?? face.stats?.attack;
  const health = healthOf(face, stats);
  const keywords = stats?.keywords ?? face.keywords;
  const hurt = stats !== undefined && stats.health < stats.maxHealth;
  const full = size === 'full';
  return (
    <div className={`tcg-card tcg-${face.kind} tcg-card-${size}`} data-card={face.id}>
      {battler ? null : (
        <span className="tcg-cost" aria-label={`Cost ${face.cost}`}>
          {face.cost}
        </span>
      )}
      <CardArt face={face} image={image} />
      <strong className="tcg-name">{face.name}</strong>
      {full ? (
        <span className="tcg-type">
          {face.type}
          {face.speed === 'instant' ? ' · instant' : ''}
          {face.token ? ' · token' : ''}
        </span>
      ) : null}
      {keywords.length ? (
        <span className="tcg-keywords">
          {keywords.map((k) => (
            <span key={k} className="tcg-keyword" data-tip={keywordExplanation(glossary[k])}>
              {glossary[k]?.name ?? k}
            </span>
          ))}
        </span>
      ) : null}
      {face.text && (full || !stats) ? <p className="tcg-text">{face.text}</p> : null}
      {full && keywords.length ? (
        <dl className="tcg-glossary" data-testid="tcg-glossary">
          {keywords.map((k) => (
            <div key={k}>
              <dt>{glossary[k]?.name ?? k}</dt>
              <dd>{keywordExplanation(glossary[k]) || 'A keyword of this game.'}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {face.kind === 'unit' ? (
        <span className="tcg-stats">
          {battler ? null : (
            <span className="tcg-attack" aria-label={`Attack ${attack}`} title="Attack">
              <SwordIcon />
              <span aria-hidden="true">{attack}</span>
            </span>
          )}
          <span
            className={hurt ? 'tcg-health tcg-hurt' : 'tcg-health'}
            aria-label={hurt ? `Health ${health} of ${stats?.maxHealth}` : `Health ${health}`}
            title="Health"
          >
            <HeartIcon />
            <span aria-hidden="true">{health}</span>
          </span>
        </span>
      ) : null}
      {face.speed === 'instant' && !full ? <span className="tcg-instant">instant</span> : null}
    </div>
  );
}
