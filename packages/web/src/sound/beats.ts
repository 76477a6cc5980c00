/** The moments a table has a sound for. */
export const BEATS = ['draw', 'play', 'attack', 'damage', 'turn', 'win', 'lose'] as const;
export type Beat = (typeof BEATS)[number];

/** One tone of a sound: an oscillator (or noise) with a short attack and an exponential fade. */
export interface Tone {
  wave: OscillatorType | 'noise';
  /** Start and end frequency in Hz (a sweep when they differ; a band centre for noise). */
  from: number;
  to: number;
  /** Offset from the sound's start, and length, in ms. */
  atMs: number;
  ms: number;
  /** Peak gain, 0 to 1 (kept low: these are cues, not music). */
  gain: number;
}

const note = (wave: OscillatorType, hz: number, atMs: number, ms: number, gain = 0.18): Tone => ({
  wave,
  from: hz,
  to: hz,
  atMs,
  ms,
  gain,
});

/**
 * Every sound, synthesized with the Web Audio API from these few numbers: nothing is
 * downloaded, and each beat is recognisable by its shape (a tick, a thump, a whoosh, a hit,
 * a two-note chime, a rising or a falling arpeggio).
 */
export const SOUNDS: Record<Beat, Tone[]> = {
  draw: [{ wave: 'noise', from: 3200, to: 5200, atMs: 0, ms: 70, gain: 0.12 }],
  play: [
    { wave: 'sine', from: 220, to: 110, atMs: 0, ms: 140, gain: 0.3 },
    { wave: 'noise', from: 900, to: 600, atMs: 0, ms: 60, gain: 0.08 },
  ],
  attack: [{ wave: 'noise', from: 600, to: 2600, atMs: 0, ms: 220, gain: 0.16 }],
  damage: [
    { wave: 'square', from: 160, to: 70, atMs: 0, ms: 160, gain: 0.12 },
    { wave: 'noise', from: 400, to: 200, atMs: 0, ms: 120, gain: 0.12 },
  ],
  turn: [note('triangle', 660, 0, 140), note('triangle', 880, 110, 200)],
  win: [
    note('triangle', 523, 0, 160),
    note('triangle', 659, 130, 160),
    note('triangle', 784, 260, 160),
    note('triangle', 1047, 390, 420),
  ],
  lose: [
    note('triangle', 392, 0, 220),
    note('triangle', 330, 200, 220),
    note('triangle', 262, 400, 520),
  ],
};

/** How long a sound lasts, in ms. */
export const soundLength = (beat: Beat): number =>
  Math.max(...SOUNDS[beat].map((tone) => tone.atMs + tone.ms));
