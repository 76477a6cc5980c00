import type { Ability } from '../content/ast.ts';
import { namerFor } from '../content/check-cards.ts';
import type { Content } from '../content/content.ts';
import { abilityEffectText } from '../content/rules-text.ts';
import { article, askSentence, capital, targetsWord } from '../content/words.ts';
import type { Decision, TcgState } from './state.ts';

/**
 * A pending decision in words, for its chooser: which card asks and what for ("Firebolt:
 * choose a target to deal 3 damage to an enemy unit or hero"), from the decision's data and
 * the card's rules. Never an internal name.
 */
export function decisionText(decision: Decision, state: TcgState, content: Content): string {
  const def = decision.source ? content.cards.get(decision.source.defId) : undefined;
  const name = def?.name ?? null;
  const ability =
    def && decision.source ? abilityOf(content, def.id, decision.source.abilityId) : null;
  const baseId = def?.id.split('#')[0] ?? '';
  const namer = namerFor(content.cards.get(baseId) ?? {}, content.cards);
  const effect = ability ? abilityEffectText(ability, content.ruleset, namer) : null;
  const own = ability && ability.kind !== 'static' ? (ability.text ?? null) : null;
  const withText = (ask: string) =>
    // An effect that is itself the choice ("choose an enemy unit, then ...") says it alone.
    effect?.startsWith('choose ')
      ? askSentence(name, effect, null)
      : effect
        ? askSentence(name, ask, effect)
        : askSentence(name, own ? `${ask} (${own})` : ask, null);
  switch (decision.prompt.key) {
    case 'choose.targets':
      return withText(`choose ${targetsWord(decision.max)}`);
    case 'choose.discard': {
      const count = Number(decision.prompt.params.count ?? decision.max);
      return askSentence(
        name,
        `choose ${count === 1 ? 'a card' : `${count} cards`} to discard`,
        null,
      );
    }
    case 'choose.blocker': {
      const attacker = state.cards[String(decision.prompt.params.attacker)];
      const unit = content.ruleset.vocabulary.unit;
      const someone = capital(article(unit));
      const who = attacker ? (content.cards.get(attacker.defId)?.name ?? someone) : someone;
      return `${who} attacks: choose ${article(unit)} to block it, or no block`;
    }
    case 'choose.option':
      return askSentence(name, 'choose one', null);
    case 'confirm.may': {
      const prompt = decision.prompt.params.prompt;
      return typeof prompt === 'string' && prompt
        ? askSentence(name, prompt.replace(/\?*$/, '?'), null)
        : withText('do you want');
    }
    case 'confirm.optionalTrigger':
      return effect
        ? askSentence(name, `use its ability to ${effect}?`, null)
        : askSentence(name, own ? `use its ability (${own})?` : 'use its ability?', null);
    default:
      return askSentence(name, 'make a choice', null);
  }
}

function abilityOf(content: Content, defId: string, abilityId: string): Ability | null {
  const def = content.cards.get(defId);
  const own = def?.abilities?.find((a) => a.id === abilityId);
  if (own) return own;
  for (const keyword of def?.keywords ?? []) {
    const found = content.ruleset.keywords[keyword]?.abilities?.find((a) => a.id === abilityId);
    if (found) return found;
  }
  return null;
}
