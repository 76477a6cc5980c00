import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { RatingPoint } from '@cardtable/sdk';
import { drawnColour, type PaletteColour } from '../theme/palette.ts';
import { useResolvedTheme } from '../theme/useResolvedTheme.ts';

/** A day either side, in seconds. */
const DAY_S = 86_400;

/**
 * The time axis of points that span no time (a lone point, the first rated match): a day
 * either side. uPlot pads such an axis itself by what it means as a day but counts in
 * milliseconds on this axis of seconds: 1,000 days, the point at the edge of an axis running
 * three years on. Points that span time keep uPlot's own range.
 */
function timeScale(times: readonly number[]): uPlot.Scale {
  const first = times[0] ?? 0;
  const last = times.at(-1) ?? first;
  return last - first < 60 ? { time: true, range: [first - DAY_S, last + DAY_S] } : { time: true };
}

/** The rating after each rated match, with its deviation as a band (uPlot; its own chunk). */
export default function RatingChart({ points, label }: { points: RatingPoint[]; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  // Drawn again in the other theme's colours when the theme changes.
  const theme = useResolvedTheme();
  useEffect(() => {
    const element = host.current;
    if (!element || points.length === 0) return;
    const colour = (name: PaletteColour) => drawnColour(element, name);
    const [rating, band, axis, grid] = [
      colour('--chart-blue'),
      colour('--muted'),
      colour('--text'),
      colour('--line'),
    ];
    const times = points.map((p) => Date.parse(p.at) / 1000);
    const ratings = points.map((p) => Math.round(p.rating));
    const width = Math.max(280, Math.min(720, element.clientWidth));
    const plot = new uPlot(
      {
        width,
        height: 220,
        title: label,
        scales: { x: timeScale(times) },
        series: [
          {},
          { label: 'Rating', stroke: rating, width: 2, points: { show: true } },
          { label: 'Low (−2 RD)', stroke: band, dash: [4, 4] },
          { label: 'High (+2 RD)', stroke: band, dash: [4, 4] },
        ],
        hooks: {
          // The axis's span, in seconds, for the browser tests (the axis is drawn on a canvas).
          setScale: [
            (drawn, key) => {
              const { min, max } = drawn.scales[key] ?? {};
              if (key === 'x' && min != null && max != null) {
                element.dataset.timeSpan = String(max - min);
              }
            },
          ],
        },
        axes: [
          { stroke: axis, grid: { stroke: grid } },
          { stroke: axis, grid: { stroke: grid } },
        ],
      },
      [
        times,
        ratings,
        points.map((p) => Math.round(p.rating - 2 * p.rd)),
        points.map((p) => Math.round(p.rating + 2 * p.rd)),
      ],
      element,
    );
    return () => plot.destroy();
  }, [points, label, theme]);
  return <div ref={host} className="rating-chart" data-testid="rating-chart" />;
}
