import type { Decider } from '@threadline/eventing';

/** given past events, when a command, then events or an error (STYLE.md, "Aggregates"). */
export function given<S, C, E>(decider: Decider<S, C, E>, events: E[] = []) {
  const state = events.reduce(decider.evolve, decider.initialState());
  return {
    state,
    when: (command: C) => () => decider.decide(command, state),
  };
}
