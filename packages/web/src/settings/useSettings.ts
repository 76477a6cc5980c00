import { useSyncExternalStore } from 'react';
import { settings, type Settings } from './settings.ts';

/** The remembered table settings, re-rendering when they change. */
export const useSettings = (): Settings =>
  useSyncExternalStore(settings.subscribe, settings.getSnapshot);
