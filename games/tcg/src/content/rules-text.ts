import type {
  Ability,
  ActivatedAbility,
  AttackDef,
  CardDef,
  Condition,
  Effect,
  PlayerRef,
  Ruleset,
  Target,
  Trigger,
  Value,
} from './ast.ts';
import { selectorAst, type SelectorNode } from './selector.ts';
import {
  activationTermsText,
  article,
  pluralNoun,
  SELF_TRIGGER_PHRASES,
  type ActivationTerms,
} from './words.ts';

/**
 * English rules text generated from data abilities, so text and behaviour cannot drift apart.
 * Lua abilities carry their own text. Nouns come from the ruleset's vocabulary and card types.
 */
/** Names the card or `#token` a summon refers to. */
export type CardNamer = (ref: string) => string;

type PrintedParts = Pick<CardDef, 'keywords' | 'abilities' | 'attacks'>;

/** A card's printed rules: a line naming its keywords ("Guard. Haste."), then its abilities. */
export function cardText(card: PrintedParts, ruleset: Ruleset, nameOf: CardNamer): string {
  const keywords = (card.keywords ?? []).map((k) => ruleset.keywords[k]?.name ?? k);
  const below = textBelowKeywords(card, ruleset, nameOf);
  return [keywords.length ? `${keywords.join('. ')}.` : '', below].filter(Boolean).join('\n');
}

/**
 * A card's rules without the keyword line: what a card face prints beneath its keyword chips,
 * which name the keywords already (and a full-size face explains them).
 */
export function textBelowKeywords(card: PrintedParts, ruleset: Ruleset, nameOf: CardNamer): string {
  return [
    ...(card.abilities ?? []).map((ability) => abilityText(ability, ruleset, nameOf)),
    ...(card.attacks ?? []).map((attack) => attackText(attack, ruleset, nameOf)),
  ].join('\n');
}

/** "Name [fire colorless]: Deal 30 damage to the defending creature." */
export function attackText(attack: AttackDef, ruleset: Ruleset, nameOf: CardNamer): string {
  const words = new Words(ruleset, nameOf);
  const effects: Effect[] = [...(attack.effects ?? [])];
  if (attack.damage !== undefined) effects.push({ do: 'attackDamage', amount: attack.damage });
  const cost = attack.cost.length ? attack.cost.join(' ') : 'free';
  const body = attack.text ?? (effects.length ? sentence(words.effects(effects)) : 'No effect.');
  return `${attack.name} [${cost}]: ${body}`;
}

export function abilityText(ability: Ability, ruleset: Ruleset, nameOf: CardNamer): string {
  const words = new Words(ruleset, nameOf);
  if (ability.kind === 'static') return sentence(words.staticText(ability));
  if (ability.kind === 'activated') return partsOf(ability, words).text;
  if (ability.text) return ability.text;
  for (const t of ability.targets ?? []) words.bindings.set(t.id, t);
  if (ability.kind === 'triggered') words.triggerOn = ability.trigger.on;
  const body = words.effects(ability.effects ?? []);
  if (ability.kind === 'spell') return sentence(body);
  const trigger = words.trigger(ability.trigger);
  const condition = ability.condition ? `, if ${words.condition(ability.condition)}` : '';
  const may = ability.optional ? 'you may ' : '';
  return sentence(`${trigger}${condition}, ${may}${body}`);
}

/**
 * An activated ability as a card face carries it: its terms as data, what it does
 * ("Deal 1 damage to an enemy unit.") and its rules line, "Activate (2 mana, exhaust; once a
 * turn): Deal 1 damage to an enemy unit.", all worded once. What it costs and how often it may
 * be used are always generated; what it does is a Lua ability's own `text`.
 */
export function activatedParts(
  ability: ActivatedAbility,
  ruleset: Ruleset,
  nameOf: CardNamer,
): ActivatedParts {
  return partsOf(ability, new Words(ruleset, nameOf));
}

export interface ActivatedParts {
  terms: ActivationTerms;
  effect: string;
  text: string;
}

function partsOf(ability: ActivatedAbility, words: Words): ActivatedParts {
  const terms: ActivationTerms = {
    cost: ability.cost ?? 0,
    exhaust: ability.exhaust ?? false,
    perTurn: ability.limit?.perTurn ?? 1,
    condition: ability.condition ? words.condition(ability.condition) : null,
  };
  for (const t of ability.targets ?? []) words.bindings.set(t.id, t);
  const effect = ability.text ?? sentence(words.effects(ability.effects ?? []));
  const text = `Activate (${activationTermsText(terms, words.ruleset.resources.name)}): ${effect}`;
  return { terms, effect, text };
}

