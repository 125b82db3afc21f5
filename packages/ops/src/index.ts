export {
  projectionRegistry,
  registerProjection,
  type ProjectionFactory,
  type ProjectionRegistry,
} from './projection-registry';
export {
  parseReplayArgs,
  replayUsage,
  type ParsedReplayArgs,
  type ReplayArgs,
} from './replay-args';
export { loadOpsConfig, serviceDatabase, type OpsConfig } from './ops-config';
export { formatReplaySummary } from './replay-summary';
