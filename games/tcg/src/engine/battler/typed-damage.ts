import type { BattlerRules, CardDef } from '../../content/ast.ts';

/** An attack's damage to a creature after its weakness (first) and resistance to `element`. */
export function typedDamage(
  rules: BattlerRules,
  amount: number,
  element: string | undefined,
  target: Pick<CardDef, 'weakness' | 'resistance'>,
): number {
  let dealt = amount;
  if (dealt > 0 && element !== undefined && target.weakness === element)
    dealt =
      rules.weakness.op === 'mul' ? dealt * rules.weakness.value : dealt + rules.weakness.value;
  if (dealt > 0 && element !== undefined && target.resistance === element)
    dealt = Math.max(0, dealt - rules.resistance.value);
  return dealt;
}
