import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { RatingPoint } from '@cardtable/sdk';

/** The rating after each rated match, with its deviation as a band (uPlot; its own chunk). */
export default function RatingChart({ points, label }: { points: RatingPoint[]; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element || points.length === 0) return;
    const times = points.map((p) => Date.parse(p.at) / 1000);
    const ratings = points.map((p) => Math.round(p.rating));
    const width = Math.max(280, Math.min(720, element.clientWidth));
    const plot = new uPlot(
      {
        width,
        height: 220,
        title: label,
        scales: { x: { time: true } },
        series: [
          {},
          { label: 'Rating', stroke: '#1d5fa8', width: 2, points: { show: true } },
          { label: 'Low (−2 RD)', stroke: '#8aa9c9', dash: [4, 4] },
          { label: 'High (+2 RD)', stroke: '#8aa9c9', dash: [4, 4] },
        ],
        axes: [{ stroke: '#333' }, { stroke: '#333' }],
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
  }, [points, label]);
  return <div ref={host} className="rating-chart" data-testid="rating-chart" />;
}
