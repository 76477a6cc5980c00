/**
 * Glicko-2 (Mark Glickman, "Example of the Glicko-2 system", 2013): pure math, no I/O.
 * Ratings are on the Glicko scale (1500 / 350 / 0.06 for a new player); the update works on the
 * Glicko-2 scale internally. One call is one rating period for one player.
 */

export interface Rating {
  rating: number;
  rd: number;
  volatility: number;
}

/** One game of the period against one opponent: 1 a win, 0.5 a draw, 0 a loss. */
export interface GameResult {
  opponent: Rating;
  score: 0 | 0.5 | 1;
}

export interface GlickoSettings {
  /** The system constant τ: how much volatility may change (0.3 to 1.2; smaller is steadier). */
  tau: number;
  /** Convergence tolerance of the volatility iteration. */
  epsilon: number;
}

export const NEW_PLAYER: Readonly<Rating> = Object.freeze({
  rating: 1500,
  rd: 350,
  volatility: 0.06,
});

export const DEFAULT_SETTINGS: Readonly<GlickoSettings> = Object.freeze({
  tau: 0.5,
  epsilon: 0.000001,
});

const SCALE = 173.7178;
const CENTER = 1500;
/** A rating deviation never grows past a new player's. */
const MAX_RD = 350;

/**
 * Rating periods are UTC days. Each match is still its own update; the whole days a player sat
 * out between two matches (or since their last one, when read) are periods without games, each
 * growing their RD as the paper's step 6 says.
 */
export const RATING_PERIOD_MS = 86_400_000;

/** The rating period (days since the epoch) of a time. */
export const ratingPeriodOf = (iso: string): number =>
  Math.floor(Date.parse(iso) / RATING_PERIOD_MS);

/**
 * The rating after `periods` rating periods without games: only the RD grows, φ' = √(φ² + σ²)
 * per period, so √(φ² + nσ²) after n (volatility is unchanged without games), at most 350.
 */
export function afterIdlePeriods(player: Rating, periods: number): Rating {
  if (periods <= 0) return player;
  const phi = player.rd / SCALE;
  const sigma = player.volatility;
  const grown = Math.sqrt(phi * phi + periods * sigma * sigma) * SCALE;
  return { ...player, rd: Math.min(grown, MAX_RD) };
}

const g = (phi: number) => 1 / Math.sqrt(1 + (3 * phi * phi) / (Math.PI * Math.PI));
const expectedScore = (mu: number, muJ: number, phiJ: number) =>
  1 / (1 + Math.exp(-g(phiJ) * (mu - muJ)));

/** The player's rating after one period with these results (none: only the RD grows). */
export function updateRating(
  player: Rating,
  results: readonly GameResult[],
  settings: GlickoSettings = DEFAULT_SETTINGS,
): Rating {
  if (results.length === 0) return afterIdlePeriods(player, 1);
  const mu = (player.rating - CENTER) / SCALE;
  const phi = player.rd / SCALE;
  const sigma = player.volatility;

  let inverseV = 0;
  let deltaSum = 0;
  for (const { opponent, score } of results) {
    const muJ = (opponent.rating - CENTER) / SCALE;
    const gJ = g(opponent.rd / SCALE);
    const e = expectedScore(mu, muJ, opponent.rd / SCALE);
    inverseV += gJ * gJ * e * (1 - e);
    deltaSum += gJ * (score - e);
  }
  const v = 1 / inverseV;
  const delta = v * deltaSum;
  const newSigma = newVolatility(phi, sigma, v, delta, settings);
  const phiStar = Math.sqrt(phi * phi + newSigma * newSigma);
  const newPhi = 1 / Math.sqrt(1 / (phiStar * phiStar) + 1 / v);
  const newMu = mu + newPhi * newPhi * deltaSum;
  return {
    rating: newMu * SCALE + CENTER,
    rd: Math.min(newPhi * SCALE, MAX_RD),
    volatility: newSigma,
  };
}

/** Step 5 of the paper: the Illinois algorithm on f(x) = 0. */
function newVolatility(
  phi: number,
  sigma: number,
  v: number,
  delta: number,
  { tau, epsilon }: GlickoSettings,
): number {
  const a = Math.log(sigma * sigma);
  const f = (x: number) => {
    const ex = Math.exp(x);
    const d = phi * phi + v + ex;
    return (ex * (delta * delta - d)) / (2 * d * d) - (x - a) / (tau * tau);
  };
  let A = a;
  let B: number;
  if (delta * delta > phi * phi + v) {
    B = Math.log(delta * delta - phi * phi - v);
  } else {
    let k = 1;
    while (k < 1000 && f(a - k * tau) < 0) k++;
    B = a - k * tau;
  }
  let fA = f(A);
  let fB = f(B);
  // Bounded: the interval halves at least every other step.
  for (let i = 0; i < 200 && Math.abs(B - A) > epsilon; i++) {
    const C = A + ((A - B) * fA) / (fB - fA);
    const fC = f(C);
    if (fC * fB <= 0) {
      A = B;
      fA = fB;
    } else {
      fA /= 2;
    }
    B = C;
    fB = fC;
  }
  return Math.exp(A / 2);
}

/**
 * A match of several players as pairwise results: against each other rated player, a better
 * place is a win, the same place a draw. Every player is updated from the ratings before the
 * match (one rating period per match).
 */
export function updateMatch(
  players: readonly { rating: Rating; place: number }[],
  settings: GlickoSettings = DEFAULT_SETTINGS,
): Rating[] {
  return players.map((player, i) =>
    updateRating(
      player.rating,
      players
        .filter((_, j) => j !== i)
        .map((other) => ({
          opponent: other.rating,
          score: player.place < other.place ? 1 : player.place === other.place ? 0.5 : 0,
        })),
      settings,
    ),
  );
}
