import { readFileSync, readdirSync } from 'node:fs';

/**
 * Every process below `root` in `parents` (pid → parent pid), children before grandchildren.
 * Pure: the caller reads the table.
 */
export function descendantsOf(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents) {
    const list = children.get(parent) ?? [];
    list.push(pid);
    children.set(parent, list);
  }
  const found: number[] = [];
  const queue = [root];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      if (child === root || found.includes(child)) continue;
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** A process's state letter (`R`, `S`, `Z` for a zombie..) and parent, from /proc (Linux). */
export function processStat(pid: number): { state: string; parent: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name may hold spaces and parentheses: fields resume after the last ')'.
  const [state = '', parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state, parent: Number(parent) };
}

/** The machine's processes as pid → parent pid, read from /proc (Linux); empty elsewhere. */
export function processParents(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return parents;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = processStat(Number(entry))?.parent;
    if (Number.isInteger(parent)) parents.set(Number(entry), parent!);
  }
  return parents;
}
