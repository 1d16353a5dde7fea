import { createHash } from 'node:crypto';
import type { ClusterResourceKind } from './cluster-resource.js';

const sha256Hex = (parts: readonly string[]): string => createHash('sha256').update(parts.join('\n')).digest('hex');

/**
 * Same object at the same resourceVersion, same id: a relist of an unchanged object or a replay
 * de-duplicates against the earlier observation. ADDED, MODIFIED and RELISTED all count as present.
 */
export const observationId = (
  kind: ClusterResourceKind,
  uid: string,
  resourceVersion: string,
  presence: 'present' | 'deleted',
): string => sha256Hex(['observation', kind, uid, resourceVersion, presence]);

export const resyncMarkerId = (
  markerType: string,
  kind: ClusterResourceKind,
  relistId: string,
  partitionKey = '',
): string => sha256Hex(['resync', markerType, kind, relistId, partitionKey]);
