/**
 * "Dog-eared", a custom keyword whose abilities are Lua (at the end of your turn, draw a card;
 * when this dies, a grain falls from the page), added to the hourglass package
 * (test/packages/hourglass) and printed on a savant without Lua of its own (the sand golem,
 * which has a token) and on one with (the oracle). Its `tear` tries to summon the golem's token
 * by its short name, which only the card's own abilities may do (the name is built at run time,
 * so the lint lets it through and the run refuses it).
 *
 * `read` gives the text of one of the package's files; the answer maps each file it changes or
 * adds to its new text. With `printed` false the keyword is on no card (a match may grant it). The engine's ability tests (a package in memory) and the CLI's
 * `lua run --content` tests (a folder) both use it.
 */
export function withDogEared(
  read: (path: string) => string,
  printed = true,
): Record<string, string> {
  const ruleset = JSON.parse(read('ruleset.json')) as { keywords: Record<string, unknown> };
  ruleset.keywords.dogeared = {
    name: 'Dog-eared',
    reminder: 'At the end of your turn, draw a card.',
    abilities: [
      {
        id: 'fold',
        kind: 'triggered',
        trigger: { on: 'turnEnd' },
        lua: { module: 'dogear', entry: 'fold' },
        text: 'At the end of your turn, draw a card.',
      },
      {
        id: 'tear',
        kind: 'triggered',
        trigger: { on: 'died' },
        lua: { module: 'dogear', entry: 'tear' },
        text: 'When this dies, a grain falls from the page.',
      },
    ],
  };
  const cards = JSON.parse(read('cards.json')) as { cards: { id: string; keywords?: string[] }[] };
  for (const card of cards.cards)
    if (printed && ['hourglass/sand-golem', 'hourglass/hourglass-oracle'].includes(card.id))
      card.keywords = [...(card.keywords ?? []), 'dogeared'];
  return {
    'ruleset.json': JSON.stringify(ruleset),
    'cards.json': JSON.stringify(cards),
    'lua/dogear.lua':
      'function fold()\n  draw(state.friendly.hero, 1)\nend\n' +
      "function tear()\n  summon(state.friendly.hero, '#' .. 'grain', 1)\nend\n",
  };
}
