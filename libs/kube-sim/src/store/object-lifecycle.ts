import { isDeepStrictEqual } from 'node:util';
import { StoreError, type KubeObject } from './cluster-store.port.js';
import { applyDefaults } from './object-defaults.js';
import type { ResourceInfo } from './resource-catalog.js';

export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

type Json = Record<string, unknown>;

const templateOf = (object: KubeObject): unknown => (object.spec as Json | undefined)?.template;

/** RFC 3339 with second precision, as the API server writes metadata timestamps. */
export const kubeTimestamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const generateNameSuffix = (): string =>
  Array.from({ length: 5 }, () => NAME_SUFFIX_ALPHABET[Math.floor(Math.random() * NAME_SUFFIX_ALPHABET.length)]).join(
    '',
  );

const setTemplateGeneration = (object: KubeObject, generation: number): void => {
  object.metadata.annotations = {
    ...object.metadata.annotations,
    [TEMPLATE_GENERATION_ANNOTATION]: String(generation),
  };
};

/** Creation rules of the real registry strategies (BeforeCreate plus each kind's PrepareForCreate). */
export const prepareForCreate = (
  info: ResourceInfo,
  object: KubeObject,
  system: { uid: string; resourceVersion: string; now: Date },
): KubeObject => {
  const metadata = object.metadata;
  if (!metadata.name && metadata.generateName) metadata.name = metadata.generateName + generateNameSuffix();
  if (!metadata.name)
    throw new StoreError('Invalid', `${info.kind} "": metadata.name: Required value: name or generateName is required`);
  if (info.namespaced && !metadata.namespace)
    throw new StoreError('BadRequest', 'the namespace of the object is required');
  if (!info.namespaced) delete metadata.namespace;
  object.apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  object.kind = info.kind;
  metadata.uid = system.uid;
  metadata.resourceVersion = system.resourceVersion;
  metadata.creationTimestamp = kubeTimestamp(system.now) as unknown as Date;
  delete metadata.deletionTimestamp;
  delete metadata.deletionGracePeriodSeconds;
  applyDefaults(info.resource, object);
  if (object.spec !== undefined) metadata.generation = 1;
  else delete metadata.generation;
  if (info.resource === 'daemonsets' || info.resource === 'poddisruptionbudgets') object.status = {};
  if (info.resource === 'pods') object.status = { phase: 'Pending' };
  if (info.resource === 'namespaces') object.status = { phase: 'Active' };
  if (info.resource === 'daemonsets') {
    const requested = Number(metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION]);
    setTemplateGeneration(object, Number.isInteger(requested) && requested >= 1 ? requested : 1);
  }
  return object;
};

const SYSTEM_METADATA = [
  'uid',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
] as const;

/** Update rules: system metadata and (with a status subresource) status are kept; generation follows spec. */
export const prepareForUpdate = (info: ResourceInfo, stored: KubeObject, incoming: KubeObject): KubeObject => {
  const metadata = incoming.metadata;
  if (metadata.uid && metadata.uid !== stored.metadata.uid) {
    throw new StoreError(
      'Conflict',
      `Precondition failed: UID in precondition: ${metadata.uid}, UID in object meta: ${stored.metadata.uid}`,
    );
  }
  const next: KubeObject = { ...incoming, apiVersion: stored.apiVersion, kind: stored.kind, metadata: { ...metadata } };
  for (const field of SYSTEM_METADATA) {
    if (stored.metadata[field] === undefined) delete next.metadata[field];
    else (next.metadata as Json)[field] = stored.metadata[field];
  }
  next.metadata.name = stored.metadata.name;
  if (info.namespaced) next.metadata.namespace = stored.metadata.namespace;
  else delete next.metadata.namespace;
  applyDefaults(info.resource, next);
  if (info.hasStatus) {
    if (stored.status === undefined) delete next.status;
    else next.status = stored.status;
  }
  if (info.resource === 'daemonsets') {
    const storedTemplateGeneration = Number(stored.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? 1);
    const templateChanged = !isDeepStrictEqual(templateOf(stored), templateOf(next));
    setTemplateGeneration(next, storedTemplateGeneration + (templateChanged ? 1 : 0));
  }
  if (stored.metadata.generation !== undefined && !isDeepStrictEqual(stored.spec, next.spec)) {
    next.metadata.generation = stored.metadata.generation + 1;
  }
  return next;
};

/** A status write changes `.status` only (ResetObjectMetaForStatus keeps the rest of the stored object). */
export const prepareForStatusUpdate = (stored: KubeObject, incoming: KubeObject): KubeObject => {
  const next: KubeObject = { ...stored, metadata: { ...stored.metadata } };
  if (incoming.status === undefined) delete next.status;
  else next.status = incoming.status;
  return next;
};
