import { describe, expect, it } from 'vitest';
import { Emitter } from '../src/emitter.ts';

describe('Emitter', () => {
  it('delivers typed payloads to subscribers until they unsubscribe', () => {
    const emitter = new Emitter<{ state: string; count: number }>();
    const states: string[] = [];
    const off = emitter.on('state', (s) => states.push(s));
    emitter.emit('state', 'open');
    emitter.emit('count', 1);
    off();
    emitter.emit('state', 'closed');
    expect(states).toEqual(['open']);
  });
});