/**
 * What a data ability does, as a verb phrase without its trigger ("deal 3 damage to target
 * unit"); null for an ability that carries its own text (Lua) or a static one.
 */
export function abilityEffectText(
  ability: Ability,
  ruleset: Ruleset,
  nameOf: CardNamer,
): string | null {
  if (ability.kind === 'static' || ability.text) return null;
  const words = new Words(ruleset, nameOf);
  for (const t of ability.targets ?? []) words.bindings.set(t.id, t);
  if (ability.kind === 'triggered') words.triggerOn = ability.trigger.on;
  return words.effects(ability.effects ?? []) || null;
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

const OP_WORDS: Record<string, string> = {
  '>=': 'or more',
  '<=': 'or less',
  '>': 'more than',
  '<': 'less than',
  '=': 'exactly',
  '!=': 'other than',
};
const DURATION_WORDS = {
  permanent: '',
  endOfTurn: ' this turn',
  untilYourNextTurn: ' until your next turn',
};

class Words {
  constructor(
    readonly ruleset: Ruleset,
    private readonly nameOf: CardNamer,
  ) {}
  /** Bindings already named once in this text: later mentions say "it". */
  private mentioned = new Set<string>();
  readonly bindings = new Map<string, { choose: string; count?: number }>();
  triggerOn: string | null = null;

  player(ref: PlayerRef): { subject: string; possessive: string; you: boolean } {
    if (ref === '$controller') return { subject: 'you', possessive: 'your', you: true };
    if (ref === '$opponent')
      return { subject: 'your opponent', possessive: "your opponent's", you: false };
    if (ref === '$active')
      return { subject: 'the active player', possessive: "the active player's", you: false };
    return { subject: 'that player', possessive: "that player's", you: false };
  }

  trigger(trigger: Trigger): string {
    const whose = trigger.whose ?? 'controller';
    const turn =
      whose === 'controller'
        ? 'your turn'
        : whose === 'opponent'
          ? "your opponent's turn"
          : 'each turn';
    if (trigger.on === 'turnStart') return `at the start of ${turn}`;
    if (trigger.on === 'turnEnd') return `at the end of ${turn}`;
    const subject = trigger.subject ?? '$self';
    const self = subject.trim() === '$self';
    if (self)
      return trigger.on in SELF_TRIGGER_PHRASES
        ? SELF_TRIGGER_PHRASES[trigger.on as keyof typeof SELF_TRIGGER_PHRASES]
        : `when this is ${trigger.on}`;
    const node = selectorAst(subject);
    if (trigger.on === 'drawn') {
      const side = 'side' in node ? node.side : null;
      return side === 'friendly'
        ? 'whenever you draw a card'
        : side === 'enemy'
          ? 'whenever your opponent draws a card'
          : 'whenever a player draws a card';
    }
    const noun = this.noun(node, { count: 1, definite: false });
    const verbs: Record<string, string> = {
      played: 'is played',
      summoned: 'enters the board',
      cast: 'is cast',
      attacks: 'attacks',
      attacked: 'is attacked',
      damaged: 'takes damage',
      healed: 'is healed',
      died: 'dies',
      discarded: 'is discarded',
    };
    return `whenever ${noun} ${verbs[trigger.on] ?? trigger.on}`;
  }

  effects(list: readonly Effect[]): string {
    const phrases: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const both = statPair(list[i]!, list[i + 1]);
      if (both) i++;
      phrases.push(both ? this.statPairPhrase(both) : this.effect(list[i]!));
    }
    return phrases.join(', then ');
  }

  /** "give this +1/+1": an attack and a health change read as one, as cards print them. */
  private statPairPhrase([attack, health]: [ModifyEffect, ModifyEffect]): string {
    const signed = (n: number) => (n < 0 ? `${n}` : `+${n}`);
    return `give ${this.target(attack.target)} ${signed(attack.value as number)}/${signed(health.value as number)}${DURATION_WORDS[attack.duration]}`;
  }

  /**
   * What healing restores: "health", or the ruleset's word for life (`vocabulary.life`, when it
   * has one) where the target is heroes only ("restore 2 resolve to your warden").
   */
  private healed(t: Target): string {
    const life = this.ruleset.vocabulary.life;
    const choose =
      typeof t !== 'string'
        ? t.from
        : t.startsWith('$')
          ? this.bindings.get(t.slice(1))?.choose
          : t;
    if (!life || !choose || choose.startsWith('$')) return 'health';
    const node = selectorAst(choose);
    const types = ('and' in node ? node.and : [node]).filter((atom) => 'type' in atom);
    return types.length === 1 && (types[0] as { type: string }).type === 'hero' ? life : 'health';
  }

  effect(e: Effect): string {
    const target = (t: Target) => this.target(t);
    switch (e.do) {
      case 'damage':
        return this.withAmount(e.amount, (n) => `deal ${n} damage to ${target(e.to)}`);
      case 'heal':
        return this.withAmount(
          e.amount,
          (n) => `restore ${n} ${this.healed(e.to)} to ${target(e.to)}`,
        );
      case 'draw': {
        const who = this.player(e.player);
        return this.withAmount(
          e.count,
          (n) => `${who.you ? 'draw' : `${who.subject} draws`} ${this.cards(n)}`,
        );
      }
      case 'discard': {
        const who = this.player(e.player);
        const how = e.pick === 'random' ? ' at random' : '';
        return this.withAmount(
          e.count,
          (n) => `${who.you ? 'discard' : `${who.subject} discards`} ${this.cards(n)}${how}`,
        );
      }
      case 'summon': {
        const who = this.player(e.for);
        const name = this.nameOf(e.card);
        const forWhom = who.you ? '' : ` for ${who.subject}`;
        return this.withAmount(
          e.count,
          (n) => `summon ${n === '1' ? article(name) : `${n} ${name}s`}${forWhom}`,
        );
      }
      case 'destroy':
        return `destroy ${target(e.target)}`;
      case 'move': {
        const what = target(e.cards);
        const plural = what.startsWith('all ');
        if (e.to === 'hand')
          return `return ${what} to ${plural ? "their owners' hands" : "its owner's hand"}`;
        if (e.to === 'board') return `put ${what} onto the board`;
        // Cards go to their owner's zone: "your road" when they can only be yours.
        const side = sideOf(e.cards);
        const owner =
          side === 'friendly'
            ? 'your'
            : side === 'enemy'
              ? "your opponent's"
              : plural
                ? "their owners'"
                : "its owner's";
        const zone = `${owner} ${e.to}`;
        // "on top of your deck", not "into the top of": where in the zone, as cards print it.
        if (e.position === 'top') return `put ${what} on top of ${zone}`;
        if (e.position === 'bottom') return `put ${what} at the bottom of ${zone}`;
        return `put ${what} into ${zone}${e.position === 'random' ? ' at random' : ''}`;
      }
      case 'shuffle': {
        const who = this.player(e.player);
        return `shuffle ${who.possessive} ${e.zone}`;
      }
      case 'modify': {
        const sign = e.op === 'add' ? (typeof e.value === 'number' && e.value < 0 ? '' : '+') : '';
        const amount = this.value(e.value);
        const what = e.op === 'add' ? `${sign}${amount} ${e.stat}` : `${e.stat} ${amount}`;
        const verb = e.op === 'add' ? 'give' : 'set';
        const phrase =
          e.op === 'add'
            ? `${verb} ${target(e.target)} ${what}`
            : `set ${target(e.target)} to ${what}`;
        return `${phrase}${DURATION_WORDS[e.duration]}`;
      }
      case 'grant': {
        const names = e.keywords.map((k) => this.ruleset.keywords[k]?.name ?? k).join(' and ');
        return `give ${target(e.target)} ${names}${DURATION_WORDS[e.duration]}`;
      }
      case 'resource': {
        const who = this.player(e.player);
        const pool = this.ruleset.resources.name;
        const verb = e.op === 'spend' ? 'spend' : 'gain';
        const noun = e.op === 'gainMax' ? `maximum ${pool}` : pool;
        const subject = who.you ? verb : `${who.subject} ${verb}s`;
        return this.withAmount(e.amount, (n) => `${subject} ${n} ${noun}`);
      }
      case 'steal': {
        // "up to": from a poorer purse the thief gets only what there was.
        const pool = this.ruleset.resources.name;
        const from = this.player(e.from).subject;
        return this.withAmount(e.amount, (n) => `steal up to ${n} ${pool} from ${from}`);
      }
      case 'counter':
        return `counter ${target(e.item)}`;
      case 'reveal':
        return `reveal ${target(e.cards)}${e.to === 'all' ? '' : e.to === '$opponent' ? ' to your opponent' : ' to you'}`;
      case 'choose': {
        const chooser = e.chooser === '$opponent' ? 'your opponent chooses' : 'choose';
        return `${chooser} one: ${e.options.map((o) => `${o.label} (${this.effects(o.effects)})`).join('; or ')}`;
      }
      case 'may':
        return `${e.chooser === '$opponent' ? 'your opponent may' : 'you may'} ${this.effects(e.effects)}`;
      case 'if': {
        // In reading order, so the first mention of a binding names it and later ones say "it".
        const condition = this.condition(e.cond);
        const then = this.effects(e.then);
        const otherwise = e.else?.length ? `; otherwise, ${this.effects(e.else)}` : '';
        return `if ${condition}, ${then}${otherwise}`;
      }
      case 'chooseTargets':
        this.bindings.set(e.id, { choose: e.from, count: e.count });
        this.mentioned.add(e.id);
        return `${e.chooser === '$opponent' ? 'your opponent chooses' : 'choose'} ${this.noun(selectorAst(e.from), { count: e.count ?? 1, definite: false })}`;
      case 'repeat':
        return `${this.effects(e.effects)}; do this ${this.value(e.times)} times`;
      case 'forEach': {
        this.bindings.set(e.as, { choose: e.in, count: 1 });
        this.mentioned.add(e.as);
        return `for each ${this.noun(selectorAst(e.in), { count: 1, definite: false, bare: true })}, ${this.effects(e.effects)}`;
      }
      case 'lua':
        return 'run a script';
      case 'flip':
        return this.flip(e);
      case 'attackDamage':
        return this.withAmount(
          e.amount,
          (n) => `deal ${n} damage to the defending ${this.ruleset.vocabulary.unit}`,
        );
      case 'condition': {
        const who = target(e.target);
        const name = (id: string) =>
          (this.ruleset.battler?.conditions[id]?.name ?? id).toLowerCase();
        const parts: string[] = [];
        if (e.remove)
          parts.push(
            e.remove === 'all'
              ? `remove all special conditions from ${who}`
              : `${who} is no longer ${name(e.remove)}`,
          );
        if (e.add) parts.push(`${parts.length ? 'it' : who} is now ${name(e.add)}`);
        return parts.join(', then ');
      }
      case 'discardEnergy': {
        const type = e.energyType ? `${e.energyType} ` : '';
        return this.withAmount(
          e.count,
          (n) =>
            `discard ${n === '1' ? `a ${type}energy` : `${n} ${type}energy`} attached to ${target(e.from)}`,
        );
      }
      case 'devolve':
        return `return the top evolution card of ${target(e.target)} to its owner's hand`;
      case 'switch': {
        const who = this.player(e.player);
        const unit = this.ruleset.vocabulary.unit;
        const chooser =
          e.chooser === undefined
            ? ''
            : e.chooser === '$controller'
              ? ' (you choose)'
              : ' (your opponent chooses)';
        return `switch ${who.possessive} active ${unit} with one of ${who.you ? 'your' : 'their'} benched ${pluralNoun(unit)}${chooser}`;
      }
    }
  }

  private flip(e: Extract<Effect, { do: 'flip' }>): string {
    const heads = e.heads?.length ? this.effects(e.heads) : null;
    const tails = e.tails?.length ? this.effects(e.tails) : null;
    if (e.untilTails)
      return `flip a coin until you get tails${heads ? `; for each heads, ${heads}` : ''}`;
    const coins = e.coins ?? 1;
    if (coins === 1) {
      const branches = [heads && `if heads, ${heads}`, tails && `if tails, ${tails}`].filter(
        Boolean,
      );
      return `flip a coin${branches.length ? `; ${branches.join('; ')}` : ''}`;
    }
    const branches = [
      heads && `for each heads, ${heads}`,
      tails && `for each tails, ${tails}`,
    ].filter(Boolean);
    return `flip ${this.value(coins)} coins${branches.length ? `; ${branches.join('; ')}` : ''}`;
  }

  target(t: Target): string {
    if (typeof t !== 'string') {
      const how =
        t.pick === 'random'
          ? 'random '
          : t.pick.startsWith('highest:')
            ? `highest-${t.pick.slice(8)} `
            : t.pick.startsWith('lowest:')
              ? `lowest-${t.pick.slice(7)} `
              : '';
      const base = this.noun(selectorAst(t.from), { count: t.count, definite: false, bare: true });
      if (t.pick === 'first') {
        // A deck's first card is its top one (matches list a deck from the top).
        const deck = atomsOf(t.from).some((a) => 'zone' in a && a.zone === 'deck');
        const [word, what] = deck
          ? ['top', base.replace(/ in (\S+ )?deck$/, ' of $1deck')]
          : ['first', base];
        return t.count === 1 ? `the ${word} ${what}` : `the ${word} ${t.count} ${what}`;
      }
      if (t.pick === 'chosen') return t.count === 1 ? article(base) : `${t.count} ${base}`;
      return t.count === 1
        ? `${/^(highest|lowest)/.test(how) ? 'the' : 'a'} ${how}${base}`
        : `${t.count} ${how}${base}`;
    }
    const node = selectorAst(t);
    if ('ref' in node) return this.ref(node.ref);
    return this.noun(node, { count: 'all', definite: true });
  }

  /** `$self` is "this"; a binding is named by its selector once, then "it"; event objects by role. */
  ref(ref: string): string {
    if (ref === 'self') return 'this';
    if (ref === 'defender') return `the defending ${this.ruleset.vocabulary.unit}`;
    if (ref === 'event.subject') return `that ${this.ruleset.vocabulary.unit}`;
    if (ref === 'event.source')
      return this.triggerOn === 'attacked' ? 'the attacker' : 'the source';
    const spec = this.bindings.get(ref);
    if (!spec) return 'it';
    if (this.mentioned.has(ref)) return (spec.count ?? 1) > 1 ? 'them' : 'it';
    this.mentioned.add(ref);
    return this.noun(selectorAst(spec.choose), { count: spec.count ?? 1, definite: false });
  }

  /**
   * A noun phrase for a selector: "an enemy unit", "all friendly units", "your hero". Shapes it
   * cannot phrase fall back to the selector itself in quotes.
   */
  noun(
    node: SelectorNode,
    how: { count: number | 'all'; definite: boolean; bare?: boolean },
  ): string {
    const many = how.count === 'all' || how.count > 1;
    const alternatives = 'or' in node ? node.or : [node];
    if ('or' in node) {
      const shared = alternatives.map((alt) => this.describe(alt));
      if (shared.every((d) => d !== null)) {
        const nouns = shared.map((d) => d!.nouns.join(' ')).join(' or ');
        const adjectives = [...new Set(shared.flatMap((d) => d!.adjectives))].join(' ');
        return this.finish(`${adjectives ? `${adjectives} ` : ''}${nouns}`, '', how, many);
      }
    }
    const described = this.describe(node);
    if (!described) return `each "${JSON.stringify(node)}"`;
    if (described.self) return 'this';
    const { adjectives, nouns, suffixes } = described;
    const noun = nouns.length ? nouns.join(' or ') : 'card';
    const hero = nouns.length === 1 && nouns[0] === this.ruleset.vocabulary.hero;
    const head = [...adjectives, many && !hero ? pluralNoun(noun) : noun].join(' ');
    return this.finish(head, suffixes.length ? ` ${suffixes.join(' and ')}` : '', how, many);
  }

  private finish(
    head: string,
    tail: string,
    how: { count: number | 'all'; bare?: boolean },
    many: boolean,
  ): string {
    if (how.bare) return `${head}${tail}`;
    if (head.startsWith('your ') || head.startsWith("your opponent's ")) return `${head}${tail}`;
    if (how.count === 'all') return `${many ? 'all ' : ''}${head}${tail}`;
    if (how.count > 1) return `${how.count} ${head}${tail}`;
    return `${article(head)}${tail}`;
  }

  private describe(
    node: SelectorNode,
  ): { adjectives: string[]; nouns: string[]; suffixes: string[]; self: boolean } | null {
    const atoms = 'and' in node ? node.and : [node];
    const adjectives: string[] = [];
    const nouns: string[] = [];
    const suffixes: string[] = [];
    let self = false;
    const vocabulary = this.ruleset.vocabulary;
    for (const atom of atoms) {
      if ('side' in atom) adjectives.unshift(atom.side === 'friendly' ? 'friendly' : 'enemy');
      else if ('state' in atom)
        adjectives.push(atom.state === 'enteredThisTurn' ? 'new' : atom.state);
      else if ('tag' in atom) adjectives.push(atom.tag);
      else if ('element' in atom) adjectives.push(atom.element);
      else if ('type' in atom) nouns.push(this.typeNoun(atom.type));
      else if ('or' in atom && atom.or.every((alt) => 'type' in alt))
        nouns.push(
          atom.or.map((alt) => this.typeNoun((alt as { type: string }).type)).join(' or '),
        );
      else if ('has' in atom)
        suffixes.push(`with ${this.ruleset.keywords[atom.has]?.name ?? atom.has}`);
      else if ('cmp' in atom) suffixes.push(cmpPhrase(atom.cmp));
      else if ('zone' in atom)
        suffixes.push(
          atom.zone === 'board'
            ? 'on the board'
            : atom.zone === 'stack'
              ? 'on the stack'
              : `in ${'@side'} ${atom.zone}`,
        );
      else if ('id' in atom) nouns.push(`card named ${this.nameOf(atom.id)}`);
      else if ('not' in atom && 'ref' in atom.not && atom.not.ref === 'self')
        adjectives.unshift('other');
      else if ('ref' in atom && atom.ref === 'self') self = true;
      else if ('ref' in atom) nouns.push(this.ref(atom.ref));
      else return null;
    }
    // A zone of one side reads as a possessive: "a card in your opponent's hand".
    const sideIndex = adjectives.findIndex((a) => a === 'friendly' || a === 'enemy');
    const zoneIndex = suffixes.findIndex((x) => x.includes('@side'));
    if (zoneIndex >= 0) {
      const owner =
        sideIndex < 0 ? 'a' : adjectives[sideIndex] === 'friendly' ? 'your' : "your opponent's";
      suffixes[zoneIndex] = suffixes[zoneIndex]!.replace('@side', owner);
      if (sideIndex >= 0) adjectives.splice(sideIndex, 1);
    }
    if (nouns.includes(vocabulary.hero) && nouns.length === 1) {
      const side =
        adjectives.indexOf('friendly') >= 0
          ? 'your'
          : adjectives.indexOf('enemy') >= 0
            ? "your opponent's"
            : null;
      if (side) return { adjectives: [side], nouns, suffixes, self };
    }
    return { adjectives, nouns, suffixes, self };
  }

  private typeNoun(type: string): string {
    const v = this.ruleset.vocabulary;
    if (type === 'unit') return v.unit;
    if (type === 'hero') return v.hero;
    if (type === 'spell') return v.spell;
    return this.ruleset.cardTypes[type]?.name.toLowerCase() ?? type;
  }

  staticText(ability: Extract<Ability, { kind: 'static' }>): string {
    const who = this.noun(selectorAst(ability.affects), { count: 'all', definite: true });
    const parts = [
      ...(ability.modify ?? []).map((m) =>
        m.op === 'add' ? `${m.value >= 0 ? '+' : ''}${m.value} ${m.stat}` : `${m.stat} ${m.value}`,
      ),
      ...(ability.grant ?? []).map((k) => this.ruleset.keywords[k]?.name ?? k),
    ];
    const condition = ability.condition ? `while ${this.condition(ability.condition)}, ` : '';
    return `${condition}${who} ${who === 'this' ? 'has' : 'have'} ${parts.join(' and ')}`;
  }

  condition(c: Condition): string {
    if ('all' in c) return c.all.map((x) => this.condition(x)).join(' and ');
    if ('any' in c) return c.any.map((x) => this.condition(x)).join(' or ');
    if ('not' in c) return `not (${this.condition(c.not)})`;
    if ('exists' in c)
      return `there is ${this.noun(selectorAst(c.exists), { count: 1, definite: false })}`;
    if ('count' in c)
      return `the number of ${this.noun(selectorAst(c.count), { count: 2, definite: false, bare: true })} is ${cmpWords(c.op, this.value(c.value))}`;
    if ('cmp' in c) return `${this.value(c.cmp[0])} is ${cmpWords(c.cmp[1], this.value(c.cmp[2]))}`;
    if ('turn' in c)
      return c.turn === 'friendly' ? 'it is your turn' : "it is your opponent's turn";
    const who = c.whose === 'friendly' ? 'you have' : 'your opponent has';
    const what = {
      cardsPlayedThisTurn: 'played',
      spellsCastThisTurn: 'cast',
      unitsDiedThisTurn: 'lost',
    }[c.history];
    const noun = {
      cardsPlayedThisTurn: 'cards',
      spellsCastThisTurn: 'spells',
      unitsDiedThisTurn: 'units',
    }[c.history];
    return `${who} ${what} ${cmpWords(c.op, this.value(c.value))} ${noun} this turn`;
  }

  value(v: Value): string {
    if (typeof v === 'number') return String(v);
    if ('count' in v)
      return `the number of ${this.noun(selectorAst(v.count), { count: 2, definite: false, bare: true })}`;
    if ('stat' in v) {
      const node = selectorAst(v.stat[0]);
      const of = 'ref' in node ? this.ref(node.ref) : this.noun(node, { count: 1, definite: true });
      return `the ${v.stat[1]} of ${of}`;
    }
    if ('life' in v) return `${this.player(v.life).possessive} life`;
    if ('resource' in v)
      return `${this.player(v.resource).possessive} ${this.ruleset.resources.name}`;
    if ('handSize' in v) return `the number of cards in ${this.player(v.handSize).possessive} hand`;
    if ('deckSize' in v) return `the number of cards in ${this.player(v.deckSize).possessive} deck`;
    if ('event' in v) return 'the amount';
    if ('turnNumber' in v) return 'the turn number';
    if ('heads' in v) return 'the number of heads';
    if ('zoneSize' in v)
      return `the number of cards in ${this.player(v.zoneSize[0]).possessive} ${v.zoneSize[1]}`;
    if ('energy' in v) {
      const node = selectorAst(v.energy[0]);
      const of = 'ref' in node ? this.ref(node.ref) : this.noun(node, { count: 1, definite: true });
      return `the number of ${v.energy[1] ? `${v.energy[1]} ` : ''}energy attached to ${of}`;
    }
    if ('add' in v) return v.add.map((x) => this.value(x)).join(' plus ');
    if ('sub' in v) return `${this.value(v.sub[0])} minus ${this.value(v.sub[1])}`;
    if ('mul' in v) return v.mul.map((x) => this.value(x)).join(' times ');
    if ('div' in v)
      return `${this.value(v.div[0])} divided by ${this.value(v.div[1])} (rounded down)`;
    if ('min' in v) return `the least of ${v.min.map((x) => this.value(x)).join(', ')}`;
    if ('max' in v) return `the greatest of ${v.max.map((x) => this.value(x)).join(', ')}`;
    return '';
  }

  /** Integer amounts inline; computed ones as "X ..., where X is ...". */
  withAmount(v: Value, phrase: (amount: string) => string): string {
    if (typeof v === 'number') return phrase(String(v));
    return `${phrase('X')}, where X is ${this.value(v)}`;
  }

  cards(n: string): string {
    return n === '1' ? 'a card' : `${n} cards`;
  }
}

