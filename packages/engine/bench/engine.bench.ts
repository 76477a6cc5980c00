import { createRng, diff, stateHash } from '../src/index.ts';
import { isMain, measure } from './measure.ts';

const table = {
  seats: Array.from({ length: 4 }, (_, seat) => ({
    seat,
    hand: Array.from({ length: 6 }, (_, slot) => ({
      faceUp: slot % 2 === 0,
      card: { id: seat * 6 + slot, rank: 'Q', suit: 'hearts', deck: 0 },
    })),
    total: 10,
  })),
  deckCount: 30,
  discardTop: { id: 99, rank: '7', suit: 'clubs', deck: 1 },
};
const changed = structuredClone(table);
changed.seats[2]!.hand[3]!.faceUp = true;
changed.deckCount = 29;

export async function run(): Promise<void> {
  let step = 0;
  const rows = {
    'rng: create + 52-card shuffle': measure(() =>
      createRng('seed', step++, 1).shuffle(Array.from({ length: 52 }, (_, i) => i)),
    ),
    'diff: two 4-seat table views': measure(() => diff(table, changed)),
    'stateHash: 4-seat table view': measure(() => stateHash(table)),
  };
  console.table(rows);
}

if (isMain(import.meta.url)) await run();
