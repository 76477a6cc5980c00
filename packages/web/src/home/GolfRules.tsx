/** How Golf is played, folded away while Golf is the chosen game. */
export function GolfRules() {
  return (
    <section className="panel" aria-labelledby="rules-title">
      <details>
        <summary>
          <h2 id="rules-title">How to play</h2>
        </summary>
        <ul className="rule-list">
          <li>
            Everyone has six cards face down in two rows of three. Turn two of yours up to start.
          </li>
          <li>
            On your turn, draw from the deck or take the top discard, then swap it into any of your
            six places (the old card goes to the discard pile), or discard a drawn card.
          </li>
          <li>
            Cards score their face value: A = 1, 2 = −2, J and Q = 10, K = 0. Two cards of the same
            rank in a column score 0.
          </li>
          <li>
            When someone has all six cards face up, everyone else gets one last turn. Lowest score
            wins the hole; lowest total wins the game.
          </li>
        </ul>
      </details>
    </section>
  );
}
