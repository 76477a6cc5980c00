-- Łucja: heal the keeper 1 for each lantern on the friendly board.
-- A script sees card ids, not tags, so the lanterns are listed by id.
local LANTERNS = { ["lan/paper-lantern"] = true, ["lan/lantern-warden"] = true,
  ["lan/candle-golem"] = true, ["lan/lampwright"] = true, ["lan/moth-swarm#moth"] = true }
function tend()
  local n = 0
  for _, u in ipairs(state.friendly.board) do
    if LANTERNS[u.card] then n = n + 1 end
  end
  if n > 0 then heal(state.friendly.hero, n) end
end
