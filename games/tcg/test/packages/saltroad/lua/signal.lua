-- A caravan behind on the road reads the signal fires more keenly.
function signal()
  if state.friendly.zones.road < state.enemy.zones.road then
    draw(state.friendly.hero, 2)
  else
    draw(state.friendly.hero, 1)
  end
end
