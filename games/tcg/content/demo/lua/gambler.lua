-- When you play this, roll a six-sided die: on 5 or 6 draw 2 cards, otherwise deal 2 damage to
-- your hero.
function resolve()
  if random(1, 6) >= 5 then
    draw(state.friendly.hero, 2)
  else
    damage(state.friendly.hero, 2)
  end
end
