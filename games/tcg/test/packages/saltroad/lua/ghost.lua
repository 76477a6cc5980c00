-- The Ghost Caravan walks for the caravan that is falling behind.
function haunt()
  if state.friendly.zones.road < state.enemy.zones.road then
    summon(state.friendly.hero, "#mule", 2)
  end
end
