import type { mongo } from 'mongoose';
import { applyOnce } from './apply-once';
import type { ProjectionContext, ProjectionDocument } from './projection';

export function createProjectionContext(
  collection: mongo.Collection<ProjectionDocument>,
  schemaVersion: number,
): ProjectionContext {
  return {
    collection,
    schemaVersion,
    applyOnce: (target, update) => applyOnce(collection, target, update, { schemaVersion }),
  };
}
