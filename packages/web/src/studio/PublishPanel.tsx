import { useEffect, useState } from 'react';
import type { GameSummary, VersionSummary } from '@cardtable/sdk';
import { defaultTcgSetup, tcgMatchRequest } from '../home/tcg-setup.ts';
import { CopyField } from '../live/CopyField.tsx';
import { playerName } from '../net/session.ts';
import { placeOf } from './diagnostics.ts';
import { useOpenMatch } from './PlaytestControls.tsx';
import { readDocument, RULESET, writeDocument } from './draft-files.ts';
import { setIn } from './json-edit.ts';
import { diffCards, nextVersion, versionNameProblem, type CardsDiff } from './publish-diff.ts';
import { withApi } from './studio-api.ts';
import { VersionsPanel } from './VersionsPanel.tsx';
import type { DraftSession } from './useDraft.ts';
import { counted } from '../ui/counted.ts';
import { StudioError } from './StudioError.tsx';

type AnyCard = { id: string } & Record<string, unknown>;

/** Publish: validation must pass; what changed since the last version; the version's name; share. */
export function PublishPanel({ draft, slug }: { draft: DraftSession; slug: string }) {
  const openMatch = useOpenMatch();
  const files = draft.files!;
  const report = draft.report;
  const ruleset = readDocument<{ version?: string }>(files, RULESET);
  const [previous, setPrevious] = useState<
    { version: number; cards: AnyCard[]; name: string } | null | undefined
  >(undefined);
  const [versionName, setVersionName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [published, setPublished] = useState<{
    version: VersionSummary;
    game: GameSummary;
    name: string;
  } | null>(null);

  useEffect(() => {
    void withApi((api) => api.getGame(slug)).then(async (game) => {
      if (!game.ok) return setError(game.error.message);
      const latest = game.value.game.latestVersion;
      if (latest === null) return setPrevious(null);
      const version = await withApi((api) => api.getVersion(slug, latest));
      if (!version.ok) return setError(version.error.message);
      const name = (version.value.content.ruleset as { version?: string }).version ?? '';
      setPrevious({ version: latest, cards: version.value.content.cards as AnyCard[], name });
    });
  }, [slug, published]);

  const currentName = ruleset?.version ?? '1.0.0';
  const suggested =
    previous && previous.name === currentName ? nextVersion(currentName) : currentName;
  const name = versionName ?? suggested;
  const nameProblem = versionNameProblem(name);
  const diff: CardsDiff | null =
    report?.ok && previous !== undefined
      ? diffCards(previous?.cards ?? [], report.cards as AnyCard[])
      : null;

  const publish = async () => {
    setBusy(true);
    setError(null);
    const named =
      ruleset && name !== ruleset.version
        ? writeDocument(files, RULESET, setIn(ruleset, ['version'], name))
        : files;
    if (named !== files) draft.change(named);
    const saved = await draft.flush(named);
    if (!saved) {
      setBusy(false);
      return setError('The draft could not be saved; publishing needs the saved draft.');
    }
    const result = await withApi((api) => api.publish(slug));
    const game = await withApi((api) => api.getGame(slug));
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    if (game.ok) setPublished({ version: result.value.version, game: game.value.game, name });
    setVersionName(null);
  };

  const playCpu = async () => {
    if (!published) return;
    const request = tcgMatchRequest(published.game, defaultTcgSetup(published.game), playerName());
    setError(await openMatch(request));
  };

  const shareLink = `${window.location.origin}/?game=${encodeURIComponent(slug)}`;
  return (
    <section className="studio-panel" aria-labelledby="publish-title">
      <div className="studio-panel-head">
        <h2 id="publish-title">Publish</h2>
      </div>
      <p className="studio-help">
        A published version never changes: matches keep the version they started with. Publish again
        for the next version.
      </p>
      <h3>Validation</h3>
      {!report ? (
        <p>Checking…</p>
      ) : report.ok ? (
        <p className="studio-ok" data-testid="publish-valid">
          The game is valid
          {report.warnings.length ? ` (${counted(report.warnings.length, 'warning')} below)` : ''}.
        </p>
      ) : (
        <ul className="studio-field-errors" data-testid="publish-errors">
          {report.errors.map((d, i) => (
            <li key={i}>{`${placeOf(d)}: ${d.message}`}</li>
          ))}
        </ul>
      )}
      {report?.warnings.length ? (
        <ul className="studio-diagnostics">
          {report.warnings.map((d, i) => (
            <li key={i} className="studio-warn">{`${placeOf(d)}: ${d.message}`}</li>
          ))}
        </ul>
      ) : null}
      <h3>Changes since the last version</h3>
      {previous === undefined ? (
        <p>Loading…</p>
      ) : previous === null ? (
        <p>This will be the first version.</p>
      ) : diff ? (
        <div data-testid="publish-diff">
          <p>
            Since version {previous.version} ({previous.name}):
          </p>
          <ul>
            <li>Added: {diff.added.length ? diff.added.map((c) => c.name).join(', ') : 'none'}</li>
            <li>
              Removed: {diff.removed.length ? diff.removed.map((c) => c.name).join(', ') : 'none'}
            </li>
            <li>
              Changed:{' '}
              {diff.changed.length
                ? diff.changed.map((c) => `${c.name} (${c.fields.join(', ')})`).join('; ')
                : 'none'}
            </li>
          </ul>
        </div>
      ) : (
        <p>Shown once the draft is valid.</p>
      )}
      <div className="studio-inline">
        <label>
          Version name
          <input
            value={name}
            onChange={(e) => setVersionName(e.target.value)}
            pattern="\d+\.\d+\.\d+"
            aria-invalid={nameProblem !== null}
            aria-describedby={nameProblem ? 'version-problem version-help' : 'version-help'}
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={!report?.ok || busy || nameProblem !== null}
          onClick={() => void publish()}
        >
          {busy ? 'Publishing…' : 'Publish'}
        </button>
      </div>
      {nameProblem ? (
        <p id="version-problem" className="studio-field-errors" role="alert">
          {nameProblem}
        </p>
      ) : null}
      <p id="version-help" className="studio-help">
        Like 1.0.0: written into the ruleset’s version. The server numbers versions 1, 2, 3…
      </p>
      <StudioError error={error} />
      {published ? (
        <div className="studio-card" role="status" data-testid="published">
          <p>
            Published version {published.version.version} ({published.name}).
          </p>
          <CopyField label="Share link" value={shareLink} testId="share-link" />
          <p className="studio-help">
            Anyone who opens it lands on your game, ready to set up a match against a friend or the
            CPU.
          </p>
          <div className="studio-actions">
            <button type="button" className="primary" onClick={() => void playCpu()}>
              Play it against the CPU
            </button>
          </div>
        </div>
      ) : null}
      <VersionsPanel slug={slug} refresh={published} />
    </section>
  );
}
