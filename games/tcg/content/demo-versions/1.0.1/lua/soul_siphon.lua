-- Deal damage to the chosen enemy unit equal to the number of cards in your hand, and restore
-- that much health to your hero.
function resolve()
  local amount = state.friendly.hand
  local target = state.bindings.t[1]
  if target == nil or amount == 0 then return end
  damage(target, amount)
  heal(state.friendly.hero, amount)
end
