import { Component, type ReactNode } from 'react';

/** A page that fails to draw says so and offers a reload, instead of going blank. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="page narrow">
        <section className="panel" role="alert">
          <h1>Something went wrong</h1>
          <p>The table could not be drawn ({this.state.error.message}).</p>
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </section>
      </main>
    );
  }
}
