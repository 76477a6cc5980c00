import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A table's or a replay's top bar: the brand, a link home, then what the page puts there. */
export function Topbar({ children }: { children?: ReactNode }) {
  return (
    <header className="topbar">
      <Link to="/" className="brand">
        Cardtable
      </Link>
      {children}
    </header>
  );
}
