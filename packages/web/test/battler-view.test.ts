import { describe, expect, it } from 'vitest';
import type { BattlerControls, CardFace, TcgView, ViewCard } from '@cardtable/tcg/ui';
import {
  attackOptions,
  battlerSide,
  distinctLabels,
  energyCounts,
  missingEnergy,
  setupChoices,
  sharedReason,
  stadiumInPlay,
} from '../src/tcg/battler/battler-view.ts';
import { flipWords } from '../src/tcg/battler/CoinFlip.tsx';

const face = (id: string, kind: CardFace['kind'], battler?: Partial<CardFace['battler']>) =>
  ({
    id,
    name: id.replace('sb/', ''),
    type: kind,
    kind,
    cost: 0,
    stats: kind === 'unit' ? { attack: 0, health: 70 } : null,
    keywords: [],
    speed: 'normal',
    token: false,
    text: '',
    art: { palette: 'x' },
    battler: {
      element: null,
      stage: 0,
      evolvesFrom: null,
      attacks: [],
      retreat: 1,
      weakness: null,
      resistance: null,
      prizeValue: 1,
      ...battler,
    },
  }) as unknown as CardFace;

const card = (handle: string, defId: string, zone: string, extra: Partial<ViewCard> = {}) =>
  ({
    handle,
    defId,
    owner: 0,
    controller: 0,
    zone,
    playOrder: Number(handle.slice(1)),
    damage: 0,
    attacks: 0,
    enteredTurn: 1,
    doomed: false,
    attachedTo: null,
    ...extra,
  }) as ViewCard;

/** Seat 0's side: an active Emberkit with fire energy, a tool, 30 damage and asleep; one benched. */
function view(status: TcgView['status'] = 'playing'): TcgView {
  return {
    seat: 0,
    status,
    active: 0,
    turn: 3,
    players: [
      { seat: 0, zones: { board: ['c1', 'c2'], hand: [], prizes: 3, stadium: [] } },
      { seat: 1, zones: { board: [], hand: 5, prizes: 4, stadium: ['c9'] } },
    ],
    cards: {
      c1: card('c1', 'sb/emberkit', 'board', {
        damage: 30,
        conditions: ['asleep'],
        stats: { attack: 0, health: 40, maxHealth: 70, keywords: [] },
      }),
      c2: card('c2', 'sb/sproutle', 'board'),
      c3: card('c3', 'sb/fire-energy', 'attached', { attachedTo: 'c1' }),
      c4: card('c4', 'sb/water-energy', 'attached', { attachedTo: 'c1' }),
      c5: card('c5', 'sb/charm', 'attached', { attachedTo: 'c1' }),
      c6: card('c6', 'sb/fire-energy', 'attached', { attachedTo: 'c2', under: true }),
      c9: card('c9', 'sb/grove', 'stadium', { owner: 1, controller: 1 }),
    },
    faces: {
      'sb/emberkit': face('sb/emberkit', 'unit', {
        element: 'fire',
        attacks: [
          { id: 'scratch', name: 'Scratch', cost: ['colorless'], damage: 10 },
          { id: 'blaze', name: 'Blaze', cost: ['fire', 'fire', 'colorless'], damage: 60 },
        ],
      }),
      'sb/sproutle': face('sb/sproutle', 'unit', { element: 'grass' }),
      'sb/fire-energy': face('sb/fire-energy', 'energy', { element: 'fire' }),
      'sb/water-energy': face('sb/water-energy', 'energy', { element: 'water' }),
      'sb/charm': face('sb/charm', 'tool'),
      'sb/grove': face('sb/grove', 'stadium'),
    },
    glossary: { keywords: {}, resource: 'energy', life: 'life' },
    battler: {
      active: ['c1', null],
      turnCounts: {},
      turnsTaken: [1, 1],
      setupChosen: [true, true],
      mySetup: null,
      rules: {
        bench: 5,
        prizeZone: 'prizes',
        stadiumZone: 'stadium',
        energyTypes: ['grass', 'fire', 'water', 'psychic', 'lightning'],
        wildcard: 'colorless',
        damageCounter: 10,
        conditions: { asleep: { name: 'Asleep', reminder: 'Cannot attack or retreat.' } },
      },
    },
  } as unknown as TcgView;
}

const controls = (attacks: string[] = []): BattlerControls => ({
  attacks,
  retreats: [],
  evolutions: {},
  setups: [],
});

