import { useLocation, useNavigate } from 'react-router';

/** The history state of a game's first page, just made from My games. */
export interface NewGameState {
  created: true;
}

const isNewGame = (state: unknown): state is NewGameState =>
  typeof state === 'object' && state !== null && (state as NewGameState).created === true;

/**
 * A game just made (from the starter game, a copy or a zip) plays already: its first page says
 * what to do next, above its cards: edit a card, playtest, publish. Hidden for good once hidden
 * or left (it lives in that page's history entry, not in the draft).
 */
export function NextSteps({ name }: { name: string }) {
  const location = useLocation();
  const navigate = useNavigate();
  if (!isNewGame(location.state)) return null;
  const hide = () => void navigate(location.pathname, { replace: true, state: null });
  return (
    <section
      className="studio-card studio-next-steps"
      aria-labelledby="next-steps-title"
      data-testid="next-steps"
    >
      <h2 id="next-steps-title">{name} is made, and plays already</h2>
      <ol>
        <li>
          <strong>Edit a card</strong>: choose one in the list below and change its name, cost,
          numbers or abilities; its face shows the change as you type, and the draft saves itself.
        </li>
        <li>
          <strong>Playtest</strong> (at the top) plays the draft as it is now against a CPU, or a
          friend you invite.
        </li>
        <li>
          <strong>Publish</strong> it from the Publish tab when it is ready: everyone can then find
          it and play it. Its rules (life, resources, turns) are in the Ruleset tab.
        </li>
      </ol>
      <button type="button" onClick={hide}>
        Hide these steps
      </button>
    </section>
  );
}
