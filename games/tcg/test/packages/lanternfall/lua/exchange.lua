function swap()
  local t = state.bindings.mine[1]
  buff(t, 2, 2, 'untilYourNextTurn')
  grant(t, 'ward')
end
