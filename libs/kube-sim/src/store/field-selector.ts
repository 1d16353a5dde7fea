import { StoreError, type KubeObject } from './cluster-store.port.js';
import type { ResourceInfo } from './resource-catalog.js';

export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

export type FieldSelector = readonly FieldRequirement[];

// Splits on a separator that is not escaped with a backslash, as fields.ParseSelector does.
const splitUnescaped = (text: string, separator: string): string[] => {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) current += text[i] + text[++i];
    else if (text[i] === separator) {
      parts.push(current);
      current = '';
    } else current += text[i];
  }
  parts.push(current);
  return parts;
};

const unescape = (value: string): string => value.replace(/\\(.)/g, '$1');

const parseRequirement = (term: string): FieldRequirement => {
  const match = /^([^!=]+?)\s*(!=|==|=)\s*(.*)$/s.exec(term.trim());
  if (!match) throw new StoreError('BadRequest', `invalid field selector: "${term}": expected field=value`);
  return { field: match[1], operator: match[2] === '!=' ? '!=' : '=', value: unescape(match[3]) };
};

/** Parses `spec.nodeName=n1,metadata.name!=x` and checks the fields against what the resource supports. */
export const parseFieldSelector = (text: string | undefined, resource: ResourceInfo): FieldSelector => {
  if (!text || text.trim() === '') return [];
  const requirements = splitUnescaped(text, ',').map(parseRequirement);
  for (const { field } of requirements) {
    if (field !== 'metadata.name' && field !== 'metadata.namespace' && !resource.selectableFields.includes(field)) {
      throw new StoreError('BadRequest', `field label not supported: ${field}`);
    }
  }
  return requirements;
};

/** The field's value as the API server compares it: missing is "", booleans and numbers as text. */
export const fieldValue = (object: KubeObject, field: string): string => {
  let value: unknown = object;
  for (const part of field.split('.')) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[part];
  }
  if (value === undefined || value === null)
    return field === 'spec.unschedulable' || field === 'spec.hostNetwork' ? 'false' : '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

export const matchesFields = (selector: FieldSelector, object: KubeObject): boolean =>
  selector.every(({ field, operator, value }) => (fieldValue(object, field) === value) === (operator === '='));
