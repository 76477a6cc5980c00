-- Windfall: a coin per clerk you have, at most four.
function windfall()
  gain(state.friendly.hero, math.min(#state.friendly.board, 4))
end
