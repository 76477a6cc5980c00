/** Where in a match's log a table stands: the last step's version and step (0 for a whole version). */
export interface LogPosition {
  version: number;
  step: number;
}
