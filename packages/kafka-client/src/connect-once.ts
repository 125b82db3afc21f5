/** Connects on first use; a failed attempt is forgotten so the next call tries again. */
export function memoizeConnect(connect: () => Promise<void>): {
  ensure(): Promise<void>;
  reset(): void;
} {
  let pending: Promise<void> | undefined;
  return {
    ensure() {
      pending ??= connect().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
    reset() {
      pending = undefined;
    },
  };
}
