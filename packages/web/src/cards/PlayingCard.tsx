import type { Card, Rank, SeenCard, Suit } from '@cardtable/golf';
import { isHidden } from '@cardtable/golf';
import { isRed, SUIT_PATHS } from './suits.ts';

/** Card backs by deck of the shoe: a multi-deck game shows which deck a card came from. */
const BACK_COLOURS = ['#1f4e9c', '#a3262e', '#5b3a8c'];

export const backColour = (deck: number) => BACK_COLOURS[deck % BACK_COLOURS.length] as string;

interface PlayingCardProps {
  card: SeenCard;
  faceUp: boolean;
  /** Show a face-down card's face, marked as face down (finished-match replays). */
  peek?: boolean;
}

/** A card drawn in SVG: a face, a back, or (peek) a face marked as still face down. */
export function PlayingCard({ card, faceUp, peek = false }: PlayingCardProps) {
  if (isHidden(card)) return <CardBack deck={card.deck} />;
  if (faceUp) return <CardFace card={card} />;
  if (peek) return <CardFace card={card} peeked />;
  return <CardBack deck={card.deck} />;
}

export function CardBack({ deck }: { deck: number }) {
  const colour = backColour(deck);
  return (
    <svg className="card card-back" viewBox="0 0 100 140" aria-hidden="true" data-face="down">
      <rect x="1.5" y="1.5" width="97" height="137" rx="8" fill="#fdfcf7" stroke="#28302c" />
      <rect x="7" y="7" width="86" height="126" rx="5" fill={colour} />
      <path
        d="M7 30 30 7M7 60 60 7M7 90 90 7M7 120 93 34M19 133 93 59M49 133 93 89M79 133 93 119M70 7 93 30M40 7 93 60M10 7 93 90M7 34 93 120M7 64 76 133M7 94 46 133M7 124 16 133"
        stroke="#ffffff"
        strokeOpacity="0.28"
        strokeWidth="3"
      />
      <rect
        x="30"
        y="50"
        width="40"
        height="40"
        rx="6"
        fill="none"
        stroke="#fff"
        strokeOpacity="0.6"
        strokeWidth="3"
      />
    </svg>
  );
}

function CardFace({ card, peeked = false }: { card: Card; peeked?: boolean }) {
  const colour = card.rank === 'JOKER' ? '#6a2c91' : isRed(card.suit) ? '#b3141c' : '#161616';
  return (
    <svg
      className={peeked ? 'card card-face card-peeked' : 'card card-face'}
      viewBox="0 0 100 140"
      aria-hidden="true"
      data-face={peeked ? 'peeked' : 'up'}
      data-rank={card.rank}
    >
      <rect x="1.5" y="1.5" width="97" height="137" rx="8" fill="#fdfcf7" stroke="#28302c" />
      <g fill={colour}>
        {card.suit ? (
          <>
            <CornerIndex rank={card.rank} suit={card.suit} />
            <g transform="rotate(180 50 70)">
              <CornerIndex rank={card.rank} suit={card.suit} />
            </g>
            <Centre rank={card.rank} suit={card.suit} colour={colour} />
          </>
        ) : (
          <>
            <path d={STAR} transform="translate(6 6) scale(0.3)" />
            <path d={STAR} transform="translate(94 134) scale(-0.3)" />
            <path d={STAR} transform="translate(22 30) scale(0.56)" />
            <text x="50" y="112" fontSize="17" fontWeight="700" textAnchor="middle">
              JOKER
            </text>
          </>
        )}
      </g>
      {peeked ? (
        <rect
          x="1.5"
          y="1.5"
          width="97"
          height="137"
          rx="8"
          fill={backColour(card.deck)}
          fillOpacity="0.35"
          stroke={backColour(card.deck)}
          strokeWidth="5"
        />
      ) : null}
    </svg>
  );
}

/** A five-pointed star in a 100x100 box: the joker's mark. */
const STAR = 'M50 2l14 31 34 4-25 23 7 34-30-17-30 17 7-34L2 37l34-4z';

/** The rank and a small pip in the top-left corner (rotated for the bottom-right). */
function CornerIndex({ rank, suit }: { rank: Rank; suit: Suit }) {
  // "10" is two glyphs wide: drawn narrower so it stays inside the corner.
  const size = rank === '10' ? { fontSize: 22, letterSpacing: -2 } : { fontSize: 26 };
  return (
    <>
      <text x="8" y="30" {...size} fontWeight="700" className="card-index">
        {rank}
      </text>
      <path d={SUIT_PATHS[suit]} transform="translate(10 37) scale(0.17)" />
    </>
  );
}

/** Courts show their letter over a pip; number cards a large pip. */
function Centre({ rank, suit, colour }: { rank: Rank; suit: Suit; colour: string }) {
  const suitPath = SUIT_PATHS[suit];
  if (rank === 'J' || rank === 'Q' || rank === 'K') {
    return (
      <>
        <rect
          x="26"
          y="38"
          width="48"
          height="64"
          rx="4"
          fill="none"
          stroke={colour}
          strokeWidth="2"
        />
        <text x="50" y="74" fontSize="30" fontWeight="700" textAnchor="middle">
          {rank}
        </text>
        <path d={suitPath} transform="translate(41 80) scale(0.18)" />
      </>
    );
  }
  return <path d={suitPath} transform="translate(28 48) scale(0.44)" />;
}
