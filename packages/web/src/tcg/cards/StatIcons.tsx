/** The attack and health icons of a unit, drawn in SVG (no icon font). */
export function SwordIcon() {
  return (
    <svg className="tcg-stat-icon" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M13.5 1.5 14.5 2.5 7 10 8.5 11.5 7.5 12.5 6 11 3.5 13.5 2.5 12.5 5 10 3.5 8.5 4.5 7.5 6 9Z"
        fill="currentColor"
      />
    </svg>
  );
}

export function HeartIcon() {
  return (
    <svg className="tcg-stat-icon" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M8 14.5 2.2 8.7A3.4 3.4 0 0 1 8 4a3.4 3.4 0 0 1 5.8 4.7Z" fill="currentColor" />
    </svg>
  );
}
