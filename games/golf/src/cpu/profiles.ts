/**
 * The eight CPU personalities of the spec (section 6). Behaviour comes from four numbers; River
 * also adapts its aggression to how the match and the round are going (see temperament.ts).
 */
export interface CpuProfile {
  name: string;
  style: string;
  /** 4..8: readiness to swap into unknown slots (roughly: a card worth less replaces a face-down card). */
  swapThreshold: number;
  /** 0..1: appetite for pairs. */
  pairHope: number;
  /** 0..1: going out, risk, tie-breaks. */
  aggression: number;
  /** 0..0.3: chance of a random but sane play. */
  unpredictability: number;
  /** Adapts aggression to its standing (River). */
  adaptive: boolean;
}

export const CPU_PROFILES: readonly CpuProfile[] = [
  profile('Sofia', 'calculated and patient', 4, 0.2, 0.2, 0.02),
  profile('Maya', 'aggressive closer', 6, 0.4, 0.85, 0.1),
  profile('Priya', 'pair hunter', 7, 0.8, 0.5, 0.05),
  profile('Marcus', 'steady', 5, 0.35, 0.4, 0.03),
  profile('Kenji', 'risk taker', 8, 0.7, 0.75, 0.12),
  profile('Diego', 'chaotic gambler', 6, 0.5, 0.6, 0.28),
  { ...profile('River', 'adaptive strategist', 5, 0.45, 0.55, 0.08), adaptive: true },
  profile('Sage', 'sneaky finisher', 5, 0.3, 0.9, 0.15),
];

export const CPU_PROFILE_NAMES: readonly string[] = CPU_PROFILES.map((p) => p.name);

/** The profile played when a seat's turn timer runs out. */
export const TIMEOUT_PROFILE = 'Marcus';

/** Profiles by lower-case name: a CPU looks its own up for every decision. */
const PROFILES_BY_NAME = new Map(CPU_PROFILES.map((p) => [p.name.toLowerCase(), p]));

/** Looks a profile up by name, ignoring case; null when there is none of that name. */
export function findProfile(name: string): CpuProfile | null {
  return PROFILES_BY_NAME.get(name.toLowerCase()) ?? null;
}

function profile(
  name: string,
  style: string,
  swapThreshold: number,
  pairHope: number,
  aggression: number,
  unpredictability: number,
): CpuProfile {
  return { name, style, swapThreshold, pairHope, aggression, unpredictability, adaptive: false };
}
