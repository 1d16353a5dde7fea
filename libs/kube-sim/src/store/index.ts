export * from './cluster-store.port.js';
export * from './in-memory-cluster-store.js';
export * from './resource-catalog.js';
export {
  parseLabelSelector,
  matchesLabels,
  type LabelSelector as ParsedLabelSelector,
  type LabelRequirement,
} from './label-selector.js';
export {
  parseFieldSelector,
  matchesFields,
  fieldValue,
  type FieldSelector as ParsedFieldSelector,
} from './field-selector.js';
export { TEMPLATE_GENERATION_ANNOTATION, kubeTimestamp } from './object-lifecycle.js';
