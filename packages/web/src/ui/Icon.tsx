/** Control icons drawn in SVG, so they never depend on a font having the glyph. */
const PATHS = {
  start: 'M4 4h3v16H4zM20 4v16L8 12z',
  prev: 'M18 4v16L6 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  next: 'M6 4v16l12-8z',
  end: 'M4 4v16l12-8zM17 4h3v16h-3z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
