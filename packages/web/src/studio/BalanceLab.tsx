import { useMemo, useRef, useState } from 'react';
import {
  scheduleMatches,
  type BalancePlan,
  type BalanceReport,
  type MatchRecord,
  type Rate,
} from '@cardtable/tcg';
import { BarChart } from './BarChart.tsx';
import { lengthHistogram, percent } from './balance-stats.ts';
import { decksOf } from './draft-files.ts';
import { rulesetIdOf } from './draft-files.ts';
import type { DraftSession } from './useDraft.ts';
import { playInWorkers, type BalanceRun } from './worker/balance-pool.ts';

const PROFILES = ['easy', 'hard'] as const;
const MAX_GAMES_PER_PAIRING = 500;
const THREADS = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'error'; message: string }
  | { kind: 'done'; report: BalanceReport; records: MatchRecord[] };

const range = (rate: Rate): [number, number] | null =>
  rate.low === null || rate.high === null ? null : [rate.low, rate.high];

/** CPU-against-CPU games of the draft's decks, in Web Workers, and what they show. */
export function BalanceLab({ draft }: { draft: DraftSession }) {
  const files = draft.files!;
  const decks = decksOf(files);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [games, setGames] = useState(10);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const run = useRef<BalanceRun | null>(null);
  const chosen = decks.filter(
    (d) => picked[d.id] !== undefined || Object.keys(picked).length === 0,
  );
  const profileOf = (id: string) => picked[id] ?? 'easy';
  const ready = draft.report?.ok === true && chosen.length >= 2;

  const start = async () => {
    const plan: BalancePlan = {
      ruleset: rulesetIdOf(files),
      decks: chosen.map((d) => d.id),
      profiles: chosen.map((d) => profileOf(d.id)),
      gamesPerPairing: Math.max(1, Math.min(MAX_GAMES_PER_PAIRING, games)),
      seed: `studio-${Date.now()}`,
    };
    const matches = scheduleMatches(plan);
    setStatus({ kind: 'running', done: 0, total: matches.length });
    const current = playInWorkers(files, plan, matches, THREADS, (done) =>
      setStatus({ kind: 'running', done, total: matches.length }),
    );
    run.current = current;
    try {
      const records = await current.done;
      const report = await draft.worker.balanceReport(files, plan, records);
      setStatus({ kind: 'done', report, records });
    } catch (error) {
      setStatus({ kind: 'error', message: (error as Error).message });
    } finally {
      run.current = null;
    }
  };

  return (
    <section className="studio-panel" aria-labelledby="balance-title">
      <div className="studio-panel-head">
        <h2 id="balance-title">Balance lab</h2>
      </div>
      <p className="studio-help">
        CPU players play every pair of the chosen decks, swapping seats, in your browser ({THREADS}{' '}
        worker{THREADS === 1 ? '' : 's'}), with the engine and CPU the server uses.
      </p>
      {!draft.report?.ok ? (
        <p className="studio-error">
          Fix the draft’s errors first: only a valid game can be played.
        </p>
      ) : null}
      <fieldset className="studio-field">
        <legend>Decks and CPU difficulty</legend>
        {decks.map((deck) => {
          const on = chosen.includes(deck);
          return (
            <div key={deck.id} className="studio-inline">
              <label className="studio-check">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => {
                    const base =
                      Object.keys(picked).length === 0
                        ? Object.fromEntries(decks.map((d) => [d.id, 'easy']))
                        : picked;
                    const { [deck.id]: _gone, ...rest } = base;
                    setPicked(e.target.checked ? { ...rest, [deck.id]: 'easy' } : rest);
                  }}
                />
                {deck.name}
              </label>
              <label>
                CPU for {deck.name}
                <select
                  value={profileOf(deck.id)}
                  disabled={!on}
                  onChange={(e) =>
                    setPicked({
                      ...Object.fromEntries(chosen.map((d) => [d.id, profileOf(d.id)])),
                      [deck.id]: e.target.value,
                    })
                  }
                >
                  {PROFILES.map((p) => (
                    <option key={p}>{p}</option>
                  ))}
                </select>
              </label>
            </div>
          );
        })}
      </fieldset>
      <div className="studio-inline">
        <label>
          Games per pair of decks
          <input
            type="number"
            min={1}
            max={MAX_GAMES_PER_PAIRING}
            value={games}
            onChange={(e) => setGames(Number(e.target.value))}
          />
        </label>
        {status.kind === 'running' ? (
          <button type="button" onClick={() => run.current?.cancel()}>
            Cancel
          </button>
        ) : (
          <button type="button" className="primary" disabled={!ready} onClick={() => void start()}>
            Run the games
          </button>
        )}
      </div>
      {status.kind === 'running' ? (
        <p>
          <progress value={status.done} max={status.total} aria-label="Games played" />{' '}
          <span data-testid="balance-progress">
            {status.done} of {status.total} games
          </span>
        </p>
      ) : null}
      {status.kind === 'error' ? (
        <p role="alert" className="studio-error">
          {status.message}
        </p>
      ) : null}
      {status.kind === 'done' ? (
        <BalanceResults report={status.report} records={status.records} />
      ) : null}
    </section>
  );
}

