import { useEffect, useState } from 'react';
import type { VersionSummary } from '@cardtable/sdk';
import { BanlistEditor } from './BanlistEditor.tsx';
import { withApi } from './studio-api.ts';
import { useVersionContent } from './useVersionContent.ts';
import { cardNames, currentVersion, newestFirst } from './version-list.ts';
import { StudioError } from './StudioError.tsx';

/**
 * The game's published versions: which one new matches take, and the creator's two tools on
 * them, both for new matches only (running and finished matches keep their version): deprecate
 * (and restore) a version, and its banlist.
 */
export function VersionsPanel({ slug, refresh }: { slug: string; refresh: unknown }) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void withApi((api) => api.getGame(slug)).then((result) =>
      result.ok ? setVersions(newestFirst(result.value.versions)) : setError(result.error.message),
    );
  }, [slug, refresh]);

  const replace = (changed: VersionSummary) =>
    setVersions((list) => list?.map((v) => (v.version === changed.version ? changed : v)) ?? null);

  if (error) return <StudioError error={error} />;
  if (versions === null || versions.length === 0) return null;
  const current = currentVersion(versions);
  return (
    <section aria-labelledby="versions-title" data-testid="versions">
      <h3 id="versions-title">Published versions</h3>
      <p className="studio-help">
        New matches take the newest version that is not deprecated
        {current === null ? ': every version is deprecated, so no new match can start.' : '.'}{' '}
        Deprecating a version or banning cards changes new matches only.
      </p>
      <ul className="studio-versions">
        {versions.map((version) => (
          <VersionRow
            key={version.version}
            slug={slug}
            version={version}
            current={version.version === current}
            onChanged={replace}
          />
        ))}
      </ul>
    </section>
  );
}

function VersionRow({
  slug,
  version,
  current,
  onChanged,
}: {
  slug: string;
  version: VersionSummary;
  current: boolean;
  onChanged: (v: VersionSummary) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = version.version;
  // The banned cards are named from the version's own cards (the ids mean little to a person).
  const loaded = useVersionContent(slug, n, editing || version.banlist.length > 0);

  const setDeprecated = async (deprecated: boolean) => {
    setConfirming(false);
    const result = await withApi((api) =>
      deprecated ? api.deprecate(slug, n) : api.undeprecate(slug, n),
    );
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onChanged(result.value.version);
  };

  return (
    <li className="studio-card" data-testid={`version-${n}`}>
      <p className="studio-version-head">
        <strong>Version {n}</strong>
        <span className="studio-help">
          published {new Date(version.publishedAt).toLocaleDateString()} ·{' '}
          <code title={version.contentHash}>{version.contentHash.slice(0, 15)}…</code>
        </span>
        {current ? <span className="seat-tag">new matches use this</span> : null}
        {version.deprecated ? <span className="seat-tag">deprecated</span> : null}
      </p>
      <p>
        Banned cards:{' '}
        {version.banlist.length === 0
          ? 'none'
          : loaded.content
            ? `${version.banlist.length} (${cardNames(version.banlist, loaded.content.cards).join(', ')})`
            : version.banlist.length}
      </p>
      <div className="studio-actions">
        {version.deprecated ? (
          <button type="button" onClick={() => void setDeprecated(false)}>
            Restore version {n}
          </button>
        ) : confirming ? (
          <>
            <span role="status">New matches will stop taking version {n}.</span>
            <button type="button" className="primary" onClick={() => void setDeprecated(true)}>
              Deprecate version {n}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Deprecate…
          </button>
        )}
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {editing ? 'Close the banlist' : `Banlist of version ${n}…`}
        </button>
      </div>
      <StudioError error={error ?? loaded.error} />
      {editing ? (
        <BanlistEditor
          slug={slug}
          version={version}
          content={loaded.content}
          onSaved={(saved) => {
            onChanged(saved);
            setEditing(false);
          }}
        />
      ) : null}
    </li>
  );
}
