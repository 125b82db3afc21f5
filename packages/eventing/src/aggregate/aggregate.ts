import type { Decider } from './decider';

/**
 * One stream's state with the events decided since it was loaded. Our small base instead of
 * `@nestjs/cqrs`'s `AggregateRoot`, whose `on<EventClass>` handlers do not fit pure `evolve`.
 */
export class Aggregate<State, Command, Event> {
  private uncommitted: Event[] = [];

  constructor(
    readonly streamId: string,
    private readonly decider: Decider<State, Command, Event>,
    private current: State,
    private committedVersion: number,
  ) {}

  get state(): State {
    return this.current;
  }

  /** The stream version as loaded or last saved: the expected version of the next append. */
  get version(): number {
    return this.committedVersion;
  }

  /** Decides, folds the new events into the state and keeps them until saved. */
  execute(command: Command): Event[] {
    const events = this.decider.decide(command, this.current);
    for (const event of events) this.current = this.decider.evolve(this.current, event);
    this.uncommitted.push(...events);
    return events;
  }

  getUncommittedEvents(): readonly Event[] {
    return this.uncommitted;
  }

  markCommitted(version: number): void {
    this.uncommitted = [];
    this.committedVersion = version;
  }
}
