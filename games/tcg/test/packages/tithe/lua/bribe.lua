-- Bribe: the chosen enemy clerk goes home; a richer briber also draws.
function bribe()
  local t = state.bindings.t[1]
  move(t, "hand")
  if state.friendly.resource > state.enemy.resource then
    draw(state.friendly.hero, 1)
  end
end
