/**
 * The names CPU opponents sit under (their profile is a difficulty, not a person). The server
 * gives a CPU seat created without a name one of these, fixed per match and seat.
 */
export const CPU_NAMES: readonly string[] = [
  'Dana',
  'Jay',
  'Rosa',
  'Theo',
  'Nadia',
  'Felix',
  'Ines',
  'Omar',
  'Lena',
  'Hugo',
  'Mira',
  'Tobias',
];
