import type { ActivatableAbility } from './controls.ts';
import type { ActivatedFace, TcgView } from '../engine/view.ts';
import { activationTermsText, effectPhrase } from '../content/words.ts';

/** An activated ability a unit can use, as the view describes it, and where it comes from. */
export interface ActivationShown {
  face: ActivatedFace;
  /** The name of the custom keyword that gives it; null for the card's own ability. */
  keyword: string | null;
}

/**
 * Which of the unit's abilities an activation is, found as the engine finds it: the card's own
 * first, then those of the keywords the unit has now (printed or granted). Null when the view
 * does not say (a CPU's view carries no faces).
 */
export function activationShown(
  view: Pick<TcgView, 'cards' | 'faces' | 'glossary'>,
  activation: Pick<ActivatableAbility, 'card' | 'ability'>,
): ActivationShown | null {
  const unit = view.cards[activation.card];
  if (!unit) return null;
  const printed = view.faces[unit.defId];
  const own = printed?.activated?.find((a) => a.id === activation.ability);
  if (own) return { face: own, keyword: null };
  for (const keyword of unit.stats?.keywords ?? printed?.keywords ?? []) {
    const entry = view.glossary.keywords[keyword];
    const face = entry?.activated?.find((a) => a.id === activation.ability);
    if (face) return { face, keyword: entry!.name };
  }
  return null;
}

/**
 * A button's words for an activation, from the face's data: "Lantern Keeper: deal 1 damage to
 * an enemy thrall (2 embers; once a turn)"; a keyword's ability names its keyword
 * ("Ash Drake, Kindle: ...").
 */
export function activationLabel(
  view: Pick<TcgView, 'cards' | 'faces' | 'glossary'>,
  activation: Pick<ActivatableAbility, 'card' | 'ability'>,
): string {
  const unitName = view.faces[view.cards[activation.card]?.defId ?? '']?.name ?? 'Unit';
  const shown = activationShown(view, activation);
  if (!shown) return `${unitName}: ${activation.ability}`;
  const source = shown.keyword ? `${unitName}, ${shown.keyword}` : unitName;
  const what = effectPhrase(shown.face.effect) ?? '';
  return `${source}: ${what} (${activationTermsText(shown.face.terms, view.glossary.resource)})`;
}

/** `LogNames.ability` for a view: a keyword's ability is called by its keyword ("Wayfarer"). */
export const abilityNames =
  (view: Pick<TcgView, 'cards' | 'faces' | 'glossary'>) => (card: string, ability: string) =>
    activationShown(view, { card, ability })?.keyword ?? null;
