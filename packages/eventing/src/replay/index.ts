export {
  canonicalJson,
  fingerprintCollection,
  fingerprintDocuments,
  type ContentFingerprint,
} from './content-hash';
export { captureEndOffsets, rangesSince, recordsIn, type PartitionRange } from './partition-range';
export { readRanges, type ReadRangesOptions } from './read-ranges';
export { asOfCollectionName, compactTimestamp, rebuildCollectionName } from './rebuild-names';
export { swapCollection } from './swap-collection';
export {
  replayProjection,
  type ReplayCounts,
  type ReplayOptions,
  type ReplayProgress,
  type ReplayReport,
} from './replay-projection';
