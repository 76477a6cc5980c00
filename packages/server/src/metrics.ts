import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { TimingHistogram } from './timing-histogram.ts';

/** The server's Prometheus metrics, on a registry of its own (several servers may share a process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    actionLatency: new TimingHistogram(
      'cardtable_action_latency_seconds',
      'From an ACTION received to its ACTION_RESULT sent, by outcome.',
      'outcome',
      [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
      registry,
    ),
    liveMatches: new Gauge({
      name: 'cardtable_live_matches',
      help: 'Match actors loaded in this process, by status.',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    matchLoads: new Counter({
      name: 'cardtable_match_loads_total',
      help: 'Matches rebuilt from the store into memory (snapshot plus tail).',
      registers: [registry],
    }),
    matchUnloads: new Counter({
      name: 'cardtable_match_unloads_total',
      help: 'Idle matches taken out of memory.',
      registers: [registry],
    }),
    matchesEnded: new Counter({
      name: 'cardtable_matches_ended_total',
      help: 'Matches ended outside their rules, by reason (expired, closed by the host, abandoned).',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    quotaRefusals: new Counter({
      name: 'cardtable_quota_refusals_total',
      help: 'Match creations and queue tickets refused with QUOTA_EXCEEDED, by limit.',
      labelNames: ['limit'] as const,
      registers: [registry],
    }),
    forwarded: new Counter({
      name: 'cardtable_forwarded_total',
      help: 'Match sockets and requests passed on to the node that owns the match, by kind (socket, http).',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    connections: new Gauge({
      name: 'cardtable_connections',
      help: 'Open match sockets, by role.',
      labelNames: ['role'] as const,
      registers: [registry],
    }),
    persistedEvents: new Counter({
      name: 'cardtable_persisted_events_total',
      help: 'Events appended to the match log.',
      registers: [registry],
    }),
    rejectedActions: new Counter({
      name: 'cardtable_rejected_actions_total',
      help: 'Actions answered with an error, by code.',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    ackWaits: new TimingHistogram(
      'cardtable_ack_wait_seconds',
      'How long a connection waited for a FLOW_ACK, by how the wait ended.',
      'outcome',
      [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
      registry,
    ),
    badMessages: new Counter({
      name: 'cardtable_bad_messages_total',
      help: 'Socket frames answered with ERROR, by code.',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
