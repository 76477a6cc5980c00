-- The Pale Sovereign's gaze falls on the weakest enemy shade: the one with the least attack
-- (the first such on their board when several tie).
function gaze()
  local weakest = nil
  for _, u in ipairs(state.enemy.board) do
    if weakest == nil or u.attack < weakest.attack then weakest = u end
  end
  if weakest ~= nil then destroy(weakest) end
end
