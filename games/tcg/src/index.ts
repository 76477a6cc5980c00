export * from './content/ast.ts';
export * from './content/content.ts';
export { parseSelector, selectorAst, type SelectorNode } from './content/selector.ts';
export { cardText, abilityText } from './content/rules-text.ts';
export {
  keywordGlossary,
  builtinKeywordTable,
  BUILTIN_KEYWORDS,
  type GlossaryEntry,
} from './content/keywords.ts';
export { validateDeck, expandDeck } from './content/deck.ts';
export {
  loadContent,
  describeLoadProblem,
  type LoadProblem,
  type ContentSource,
  type LoadResult,
} from './content/load.ts';
export { compareVersions, ContentRegistry } from './content/registry.ts';
export { blankRuleset, rulesetIdFor, starterPackage } from './content/starter.ts';
export { rulesetSchema } from './schema/ruleset.schema.ts';
export { cardSetSchema, deckFileSchema } from './schema/cards.schema.ts';
export { checkSchema, describeProblem, type ContentProblem } from './schema/validate.ts';
export type { TcgAction } from './engine/actions.ts';
export type { TcgEvent, ScriptFailure } from './engine/events.ts';
export type * from './engine/state.ts';
export type { TcgView, ViewCard, PlayerView, DecisionView, CardFace } from './engine/view.ts';
export { cardFaceOf } from './engine/view.ts';
export type { TcgOptions, TcgDeck } from './engine/options.ts';
export type { ScriptHost, ScriptCall, ScriptContext, ScriptUsage } from './engine/scripts.ts';
export { autoPass, windowKind, STOP_KINDS, type StopKind } from './engine/auto-pass.ts';
export {
  createTcgGame,
  TCG_RULES_VERSION,
  TCG_SEATS,
  type TcgGame,
  type TcgGameSetup,
} from './engine/game.ts';
export {
  tcgCpu,
  CPU_NAMES,
  CPU_PROFILES,
  determinize,
  evaluate,
  type CpuProfile,
} from './cpu/index.ts';
export {
  createSandboxScriptHost,
  sharedRuntime,
  useSandboxWasmUrl,
  toEffects,
  TCG_SCRIPT_EFFECTS,
  TCG_SCRIPT_STATE,
} from './lua/sandbox-host.ts';
export { publishedSchemas } from './schema/published.ts';
export { MAX_LUA_SANDBOXES, tcgGameFor } from './play/game-for-content.ts';
export { simulateBalance, playBalanceMatch } from './cpu/balance.ts';
export {
  RANDOM_PLAYER,
  balancePlanProblem,
  scheduleMatches,
  type BalancePlan,
  type ScheduledMatch,
  type MatchRecord,
} from './cpu/balance-plan.ts';
export {
  balanceReport,
  type BalanceReport,
  type Tally,
  type DeckResult,
  type MatchupResult,
  type EndingResult,
  type CardResult,
} from './cpu/balance-report.ts';
export {
  levelPlanProblem,
  levelReport,
  scheduleLevelMatches,
  simulateLevels,
  type LevelPlan,
  type LevelReport,
} from './cpu/levels.ts';
export { wilsonInterval, type Rate } from './cpu/wilson.ts';
export type { LuaFailureCount } from './cpu/lua-failures.ts';
export { tcgControls, playWith, type TcgControls, type PlayableCard } from './ui/controls.ts';
export { endingWords, type EndingNouns } from './content/words.ts';
export {
  validateContentPackage,
  type ValidateOptions,
  type ValidationResult,
} from './package/validate-package.ts';
export { formatDiagnostic, type Diagnostic } from './package/diagnostic.ts';
export { checkLuaModule, MAX_DIAGNOSTICS_PER_MODULE } from './package/lua-modules.ts';
export { CONTENT_LIMITS, PACKAGE_FILES, type ContentLimits } from './package/limits.ts';
export { checkImage, type ImageCheck } from './package/images.ts';
export {
  chooseLuaAbility,
  dryRunCardAbility,
  eventFieldsProblem,
  grantableLuaAbilities,
  luaAbilitiesOf,
  positionForContent,
  samplePosition,
  sampleScriptContext,
  type AbilityChoice,
  type AbilityDryRun,
  type KeywordAbilities,
  type LuaAbility,
} from './lua/dry-run.ts';
