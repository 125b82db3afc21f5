import { randomBytes } from 'node:crypto';

/** Topic, group and database names unique to one test, so tests never see each other's data. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
