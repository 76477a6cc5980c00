/** A studio error, announced to screen readers as it appears; nothing while there is none. */
export function StudioError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="studio-error">
      {error}
    </p>
  ) : null;
}