function BalanceResults({ report, records }: { report: BalanceReport; records: MatchRecord[] }) {
  const histogram = useMemo(() => lengthHistogram(records), [records]);
  const decks = report.decks;
  const first = report.firstPlayer.winRate;
  const topCards = [...report.cards].sort((a, b) => b.playRate - a.playRate).slice(0, 20);
  return (
    <div data-testid="balance-results" className="studio-results">
      <p>
        <strong>{report.games} games</strong>, {report.averageTurns.toFixed(1)} turns on average.{' '}
        {report.errors.length ? (
          <span className="studio-bad">{report.errors.length} engine errors.</span>
        ) : null}
        {report.luaFailures.length ? (
          <span className="studio-bad">
            {' '}
            Lua failures: {report.luaFailures.map((f) => `${f.card} ×${f.count}`).join(', ')}.
          </span>
        ) : null}
      </p>
      <BarChart
        title="Deck win rates (95% confidence intervals)"
        categories={decks.map((d) => `${d.name} (${d.profile})`)}
        series={[
          {
            label: 'Win rate',
            values: decks.map((d) => d.winRate.rate),
            ranges: decks.map((d) => range(d.winRate)),
            color: '--chart-green',
          },
        ]}
        yLabel="win rate"
        format={percent}
        max={1}
      />
      <BarChart
        title="First player’s edge: how often the player who went first won"
        categories={['First player']}
        series={[
          {
            label: 'Win rate',
            values: [first.rate],
            ranges: [range(first)],
            color: '--chart-gold',
          },
        ]}
        yLabel="win rate"
        format={percent}
        height={160}
        max={1}
      />
      <BarChart
        title="Cards: play rate and win rate when played"
        categories={topCards.map((c) => `${c.name} (${c.deck})`)}
        series={[
          { label: 'Played in', values: topCards.map((c) => c.playRate), color: '--chart-blue' },
          {
            label: 'Won when played',
            values: topCards.map((c) => c.winRateWhenPlayed.rate),
            ranges: topCards.map((c) => range(c.winRateWhenPlayed)),
            color: '--chart-green',
          },
        ]}
        yLabel="share of games"
        format={percent}
        max={1}
      />
      <BarChart
        title="Game length (turns)"
        categories={histogram.labels}
        series={[{ label: 'Games', values: histogram.counts, color: '--chart-violet' }]}
        yLabel="games"
      />
      <BarChart
        title="How games ended"
        categories={report.endings.map((e) => e.words)}
        series={[
          { label: 'Games', values: report.endings.map((e) => e.games), color: '--chart-red' },
        ]}
        yLabel="games"
      />
    </div>
  );
}
