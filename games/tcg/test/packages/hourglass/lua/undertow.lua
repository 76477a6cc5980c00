-- The tide takes the strongest first.
function undertow()
  local best = nil
  for _, u in ipairs(state.enemy.board) do
    if best == nil or u.attack > best.attack then best = u end
  end
  if best then
    move(best, 'hand')
  else
    draw(state.friendly.hero, 1)
  end
end
