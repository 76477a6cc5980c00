import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  costCounts,
  moveAttack,
  newAttack,
  withCount,
  type AttackJson,
} from '../src/studio/attack-edit.ts';
import { AttacksEditor } from '../src/studio/AttacksEditor.tsx';

const TYPES = ['fire', 'water'];
const flame: AttackJson = {
  id: 'flame',
  name: 'Flame Claw',
  cost: ['fire', 'colorless'],
  damage: 40,
  effects: [{ do: 'flip', heads: [] }],
};
const splash: AttackJson = { id: 'splash', name: 'Splash', cost: ['water'] };

describe('battler attacks: the cost as counts per energy type', () => {
  it('counts each type, the wildcard after the ruleset types, unknown types kept last', () => {
    expect(costCounts(['fire', 'colorless', 'fire'], TYPES, 'colorless')).toEqual([
      ['fire', 2],
      ['water', 0],
      ['colorless', 1],
    ]);
    expect(costCounts(['lightning'], TYPES, 'colorless').at(-1)).toEqual(['lightning', 1]);
  });

  it('changes one count and writes the cost back in a stable order, within 0 to 9', () => {
    expect(withCount(['colorless', 'fire'], TYPES, 'colorless', 'water', 2)).toEqual([
      'fire',
      'water',
      'water',
      'colorless',
    ]);
    expect(withCount(['fire'], TYPES, 'colorless', 'fire', 0)).toEqual([]);
    expect(withCount([], TYPES, 'colorless', 'fire', 40)).toHaveLength(9);
  });

  it('adds attacks with fresh ids and moves them, clamped at the ends', () => {
    const added = newAttack([flame, { ...splash, id: 'attack3' }], 'colorless');
    expect(added).toMatchObject({ id: 'attack4', cost: ['colorless'] });
    expect(moveAttack([flame, splash], 1, -1)).toEqual([splash, flame]);
    expect(moveAttack([flame, splash], 0, -1)).toEqual([flame, splash]);
  });
});

describe('the attacks form', () => {
  const render = (
    errorsAt: Record<string, string> = {},
    attacks: AttackJson[] = [flame, splash],
  ) => {
    const errors = (name: string): ReactNode =>
      errorsAt[name] ? createElement('ul', { className: 'errs' }, errorsAt[name]) : null;
    // As the card editor draws a field: its label, its control, then its messages.
    const field = (name: string, label: string, control: ReactNode) =>
      createElement(
        'div',
        { 'data-field': name },
        createElement('label', null, label),
        control,
        errors(name),
      );
    return renderToStaticMarkup(
      createElement(AttacksEditor, {
        attacks,
        types: TYPES,
        wildcard: 'colorless',
        field,
        aria: (name: string) => ({ id: `f-${name}` }),
        errors,
        onChange: () => undefined,
        seal: () => undefined,
      }),
    );
  };

  it('shows each attack as fields: name, id, a count per energy, damage and effects', () => {
    const html = render();
    expect(html).toContain('Attack 1: Flame Claw');
    expect(html).toContain('Attack 2: Splash');
    expect(html).toContain('value="Flame Claw"');
    expect(html).toContain('aria-label="Flame Claw: fire energy"');
    expect(html).toContain('colorless (any energy)');
    expect(html).toMatch(
      /aria-label="Flame Claw: colorless energy"[^>]*value="1"|value="1"[^>]*aria-label="Flame Claw: colorless energy"/,
    );
    expect(html).toContain('value="40"');
    expect(html).toContain('&quot;do&quot;: &quot;flip&quot;');
    expect(html).toContain('Add an attack');
    // The first cannot move up, the last cannot move down; every control is a form control.
    expect(html).toMatch(/<button type="button" disabled="" aria-label="Move Flame Claw up"/);
    expect(html).toMatch(/<button type="button" disabled="" aria-label="Move Splash down"/);
    expect(html).toContain('aria-label="Remove Splash"');
  });

  it('asks for the rules text of an attack whose effects call Lua, and only then', () => {
    expect(render()).not.toContain('data-field="attacks[0].text"');
    const surge: AttackJson = {
      id: 'surge',
      name: 'Surge',
      cost: ['fire'],
      effects: [{ do: 'lua', module: 'surge', entry: 'surge' }],
    };
    const html = render({ 'attacks[0].text': 'is required' }, [surge]);
    expect(html).toContain('data-field="attacks[0].text"');
    expect(html.indexOf('is required')).toBeGreaterThan(
      html.indexOf('data-field="attacks[0].text"'),
    );
    expect(render({}, [{ ...surge, text: 'Deal 10 damage.' }])).toContain(
      'value="Deal 10 damage."',
    );
  });

  it("puts the validator's messages at the attack's field", () => {
    const html = render({
      'attacks[1].name': 'must NOT have fewer than 1 characters',
      'attacks[0].cost': '"lightnin" is not an energy type',
    });
    const splashName = html.indexOf('data-field="attacks[1].name"');
    expect(html.indexOf('must NOT have fewer than 1 characters')).toBeGreaterThan(splashName);
    expect(html).toContain('is not an energy type');
  });
});
