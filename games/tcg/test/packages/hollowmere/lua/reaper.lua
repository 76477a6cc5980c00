-- The Reaper picks the weakest enemy thrall and slays it; with none, it harms the warden.
function reap()
  local weakest = nil
  for _, u in ipairs(state.enemy.board) do
    if weakest == nil or u.health < weakest.health then weakest = u end
  end
  if weakest ~= nil then
    destroy(weakest)
  else
    damage(state.enemy.hero, 2)
  end
end
