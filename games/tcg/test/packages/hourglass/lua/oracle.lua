-- The oracle's glass runs faster while your study holds the room.
function trickle()
  local ahead = #state.friendly.board - #state.enemy.board
  if ahead > 2 then ahead = 2 end
  if ahead > 0 then
    gain(state.friendly.hero, ahead)
  end
end
