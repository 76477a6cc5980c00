import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { cardTypeOf, type Content } from '@cardtable/tcg';
import { demoContent, loadContentFrom } from '@cardtable/tcg/demo';
import type { CardFace } from '@cardtable/tcg/ui';
import { artKey, generatedArt, monogramOf, type ArtSource } from '../src/tcg/generated-art.ts';
import { CardArt, CardFaceView, cardLabel } from '../src/tcg/CardFaceView.tsx';

/** Every card of a set, tokens included, as the table would draw it. */
function cardsOf(content: Content): ArtSource[] {
  return [...content.cards.values()].map((card) => ({
    id: card.id,
    name: card.name,
    type: card.type,
    cost: card.cost,
    kind: cardTypeOf(content, card).kind,
    art: card.art,
  }));
}

/** The cards of a set that share a generated face, grouped by it (empty when all differ). */
function sharedFaces(cards: ArtSource[]): string[][] {
  const byKey = new Map<string, string[]>();
  for (const card of cards) {
    const key = artKey(generatedArt(card));
    byKey.set(key, [...(byKey.get(key) ?? []), card.id]);
  }
  return [...byKey.values()].filter((ids) => ids.length > 1);
}

const face = (card: Partial<CardFace> = {}): CardFace => ({
  id: 'set/fire-imp',
  name: 'Fire Imp',
  type: 'unit',
  kind: 'unit',
  cost: 2,
  stats: { attack: 3, health: 2 },
  keywords: [],
  speed: 'normal',
  token: false,
  text: '',
  art: { palette: 'ember', glyph: 'imp' },
  ...card,
});

describe('generated card faces', () => {
  it('gives every card of the demo set, tokens included, a face of its own', () => {
    const cards = cardsOf(demoContent());
    expect(cards.length).toBeGreaterThan(40);
    expect(sharedFaces(cards)).toEqual([]);
  });

  it('gives every card of the Tidepool test package a face of its own', () => {
    const tidepool = fileURLToPath(
      new URL('../../server/test/fixtures/content/tidepool', import.meta.url),
    );
    const cards = cardsOf(loadContentFrom(tidepool));
    expect(cards.length).toBeGreaterThanOrEqual(8);
    expect(sharedFaces(cards)).toEqual([]);
  });

  it('depends on the card alone: the same card always gets the same face', () => {
    const card = face();
    expect(generatedArt({ ...card })).toEqual(generatedArt(card));
    expect(artKey(generatedArt({ ...card, id: 'set/fire-imp-2' }))).not.toBe(
      artKey(generatedArt(card)),
    );
  });

  it('keeps a palette hint in its colour band and says the kind with the emblem', () => {
    for (let i = 0; i < 50; i++) {
      const art = generatedArt(face({ id: `set/card-${i}`, art: { palette: 'tide', glyph: 'x' } }));
      expect(Math.abs(art.hue - 210)).toBeLessThanOrEqual(30);
      expect(['shield', 'circle', 'crest']).toContain(art.emblem);
    }
    const spell = generatedArt(face({ kind: 'spell', type: 'spell' }));
    expect(['star', 'diamond', 'burst']).toContain(spell.emblem);
  });

  it('draws a monogram from the name', () => {
    expect(monogramOf("Executioner's Blade")).toBe('EB');
    expect(monogramOf('Gambler')).toBe('GA');
    expect(monogramOf('  ')).toBe('');
    expect(generatedArt(face({ name: '!!' })).monogram).toBe('FI');
  });

  it('renders the image when the card has one, and the generated face when it has none', () => {
    const imageHtml = renderToStaticMarkup(
      createElement(CardArt, { face: face(), image: '/api/art/abc' }),
    );
    expect(imageHtml).toContain('<img');
    expect(imageHtml).toContain('src="/api/art/abc"');

    const html = renderToStaticMarkup(createElement(CardArt, { face: face() }));
    expect(html).not.toContain('<img');
    expect(html).toContain('aria-label="Fire Imp art"');
    const art = generatedArt(face());
    expect(html).toContain(`data-art="${art.pattern} ${art.emblem} FI"`);
    expect(html).toContain(`rotate(${art.angle})`);
    // No remote resource: everything is drawn inline.
    expect(html).not.toMatch(/https?:/);
  });
});

describe('a card in words', () => {
  it('names the card, its cost, its numbers now, keywords and rules text', () => {
    expect(cardLabel(face())).toBe('Fire Imp, unit, cost 2, attack 3, health 2');
    const hurt = { attack: 4, health: 1, maxHealth: 2, keywords: ['haste'] };
    expect(
      cardLabel(face({ keywords: ['haste'], text: 'When this dies, draw a card.' }), hurt, {
        haste: { name: 'Haste', reminder: '', rule: '' },
      }),
    ).toBe('Fire Imp, unit, cost 2, attack 4, health 1 of 2, Haste: When this dies, draw a card.');
    expect(
      cardLabel(face({ kind: 'spell', type: 'spell', stats: null, text: 'Deal 3 damage.' })),
    ).toBe('Fire Imp, spell, cost 2: Deal 3 damage.');
  });

  it('shows a unit dealt more than its health at 0, on its face and in words', () => {
    const lethal = { attack: 3, health: -20, maxHealth: 50, keywords: [] };
    expect(cardLabel(face(), lethal)).toBe('Fire Imp, unit, cost 2, attack 3, health 0 of 50');
    const html = renderToStaticMarkup(createElement(CardFaceView, { face: face(), stats: lethal }));
    expect(html).toContain('aria-label="Health 0 of 50"');
    expect(html).not.toContain('-20');
  });

  it('gives a battler card no cost and a battler creature no attack number (it has attacks)', () => {
    const creature = face({
      cost: 0,
      stats: { attack: 0, health: 50 },
      text: 'Scratch [colorless]: 10 damage.',
      battler: {} as CardFace['battler'],
    });
    expect(cardLabel(creature)).toBe('Fire Imp, unit, health 50: Scratch [colorless]: 10 damage.');
    const html = renderToStaticMarkup(createElement(CardFaceView, { face: creature }));
    expect(html).not.toContain('tcg-cost');
    expect(html).not.toContain('tcg-attack');
    expect(html).toContain('tcg-health');
    expect(renderToStaticMarkup(createElement(CardFaceView, { face: face() }))).toContain(
      'tcg-cost',
    );
  });
});
