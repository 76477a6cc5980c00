-- The orchard feeds on what it has buried: a bite for every card in your discard, five at most.
function feast()
  local bites = state.friendly.zones.discard
  if bites > 5 then bites = 5 end
  damage(state.enemy.hero, bites)
end
