import { lazy, Suspense, useEffect, useState, type KeyboardEvent } from 'react';
import { Link, NavLink, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { BalanceLab } from './BalanceLab.tsx';
import { CardsEditor } from './CardsEditor.tsx';
import { DeckBuilder } from './DeckBuilder.tsx';
import { NextSteps } from './NextSteps.tsx';
import { PlaytestControls } from './PlaytestControls.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { RulesetEditor } from './RulesetEditor.tsx';
import { placeOf, STUDIO_TABS, tabOf, validationWords } from './diagnostics.ts';
import { withApi } from './studio-api.ts';
import { useDraft, type DraftSession, type SaveState } from './useDraft.ts';

// CodeMirror comes with the Lua tab only.
const LuaEditor = lazy(() => import('./LuaEditor.tsx').then((m) => ({ default: m.LuaEditor })));

/** One game's draft: a tab per editor, one undo history, autosave, live validation. */
export function Workspace() {
  const { slug = '' } = useParams();
  const draft = useDraft(slug);
  useEffect(() => {
    if (draft.game) document.title = `${draft.game.name} · Studio · Cardtable`;
  }, [draft.game]);
  if (draft.loadError)
    return (
      <main className="studio-page">
        <p role="alert" className="studio-error">
          {draft.loadError}
        </p>
        <Link to="/studio">Back to my games</Link>
      </main>
    );
  if (!draft.files || !draft.game) return <p className="notice">Loading the draft…</p>;

  const onKeyDown = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      draft.undo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      draft.redo();
    }
  };

  return (
    <main className="studio-page studio-workspace" onKeyDown={onKeyDown}>
      <header className="studio-top">
        <div>
          <p className="studio-crumbs">
            <Link to="/studio">My games</Link> /
          </p>
          <h1>{draft.game.name}</h1>
        </div>
        <div className="studio-status">
          <SaveBadge save={draft.save} />
          <ValidationBadge draft={draft} slug={slug} />
          <PlaytestControls draft={draft} />
          <DownloadZip slug={slug} saved={draft.save.kind === 'saved'} />
          <button
            type="button"
            onClick={draft.undo}
            disabled={!draft.canUndo}
            aria-keyshortcuts="Control+Z"
          >
            Undo
          </button>
          <button
            type="button"
            onClick={draft.redo}
            disabled={!draft.canRedo}
            aria-keyshortcuts="Control+Shift+Z Control+Y"
          >
            Redo
          </button>
        </div>
      </header>
      {draft.save.kind === 'conflict' ? (
        <p role="alert" className="studio-error">
          {draft.save.message}{' '}
          <button type="button" onClick={draft.reload}>
            Reload the draft
          </button>
        </p>
      ) : null}
      <nav className="studio-tabs" aria-label="Editors">
        {STUDIO_TABS.map(([path, label]) => (
          <NavLink key={path} to={`/studio/${slug}/${path}`}>
            {label}
          </NavLink>
        ))}
      </nav>
      <NextSteps name={draft.game.name} />
      <Suspense fallback={<p className="notice">Loading…</p>}>
        <Routes>
          <Route index element={<Navigate to="cards" replace />} />
          <Route path="ruleset" element={<RulesetEditor draft={draft} />} />
          <Route path="cards" element={<CardsEditor draft={draft} slug={slug} />} />
          <Route path="lua" element={<LuaEditor draft={draft} />} />
          <Route path="decks" element={<DeckBuilder draft={draft} />} />
          <Route path="balance" element={<BalanceLab draft={draft} />} />
          <Route path="publish" element={<PublishPanel draft={draft} slug={slug} />} />
        </Routes>
      </Suspense>
    </main>
  );
}

/**
 * The draft as the server has it, zipped: a folder `cardtable content validate` accepts and My
 * games imports. Offered once every change is saved, so the file is what the creator sees.
 */
function DownloadZip({ slug, saved }: { slug: string; saved: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    const archive = await withApi((api) => api.draftArchive(slug));
    if (!archive.ok) return setError(archive.error.message);
    const url = URL.createObjectURL(new Blob([archive.value], { type: 'application/zip' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${slug}.zip`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <button
        type="button"
        onClick={() => void download()}
        disabled={!saved}
        title={saved ? 'The game as a folder, zipped' : 'Available once every change is saved'}
      >
        Download .zip
      </button>
      {error ? (
        <span role="alert" className="studio-error">
          {error}
        </span>
      ) : null}
    </>
  );
}

function SaveBadge({ save }: { save: SaveState }) {
  const text =
    save.kind === 'saved'
      ? 'All changes saved'
      : save.kind === 'saving'
        ? 'Saving…'
        : save.kind === 'unsaved'
          ? 'Unsaved changes'
          : save.kind === 'conflict'
            ? 'Not saved: changed elsewhere'
            : `Not saved: ${save.message}`;
  return (
    <span
      className={`studio-badge studio-save-${save.kind}`}
      role="status"
      data-testid="save-state"
    >
      {text}
    </span>
  );
}

const tabLabel = new Map<string, string>(STUDIO_TABS);

/**
 * Valid, or the count of errors opening to the list of them, each a link to the tab that fixes
 * it. The list closes on a move to another tab (it would cover the tabs) and on Escape.
 */
function ValidationBadge({ draft, slug }: { draft: DraftSession; slug: string }) {
  const { pathname } = useLocation();
  const report = draft.report;
  const shown = validationWords(report, draft.validating);
  if (!report || report.ok)
    return (
      <span className="studio-badge studio-ok" data-testid="validation-state" aria-live="polite">
        {shown}
      </span>
    );
  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== 'Escape' || !event.currentTarget.open) return;
    event.currentTarget.open = false;
    event.currentTarget.querySelector('summary')?.focus();
  };
  return (
    <details key={pathname} className="studio-problems" onKeyDown={closeOnEscape}>
      <summary
        className="studio-badge studio-bad"
        data-testid="validation-state"
        aria-live="polite"
      >
        {shown}
      </summary>
      <ul className="studio-field-errors" data-testid="all-errors">
        {report.errors.map((d, i) => (
          <li key={i}>
            <Link to={`/studio/${slug}/${tabOf(d)}`}>{tabLabel.get(tabOf(d))}</Link>
            {` · ${placeOf(d)}: ${d.message}`}
          </li>
        ))}
      </ul>
    </details>
  );
}
