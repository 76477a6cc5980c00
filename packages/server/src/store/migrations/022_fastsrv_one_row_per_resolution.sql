-- The log holds one row per resolution: its steps in order and the action that caused it. A row
-- per step in match_events, and one per action in match_actions, made an append of one Golf move
-- about three rows and four index entries, and cost the database about twice what this one row
-- does (docs/benchmarks.md, "Session 18"). What the two tables promised stays:
-- - (match, version) is the key: a second writer of a version fails its whole append;
-- - an action id is stored once per seat and per source (clients and the server for a seat
--   never share ids), so a repeated action is refused whole.
CREATE TABLE match_log (
  match_id text NOT NULL,
  version integer NOT NULL,
  resolution_id text NOT NULL,
  ts timestamptz NOT NULL,
  -- [{step, type, data, requires_ack}], by step.
  steps jsonb NOT NULL,
  -- {action_id, seat, source, type, payload}; NULL for the opening resolution.
  action jsonb,
  PRIMARY KEY (match_id, version)
);
CREATE UNIQUE INDEX match_log_action_ids
  ON match_log (match_id, (action ->> 'seat'), (action ->> 'source'), (action ->> 'action_id'))
  WHERE action IS NOT NULL;

INSERT INTO match_log (match_id, version, resolution_id, ts, steps, action)
SELECT coalesce(e.match_id, a.match_id), coalesce(e.version, a.version),
       coalesce(e.resolution_id, 'r' || a.version), coalesce(e.ts, m.created_at),
       coalesce(e.steps, '[]'::jsonb),
       CASE WHEN a.match_id IS NULL THEN NULL
            ELSE jsonb_build_object('action_id', a.action_id, 'seat', a.seat, 'source', a.source,
                                    'type', a.type, 'payload', a.payload) END
  FROM (SELECT match_id, version, min(resolution_id) AS resolution_id, min(ts) AS ts,
               jsonb_agg(jsonb_build_object('step', step, 'type', type, 'data', data,
                                            'requires_ack', requires_ack) ORDER BY step) AS steps
          FROM match_events GROUP BY match_id, version) e
  FULL JOIN match_actions a ON a.match_id = e.match_id AND a.version = e.version
  LEFT JOIN matches m ON m.id = coalesce(e.match_id, a.match_id);

DROP TABLE match_events;
DROP TABLE match_actions;
