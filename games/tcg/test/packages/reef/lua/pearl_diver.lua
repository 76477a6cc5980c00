-- When played: 1 damage to the enemy diver, then a Pearl token of this card.
function dive()
  damage(state.enemy.hero, 1)
  summon(state.friendly.hero, "#pearl", 1)
end