function cmpPhrase([stat, op, n]: [string, string, number]): string {
  return `with ${cmpWords(op, String(n))} ${stat}`;
}

function cmpWords(op: string, amount: string): string {
  if (op === '>=' || op === '<=') return `${amount} ${OP_WORDS[op]}`;
  return `${OP_WORDS[op]} ${amount}`;
}

/** The atoms a target's selector requires of every match (all of them, for an `and`). */
function atomsOf(selector: string): SelectorNode[] {
  const node = selectorAst(selector);
  return 'and' in node ? node.and : [node];
}

/** Whose every card a target names is (`friendly`: the ability's controller's), if one side's. */
function sideOf(t: Target): 'friendly' | 'enemy' | null {
  for (const atom of atomsOf(typeof t === 'string' ? t : t.from))
    if ('side' in atom) return atom.side;
  return null;
}

type ModifyEffect = Extract<Effect, { do: 'modify' }>;

/**
 * An attack change followed by a health change of the same target, both added, by numbers,
 * for as long: the pair a card prints as "+1/+1". Null for anything else.
 */
function statPair(first: Effect, second: Effect | undefined): [ModifyEffect, ModifyEffect] | null {
  if (first.do !== 'modify' || second?.do !== 'modify') return null;
  const same =
    first.stat === 'attack' &&
    second.stat === 'health' &&
    first.op === 'add' &&
    second.op === 'add' &&
    typeof first.value === 'number' &&
    typeof second.value === 'number' &&
    first.duration === second.duration &&
    typeof first.target === 'string' &&
    first.target === second.target;
  return same ? [first, second] : null;
}
