function bristle()
  buff(self, 1, 0)
  if state.event and state.event.amount >= 2 then
    draw(state.friendly.hero, 1)
  end
end
