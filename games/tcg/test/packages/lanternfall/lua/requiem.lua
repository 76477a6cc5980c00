function toll()
  local best = nil
  for _, u in ipairs(state.enemy.board) do
    if best == nil or u.attack > best.attack then best = u end
  end
  if best then destroy(best) end
end
