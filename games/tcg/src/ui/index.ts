/**
 * What a browser table imports: types and pure helpers only (no Ajv, no Lua sandbox).
 * `import { tcgControls } from '@cardtable/tcg/ui'`.
 */
export {
  tcgControls,
  playWith,
  type TcgControls,
  type PlayableCard,
  type ActivatableAbility,
  type BattlerControls,
} from './controls.ts';
export type {
  TcgView,
  ViewCard,
  PlayerView,
  DecisionView,
  CardFace,
  ActivatedFace,
  KeywordView,
  BattlerFace,
  BattlerView,
  PhaseView,
} from '../engine/view.ts';
export type { TcgAction } from '../engine/actions.ts';
export type { TcgEvent } from '../engine/events.ts';
export type { CardArt } from '../content/ast.ts';
export { heroId, heroSeat } from '../engine/state.ts';
export { type GlossaryEntry } from '../content/keywords.ts';
export { describeScriptFailure, logLine, outcomeSentence, type LogNames } from './log.ts';
export {
  askSentence,
  effectPhrase,
  targetsWord,
  activationTermsText,
  selfTriggeredSentence,
  type ActivationTerms,
} from '../content/words.ts';
export {
  abilityNames,
  activationLabel,
  activationShown,
  type ActivationShown,
} from './activations.ts';
export { STOP_KINDS, type StopKind } from '../engine/stops.ts';
export { nextPhaseLabel, phaseName, phaseTitle, phaseTrack, type PhaseTrack } from './phases.ts';
