import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ApiError, GameSummary } from '@cardtable/sdk';
import { SLUG_PATTERN, type Diagnostic } from '@cardtable/sdk/content';
import { placeOf } from './diagnostics.ts';
import { blankGame, starterGame } from './blank-game.ts';
import { slugWords, toSaveFiles } from './draft-files.ts';
import { withApi } from './studio-api.ts';
import { StudioError } from './StudioError.tsx';
import type { NewGameState } from './NextSteps.tsx';

/** My games: the creator's games (drafts and published), create, rename, delete. */
export function MyGames() {
  const navigate = useNavigate();
  const [mine, setMine] = useState<GameSummary[] | null>(null);
  const [published, setPublished] = useState<GameSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);

  useEffect(() => {
    void withApi((api) => api.myGames()).then((result) =>
      result.ok ? setMine(result.value.games) : setError(result.error.message),
    );
    void withApi((api) => api.listGames()).then(
      (result) =>
        result.ok &&
        setPublished(result.value.games.filter((g) => !g.builtIn && g.latestVersion !== null)),
    );
  }, [refresh]);

  return (
    <main className="studio-page" aria-labelledby="studio-title">
      <header className="studio-top">
        <h1 id="studio-title">Creator studio</h1>
        <nav aria-label="Site">
          <Link to="/">Home</Link>
        </nav>
      </header>
      <p className="studio-lead">
        Make a card game in the browser: its rules, cards, abilities and decks, tested against CPU
        players, then published for everyone to play. Drafts save as you type.
      </p>
      <StudioError error={error} />
      <NewGameForm
        published={published}
        onCreated={(slug, from) =>
          // A blank ruleset is filled in first; any other game already plays, so it opens on
          // its cards with the next steps (edit a card, playtest, publish) above them.
          void navigate(
            from === '' ? `/studio/${slug}/ruleset` : `/studio/${slug}/cards`,
            from === '' ? undefined : { state: { created: true } satisfies NewGameState },
          )
        }
      />
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">My games</h2>
        {mine === null ? (
          <p>Loading…</p>
        ) : mine.length === 0 ? (
          <p>No games yet: start one above.</p>
        ) : (
          <ul className="studio-games">
            {mine.map((game) => (
              <GameRow key={game.slug} game={game} onChanged={() => setRefresh((n) => n + 1)} />
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

/** "Start from" a zipped folder, or the starter game (no slug has a colon). */
const FROM_ZIP = ':zip';
const FROM_STARTER = ':starter';

/**
 * What each "Start from" choice makes, said under the list (an option's words stay short). A
 * copy names its game in full: the list cannot wrap a long name, and on a phone it was cut
 * ("A copy of The Extraordinarily Long Ti").
 */
const startHelp = (from: string, published: readonly GameSummary[]): string => {
  if (from === FROM_STARTER)
    return 'Seven cards and two decks, as cardtable content init writes them: valid and playable at once, to change into your game.';
  if (from === '') return 'An empty ruleset to fill in: it has no cards or decks to playtest yet.';
  if (from === FROM_ZIP)
    return 'A game folder, zipped as Download .zip and cardtable content pack make it.';
  const game = published.find((g) => g.slug === from);
  return game
    ? `A copy of ${game.name}, version ${game.latestVersion}: its rules, cards, abilities and decks.`
    : "The published game's latest version: its rules, cards, abilities and decks.";
};

/** A file's bytes in base64, as the content API takes archives and images. */
function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** Made, or refused: `slug` when the refusal is of the address name (`details.field`). */
type Made = { ok: true } | { ok: false; message: string; slug: boolean };
const refused = (error: ApiError): Made => ({
  ok: false,
  message: error.message,
  slug: error.details?.field === 'slug',
});

function NewGameForm({
  published,
  onCreated,
}: {
  published: GameSummary[];
  /** Made: its slug, and what it was started from (`from` below). */
  onCreated(slug: string, from: string): void;
}) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  /**
   * A published game's slug to copy, '' for a blank ruleset, FROM_STARTER or FROM_ZIP. A new
   * creator starts from the starter game: it validates and playtests at once (a blank ruleset
   * opened with errors and nothing to play).
   */
  const [from, setFrom] = useState(FROM_STARTER);
  const [archive, setArchive] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A refusal of the address name (taken, a built-in game's) is said at its field, not the button.
  // Kept with the slug it refused: another address name is not refused yet.
  const [slugRefusal, setSlugRefusal] = useState<{ slug: string; message: string } | null>(null);
  const slugInput = useRef<HTMLInputElement>(null);
  // A game's address name follows its name (never a card's `card` fallback) until edited.
  const shownSlug = slugTouched ? slug : slugWords(name);
  const slugOk = new RegExp(SLUG_PATTERN).test(shownSlug);
  const slugError = slugRefusal?.slug === shownSlug ? slugRefusal.message : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !slugOk || (from === FROM_ZIP && !archive)) return;
    setBusy(true);
    setError(null);
    setSlugRefusal(null);
    const made = await (from === FROM_ZIP ? importZip(archive!) : create());
    setBusy(false);
    if (made.ok) return onCreated(shownSlug, from);
    if (!made.slug) return setError(made.message);
    setSlugRefusal({ slug: shownSlug, message: made.message });
    slugInput.current?.focus();
  };
  /** A blank game, the starter game or a copy of a published one. */
  const create = async (): Promise<Made> => {
    const copied = from !== '' && from !== FROM_STARTER;
    const created = await withApi((api) =>
      api.createGame({
        slug: shownSlug,
        name: name.trim(),
        ...(copied ? { from: { slug: from } } : {}),
      }),
    );
    if (!created.ok) return refused(created.error);
    if (copied) return { ok: true };
    const files = (from === FROM_STARTER ? starterGame : blankGame)(shownSlug, name.trim());
    const saved = await withApi((api) =>
      api.saveDraft(shownSlug, { files: toSaveFiles(files), revision: 0 }),
    );
    return saved.ok ? { ok: true } : refused(saved.error);
  };
  /** A game whose draft is the zipped folder: refused whole, with each problem, when it breaks a limit. */
  const importZip = async (file: File): Promise<Made> => {
    const base64 = await base64Of(file);
    const imported = await withApi((api) =>
      api.importGame({ slug: shownSlug, name: name.trim(), archive: { base64 } }),
    );
    if (imported.ok) return { ok: true };
    const problems = (imported.error.details?.errors as Diagnostic[] | undefined) ?? [];
    if (problems.length === 0) return refused(imported.error);
    const each = problems.map((d) => [placeOf(d), d.message].filter(Boolean).join(': '));
    return {
      ok: false,
      message: `The zip is refused, nothing was made: ${each.join('; ')}.`,
      slug: false,
    };
  };

  return (
    <form
      className="studio-card studio-new"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="new-title"
    >
      <h2 id="new-title">New game</h2>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required />
      </label>
      <label>
        Address name (slug)
        <input
          value={shownSlug}
          onChange={(e) => {
            setSlugTouched(true);
            setSlug(e.target.value);
          }}
          ref={slugInput}
          aria-invalid={(shownSlug !== '' && !slugOk) || slugError !== null}
          aria-describedby={slugError ? 'slug-error slug-help' : 'slug-help'}
        />
      </label>
      {slugError ? (
        <p id="slug-error" role="alert" className="studio-error" data-testid="slug-error">
          {slugError}
        </p>
      ) : null}
      <p id="slug-help" className="studio-help">
        Lowercase letters, digits and dashes, 3 to 40: the game&apos;s name in links.
      </p>
      <label>
        Start from
        {/* An option's words are short enough for a phone's width (a select cannot wrap
            them: the starter's read "…two de"); what the choice makes is said under it. */}
        <select
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          aria-describedby="start-help"
        >
          <option value={FROM_STARTER}>A starter game, ready to playtest</option>
          <option value="">A blank ruleset</option>
          {published.map((game) => (
            <option key={game.slug} value={game.slug}>
              A copy of {game.name} (version {game.latestVersion})
            </option>
          ))}
          <option value={FROM_ZIP}>A game folder, zipped (.zip)</option>
        </select>
      </label>
      <p id="start-help" className="studio-help" data-testid="start-help">
        {startHelp(from, published)}
      </p>
      {from === FROM_ZIP ? (
        <label>
          Zipped game folder
          <input
            type="file"
            accept=".zip,application/zip"
            onChange={(e) => setArchive(e.target.files?.[0] ?? null)}
          />
        </label>
      ) : null}
      <StudioError error={error} />
      <div className="studio-actions">
        <button
          type="submit"
          className="primary"
          disabled={busy || !name.trim() || !slugOk || (from === FROM_ZIP && !archive)}
        >
          Create game
        </button>
        {/* Making a game takes a moment (a zip is checked whole): said while it lasts. */}
        <span role="status" className="studio-help" data-testid="create-progress">
          {busy ? `Creating ${name.trim()}…` : ''}
        </span>
      </div>
    </form>
  );
}

function GameRow({ game, onChanged }: { game: GameSummary; onChanged(): void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(game.name);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const result = await withApi((api) => api.updateGame(game.slug, { name }));
    if (!result.ok) return setError(result.error.message);
    setRenaming(false);
    onChanged();
  };
  const remove = async () => {
    const result = await withApi((api) => api.deleteGame(game.slug));
    if (!result.ok) return setError(result.error.message);
    onChanged();
  };
  return (
    <li className="studio-card studio-game">
      {renaming ? (
        <form onSubmit={(e) => void rename(e)} className="studio-inline">
          <label>
            New name for {game.name}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={80}
              autoFocus
            />
          </label>
          <button type="submit">Save name</button>
          <button type="button" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <h3>
          <Link to={`/studio/${game.slug}/cards`}>{game.name}</Link>
        </h3>
      )}
      <p className="studio-help">
        {game.latestVersion === null
          ? 'Draft, never published'
          : `Published: version ${game.latestVersion}, played ${game.playCount} times`}
      </p>
      <div className="studio-actions">
        <Link className="button" to={`/studio/${game.slug}/cards`}>
          Edit
        </Link>
        <button type="button" onClick={() => setRenaming(true)}>
          Rename
        </button>
        {game.latestVersion === null ? (
          confirming ? (
            <>
              <button type="button" className="danger" onClick={() => void remove()}>
                Delete {game.name} for good
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Delete
            </button>
          )
        ) : null}
      </div>
      <StudioError error={error} />
    </li>
  );
}
