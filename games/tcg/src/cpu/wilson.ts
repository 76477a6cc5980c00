/** A share with its 95% confidence interval. */
export interface Rate {
  /** Successes over trials; null when there were no trials. */
  rate: number | null;
  /** The 95% Wilson score interval; null when there were no trials. */
  low: number | null;
  high: number | null;
}

/** The normal quantile for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval for `successes` out of `trials`: unlike the normal approximation
 * it stays inside [0, 1] and is honest for small samples and for rates near 0 or 1, which is
 * what a balance report of a few dozen matches has.
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): Rate {
  if (trials === 0) return { rate: null, low: null, high: null };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At 0 or all successes the bound is exactly 0 or 1; floating point would miss it by an ulp.
  return {
    rate: p,
    low: successes === 0 ? 0 : center - half,
    high: successes === trials ? 1 : center + half,
  };
}
