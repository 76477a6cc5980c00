import { CPU_PROFILES, DEFAULT_OPTIONS, MAX_SEATS, type GolfOptions } from '@cardtable/golf';
import type { CreateMatchRequest } from '@cardtable/sdk';
import { accessRequest, type MatchAccess } from '../home/match-access.ts';
import { counted } from '../ui/counted.ts';

/** One seat of the create-table form; seat 0 is always the host. */
export type SeatChoice = { kind: 'human' } | { kind: 'cpu'; profile: string };

export interface TableSetup {
  seats: SeatChoice[];
  options: GolfOptions;
  /** Seconds per turn; null for no timer. */
  turnSeconds: number | null;
  /** Replay privacy and join approval; the server's defaults when absent. */
  access?: MatchAccess;
}

export const TURN_TIMER_CHOICES: readonly (number | null)[] = [null, 15, 30, 60, 120];

/** CPU personalities not yet at the table: each may sit once. */
export const freeProfiles = (seats: readonly SeatChoice[], keep?: string): string[] =>
  CPU_PROFILES.map((p) => p.name).filter(
    (name) => name === keep || !seats.some((s) => s.kind === 'cpu' && s.profile === name),
  );

/** A fresh table: the host against `cpus` CPUs, drawn from the personalities in order. */
export function defaultSetup(cpus = 3): TableSetup {
  const seats: SeatChoice[] = [{ kind: 'human' }];
  for (let i = 0; i < cpus; i++)
    seats.push({ kind: 'cpu', profile: freeProfiles(seats)[0] as string });
  return { seats, options: { ...DEFAULT_OPTIONS }, turnSeconds: null };
}

/** Resizes the table, keeping the seats that stay and filling new ones with CPUs. */
export function withSeatCount(setup: TableSetup, count: number): TableSetup {
  const clamped = Math.min(MAX_SEATS, Math.max(2, count));
  const seats = setup.seats.slice(0, clamped);
  while (seats.length < clamped)
    seats.push({ kind: 'cpu', profile: freeProfiles(seats)[0] as string });
  return { ...setup, seats };
}

/**
 * The quick-play button's words: it says how long the game is (a full course of holes takes
 * about eleven moves a hole), so nobody expects one hole and finds nine.
 */
export function quickPlayLabel(): string {
  const holes = DEFAULT_OPTIONS.rounds;
  return `Play Golf now: ${counted(holes, 'hole')} against 3 CPUs`;
}

/** Three CPUs picked at random, for "Play now". */
export function quickSetup(random: () => number = Math.random): TableSetup {
  const names = CPU_PROFILES.map((p) => p.name);
  const picked: string[] = [];
  while (picked.length < 3) {
    const name = names[Math.floor(random() * names.length)] as string;
    if (!picked.includes(name)) picked.push(name);
  }
  return {
    seats: [{ kind: 'human' }, ...picked.map((profile) => ({ kind: 'cpu' as const, profile }))],
    options: { ...DEFAULT_OPTIONS },
    turnSeconds: null,
  };
}

/** The create-match request; only options that differ from the defaults are sent. */
export function createRequest(setup: TableSetup, hostName: string): CreateMatchRequest {
  const options = Object.fromEntries(
    Object.entries(setup.options).filter(
      ([key, value]) => DEFAULT_OPTIONS[key as keyof GolfOptions] !== value,
    ),
  );
  return {
    game: 'golf',
    options,
    seats: setup.seats.map((seat, index) =>
      seat.kind === 'cpu'
        ? { kind: 'cpu', profile: seat.profile }
        : index === 0 && hostName
          ? { kind: 'human', name: hostName }
          : { kind: 'human' },
    ),
    ...(setup.turnSeconds === null ? {} : { turnTimeLimitMs: setup.turnSeconds * 1000 }),
    ...accessRequest(setup.access),
  };
}
