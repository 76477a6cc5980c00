/** The attack and health icons of a unit, drawn in SVG (no icon font). */
export function SwordIcon() {
  return (
    <svg
      className="tcg-stat-icon"
      viewBox="0 0 16 16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeLinecap="round"
    >
      <path d="M14 2 6.8 9.2" strokeWidth="2.4" />
      <path d="M4.2 7.4 8.6 11.8" strokeWidth="1.8" />
      <path d="M5.4 10.6 2.4 13.6" strokeWidth="2.2" />
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
