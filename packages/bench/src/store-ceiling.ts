import type { Figure } from './measure';

/**
 * The most units a second the store could serve if each unit cost it nothing but `updatesPerUnit`
 * single-document updates, given how many such updates a second it manages with the machine to
 * itself. An upper bound: every other write, read and process of the real path only lowers it.
 */
export function storeCeiling(
  rawUpdates: Figure,
  updatesPerUnit: number,
  what: string,
  unit: string,
): Figure {
  if (!Number.isInteger(updatesPerUnit) || updatesPerUnit < 1) {
    throw new Error(`updatesPerUnit must be a positive integer, got ${updatesPerUnit}`);
  }
  const each =
    updatesPerUnit === 1
      ? 'one single-document update'
      : `${updatesPerUnit} single-document updates`;
  return {
    name: `store ceiling, ${what}: each needs at least ${each}, at the rate of ${rawUpdates.name}`,
    value: rawUpdates.value / updatesPerUnit,
    unit,
  };
}
