/**
 * The pure logic of one aggregate (STYLE.md, "Aggregates"): `decide` turns a command and the
 * current state into events or throws a typed domain error; `evolve` folds one event into the
 * state. No I/O and no framework, so it is unit-tested given-events / when-command / then-events.
 */
export interface Decider<State, Command, Event> {
  initialState(): State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}
