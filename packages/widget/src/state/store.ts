/** A minimal observable value: the widget's one source of truth, rendered by the UI. */
export class Store<T extends object> {
  private readonly listeners = new Set<(state: T) => void>();

  constructor(private state: T) {}

  get(): T {
    return this.state;
  }

  update(change: Partial<T> | ((state: T) => Partial<T>)): void {
    const patch = typeof change === 'function' ? change(this.state) : change;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  subscribe(listener: (state: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
