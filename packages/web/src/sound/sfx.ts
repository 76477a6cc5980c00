import { settings } from '../settings/settings.ts';
import { SOUNDS, type Beat, type Tone } from './beats.ts';

let context: AudioContext | null = null;
let noise: AudioBuffer | null = null;

/** One shared context, made on first use (browsers start it suspended until a gesture). */
function audio(): AudioContext | null {
  if (context) return context;
  if (typeof AudioContext === 'undefined') return null;
  context = new AudioContext();
  const frames = Math.round(context.sampleRate * 0.5);
  noise = context.createBuffer(1, frames, context.sampleRate);
  const samples = noise.getChannelData(0);
  // Sound is the shell's business, not the core's: any white noise will do.
  for (let i = 0; i < frames; i++) samples[i] = Math.random() * 2 - 1;
  return context;
}

/** The last sound asked for, unless muted: a table's tests read it from the document. */
function mark(beat: Beat): void {
  document.documentElement.dataset.lastSound = beat;
}

/** Plays a beat's sound now, unless the player muted the tables. Never throws. */
export function playBeat(beat: Beat): void {
  if (settings.getSnapshot().muted) return;
  mark(beat);
  try {
    const ctx = audio();
    if (!ctx) return;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    for (const tone of SOUNDS[beat]) playTone(ctx, tone);
  } catch {
    // A browser without sound (or refusing it) plays the game silently.
  }
}

function playTone(ctx: AudioContext, tone: Tone): void {
  const start = ctx.currentTime + tone.atMs / 1000;
  const end = start + tone.ms / 1000;
  const gain = ctx.createGain();
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(tone.gain, start + 0.008);
  gain.gain.exponentialRampToValueAtTime(0.0001, end);
  gain.connect(ctx.destination);
  if (tone.wave === 'noise') {
    const source = ctx.createBufferSource();
    source.buffer = noise;
    const band = ctx.createBiquadFilter();
    band.type = 'bandpass';
    band.frequency.setValueAtTime(tone.from, start);
    band.frequency.exponentialRampToValueAtTime(tone.to, end);
    source.connect(band).connect(gain);
    source.start(start);
    source.stop(end);
    return;
  }
  const oscillator = ctx.createOscillator();
  oscillator.type = tone.wave;
  oscillator.frequency.setValueAtTime(tone.from, start);
  if (tone.to !== tone.from) oscillator.frequency.exponentialRampToValueAtTime(tone.to, end);
  oscillator.connect(gain);
  oscillator.start(start);
  oscillator.stop(end);
}
