function sing()
  summon(state.friendly.hero, 'lan/paper-lantern', random(1, 2))
end
