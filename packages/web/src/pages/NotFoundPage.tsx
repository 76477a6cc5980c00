import { Link } from 'react-router';

export default function NotFoundPage() {
  return (
    <main className="page narrow">
      <section className="panel">
        <h1>Nothing here</h1>
        <p>
          This page does not exist. <Link to="/">Start a game</Link>
        </p>
      </section>
    </main>
  );
}
