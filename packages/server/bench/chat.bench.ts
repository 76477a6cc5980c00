/**
 * Chat benchmarks (printed, never asserted): the word filter's cost per message, which the server
 * pays once per reader with the filter on. Run alone with
 * `node --import tsx packages/server/bench/chat.bench.ts`.
 */
import { isMain, measure } from '../../engine/bench/measure.ts';
import { WordFilter } from '../src/chat/word-filter.ts';

const CLEAN = 'Nice move, I did not see that coming. Good luck with the last hole! '
  .repeat(4)
  .slice(0, 300);
const DIRTY = 'What the fuuuck, sh1t, s.h.i.t and $hit again: you b1tch, that was a pr1ck move. '
  .repeat(4)
  .slice(0, 300);

export async function run(): Promise<void> {
  const filter = WordFilter.shipped();
  const rows = [
    { message: 'clean, 300 characters', ...measure(() => filter.mask(CLEAN)) },
    { message: 'many filtered words, 300 characters', ...measure(() => filter.mask(DIRTY)) },
  ];
  console.table(rows);
}

if (isMain(import.meta.url)) await run();