describe('battler table view', () => {
  it('splits a side into the active spot and the bench, with counters, pips, tools and conditions', () => {
    const side = battlerSide(view(), 0)!;
    expect(side.active?.handle).toBe('c1');
    expect(side.active?.counters).toBe(3);
    expect(side.active?.hp).toBe(40);
    expect(side.active?.energy.map((e) => e.label)).toEqual(['Fire', 'Water']);
    expect(side.active?.tools).toEqual(['c5']);
    expect(side.active?.conditions).toEqual([
      { id: 'asleep', name: 'Asleep', reminder: 'Cannot attack or retreat.' },
    ]);
    // A card under an evolved creature is not attached energy.
    expect(side.bench.map((s) => [s.handle, s.energy.length])).toEqual([['c2', 0]]);
    expect(side.prizes).toBe(3);
    expect(battlerSide(view(), 1)!.prizes).toBe(4);
  });

  it('never shows HP below 0: a knocked-out creature lies at 0 until the step that removes it', () => {
    const knockedOut = view();
    knockedOut.cards.c1 = {
      ...knockedOut.cards.c1!,
      damage: 90,
      stats: { attack: 0, health: -20, maxHealth: 70, keywords: [] },
    };
    const active = battlerSide(knockedOut, 0)!.active!;
    expect([active.hp, active.maxHp, active.counters]).toEqual([0, 70, 9]);
  });

  it('says, before setup is done, that prizes and actives are still to come (not "0 prizes left")', () => {
    const playing = battlerSide(view(), 1)!;
    expect(playing.prizeWords).toBe('4 prizes left');
    expect(playing.emptyActiveWords).toBe('No active creature');
    const setup = { ...view('mulligan'), battler: { ...view().battler!, active: [null, null] } };
    setup.battler.setupChosen = [true, false];
    setup.players = setup.players.map((p) => ({ ...p, zones: { ...p.zones, prizes: 0 } }));
    const mine = battlerSide(setup as TcgView, 0)!;
    expect(mine.prizeWords).toBe('Prizes are set aside when the game starts');
    expect(mine.emptyActiveWords).toBe('Active creature chosen');
    expect(battlerSide(setup as TcgView, 1)!.emptyActiveWords).toBe('Choosing an active creature');
  });

  it('finds the stadium in either player’s stadium zone', () => {
    expect(stadiumInPlay(view())).toBe('c9');
  });

  it('pays typed costs by type and colourless with anything left', () => {
    expect(missingEnergy(['fire', 'colorless'], ['fire', 'water'], 'colorless')).toEqual([]);
    expect(missingEnergy(['fire', 'fire', 'colorless'], ['fire', 'water'], 'colorless')).toEqual([
      'fire',
    ]);
    expect(missingEnergy(['colorless', 'colorless'], ['grass'], 'colorless')).toEqual([
      'colorless',
    ]);
  });

  it('offers the legal attacks and says why the others cannot be used', () => {
    const [scratch, blaze] = attackOptions(view(), 0, controls(['scratch']));
    expect(scratch).toMatchObject({ usable: true, reason: null, damage: 10 });
    expect(blaze).toMatchObject({ usable: false, reason: 'Needs 1 fire energy more' });
    const asleep = attackOptions(view(), 0, controls([]))[0]!;
    expect(asleep.reason).toBe('emberkit is asleep');
    const waiting = { ...view(), active: 1 } as TcgView;
    expect(attackOptions(waiting, 0, controls([]))[0]!.reason).toBe('Not your turn');
  });

  it('says a reason every attack shares once, and energy missing under each attack', () => {
    const waiting = { ...view(), active: 1 } as TcgView;
    expect(sharedReason(attackOptions(waiting, 0, controls([])))).toBe('Not your turn');
    // Scratch may be used, Blaze lacks a fire: nothing shared.
    expect(sharedReason(attackOptions(view(), 0, controls(['scratch'])))).toBeNull();
    expect(sharedReason([])).toBeNull();
  });

  it('groups setups into actives and the bench each allows, and finds the exact choice', () => {
    const setups = setupChoices({
      ...controls(),
      setups: [
        { active: 'h1', bench: [] },
        { active: 'h1', bench: ['h2'] },
        { active: 'h2', bench: [] },
        { active: 'h2', bench: ['h1'] },
      ],
    });
    expect(setups.actives).toEqual(['h1', 'h2']);
    expect(setups.benchFor('h1')).toEqual(['h2']);
    expect(setups.find('h1', ['h2'])).toEqual({ active: 'h1', bench: ['h2'] });
    expect(setups.find('h1', ['h3'])).toBeNull();
  });

  it('counts energy by type, in the order each type first comes', () => {
    expect(energyCounts(['fire', 'colorless', 'fire', 'fire'])).toEqual([
      { type: 'fire', count: 3 },
      { type: 'colorless', count: 1 },
    ]);
    expect(energyCounts([])).toEqual([]);
  });

  it('numbers buttons of cards that share a name', () => {
    const names: Record<string, string> = { h1: 'Emberling', h2: 'Emberling', h3: 'Ashmole' };
    const labels = distinctLabels(['h1', 'h2', 'h3'], (h) => names[h]!);
    expect([...labels.values()]).toEqual(['Emberling 1', 'Emberling 2', 'Ashmole']);
  });

  it('says coin flips in words', () => {
    const name = (seat: number) => ['Ada', 'CPU'][seat]!;
    expect(flipWords({ player: 0, source: null, results: [true, false], purpose: 'x' }, name)).toBe(
      'Ada flipped heads, tails (1 heads)',
    );
    expect(flipWords({ player: 1, source: null, results: [false], purpose: 'x' }, name)).toBe(
      'CPU flipped tails',
    );
  });
});
