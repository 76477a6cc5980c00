import { golf } from '@cardtable/golf';
import { gameRegistry, type GameRegistry } from './games.ts';

/** What `npm start` hosts. Golf's turn timer hands a late turn to its steady CPU, Marcus. */
export const defaultGames = (): GameRegistry =>
  gameRegistry({ game: golf, timeoutProfile: 'Marcus' });
