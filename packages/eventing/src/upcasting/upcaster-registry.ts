import type { Upcaster } from './upcaster';

/** The upcasters of a consumer, looked up by the version they start from. */
export interface UpcasterRegistry {
  find(type: string, fromVersion: number): Upcaster | undefined;
  list(): readonly Upcaster[];
}

export function createUpcasterRegistry(upcasters: readonly Upcaster[]): UpcasterRegistry {
  const byKey = new Map<string, Upcaster>();
  for (const u of upcasters) {
    const key = `${u.type}@${u.fromVersion}`;
    // Two upcasters from one version would make the read model depend on registration order.
    if (byKey.has(key))
      throw new Error(`two upcasters for ${u.type} from version ${u.fromVersion}`);
    byKey.set(key, u);
  }
  return {
    find: (type, fromVersion) => byKey.get(`${type}@${fromVersion}`),
    list: () => [...byKey.values()],
  };
}
