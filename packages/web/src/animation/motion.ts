import { accountWantsReducedMotion } from '../account/preferences.ts';

/** The reader asked for less motion, of the system or in their account: cards then jump instead of flying. */
export const prefersReducedMotion = (): boolean =>
  (typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches) ||
  accountWantsReducedMotion();
