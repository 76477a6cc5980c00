import type { CpuPlayers } from '@cardtable/engine';
import type { GolfAction, GolfView } from '../types.ts';
import { chooseAction } from './choose.ts';
import { CPU_PROFILE_NAMES } from './profiles.ts';

/** Golf's CPU players: eight personalities deciding from their seat's view only. */
export const golfCpu: CpuPlayers<GolfView, GolfAction> = {
  profiles: CPU_PROFILE_NAMES,
  choose: chooseAction,
};

export { chooseAction, type CpuInput } from './choose.ts';
export {
  CPU_PROFILES,
  CPU_PROFILE_NAMES,
  TIMEOUT_PROFILE,
  findProfile,
  type CpuProfile,
} from './profiles.ts';
export { DUMB_MOVE_KINDS, judgeMove, type DumbMoveKind } from './dumb-moves.ts';
export { cpuTimeoutAction } from './timeout.ts';
