/**
 * One load run of `npm run bench:compare`, in a process of its own (pinned to the load
 * generator's CPU): `load-child.ts '{"system":…,"url":…,"serverPid":…,"matches":…,…}'`.
 * Prints one JSON line: what the window counted and what the server used meanwhile.
 */
import { runLoad } from '../../src/load/run.ts';
import { runBgioLoad } from './bgio-load.ts';
import { runColyseusLoad } from './colyseus-load.ts';
import { MeasuredWindow, type WindowCounts, type WindowUsage } from './window.ts';

export interface ChildRequest {
  system: 'bgio' | 'colyseus' | 'cardtable';
  url: string;
  serverPid: number;
  matches: number;
  thinkMs: number;
  durationS: number;
}

export type ChildResult = WindowCounts & WindowUsage;

const request = JSON.parse(process.argv[2] as string) as ChildRequest;
const window = new MeasuredWindow(request.serverPid, request.durationS);
let counts: WindowCounts;
if (request.system === 'bgio') {
  counts = await runBgioLoad(request.url, request.matches, request.thinkMs, window);
} else if (request.system === 'colyseus') {
  counts = await runColyseusLoad(request.url, request.matches, request.thinkMs, window);
} else {
  const report = await runLoad({
    url: request.url,
    matches: request.matches,
    thinkMs: request.thinkMs,
    durationS: request.durationS,
    onWindow: (edge) => (edge === 'start' ? window.begin() : window.end()),
  });
  counts = report;
}
const result: ChildResult = {
  actions: counts.actions,
  latencyMs: counts.latencyMs,
  matchesFinished: counts.matchesFinished,
  refused: counts.refused,
  ...(window.usage as WindowUsage),
};
console.log(JSON.stringify(result));
process.exit(0);
