import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { drawnColour, type PaletteColour } from '../theme/palette.ts';
import { useResolvedTheme } from '../theme/useResolvedTheme.ts';

export interface BarSeries {
  label: string;
  values: (number | null)[];
  /** One of the palette's chart colours (styles.css), drawn in the page's theme. */
  color: PaletteColour;
  /** Confidence intervals, drawn as whiskers over each bar. */
  ranges?: ([number, number] | null)[];
}

/**
 * A bar chart drawn by uPlot (loaded with the chart, in its own chunk), always followed by the
 * same numbers as a table, for screen readers and for reading exact values.
 */
export function BarChart({
  title,
  categories,
  series,
  yLabel,
  format = (v) => String(v),
  height = 220,
  max,
}: {
  title: string;
  categories: string[];
  series: BarSeries[];
  yLabel: string;
  format?: (value: number) => string;
  height?: number;
  /** The top of the y axis (1 for rates); else the data's maximum. Bars always start at 0. */
  max?: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  // Drawn again in the other theme's colours when the theme changes.
  const theme = useResolvedTheme();
  useEffect(() => {
    let chart: uPlot | null = null;
    let live = true;
    void import('uplot').then(({ default: UPlot }) => {
      if (!live || !host.current) return;
      const colour = (name: PaletteColour) => drawnColour(host.current!, name);
      const [text, muted, line] = [colour('--text'), colour('--muted'), colour('--line')];
      const width = Math.max(280, host.current.clientWidth || 480);
      const groups = series.length;
      const bars = UPlot.paths.bars!({ size: [0.7 / groups, 60], align: 0 });
      const whiskers = (u: uPlot) => {
        const ctx = u.ctx;
        series.forEach((s, si) => {
          if (!s.ranges) return;
          ctx.save();
          ctx.strokeStyle = text;
          ctx.lineWidth = 2 * devicePixelRatio;
          s.ranges.forEach((range, i) => {
            if (!range) return;
            const offset = (si - (groups - 1) / 2) * (0.7 / groups);
            const x = u.valToPos(i + offset, 'x', true);
            const [low, high] = [u.valToPos(range[0], 'y', true), u.valToPos(range[1], 'y', true)];
            ctx.beginPath();
            ctx.moveTo(x, low);
            ctx.lineTo(x, high);
            ctx.moveTo(x - 5, low);
            ctx.lineTo(x + 5, low);
            ctx.moveTo(x - 5, high);
            ctx.lineTo(x + 5, high);
            ctx.stroke();
          });
          ctx.restore();
        });
      };
      chart = new UPlot(
        {
          width,
          height,
          legend: { show: groups > 1 },
          cursor: { show: false },
          scales: {
            x: { time: false, range: [-0.6, categories.length - 0.4] },
            y: { range: (_u, _min, dataMax) => [0, max ?? Math.max(1, dataMax * 1.1)] },
          },
          axes: [
            {
              stroke: muted,
              grid: { show: false },
              values: (_u, ticks) => ticks.map((t) => categories[t] ?? ''),
              splits: () => categories.map((_, i) => i),
            },
            {
              stroke: muted,
              label: yLabel,
              grid: { stroke: line },
              values: (_u, ticks) => ticks.map(format),
            },
          ],
          series: [
            {},
            ...series.map((s, si) => ({
              label: s.label,
              fill: colour(s.color),
              stroke: colour(s.color),
              paths: (u: uPlot, seriesIdx: number, idx0: number, idx1: number) => {
                void si;
                return bars(u, seriesIdx, idx0, idx1);
              },
              points: { show: false },
            })),
          ],
          hooks: { draw: [whiskers] },
        },
        [
          categories.map((_, i) => i),
          ...series.map((s) => s.values.map((v) => (v === null ? null : v))),
        ] as uPlot.AlignedData,
        host.current,
      );
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [categories, series, yLabel, format, height, max, theme]);

  return (
    <figure className="studio-chart">
      <figcaption>{title}</figcaption>
      <div ref={host} aria-hidden="true" />
      <table className="studio-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {series.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category, i) => (
            <tr key={category}>
              <th scope="row">{category}</th>
              {series.map((s) => {
                const v = s.values[i];
                const range = s.ranges?.[i];
                return (
                  <td key={s.label}>
                    {v === null || v === undefined ? '–' : format(v)}
                    {range ? ` (${format(range[0])}–${format(range[1])})` : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
