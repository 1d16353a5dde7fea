import { StoreError } from './cluster-store.port.js';

export type LabelRequirement =
  | { readonly key: string; readonly operator: 'in' | 'notin'; readonly values: readonly string[] }
  | { readonly key: string; readonly operator: 'exists' | 'doesnotexist' }
  | { readonly key: string; readonly operator: 'gt' | 'lt'; readonly value: number };

export type LabelSelector = readonly LabelRequirement[];

// Tokens of the Kubernetes label selector grammar (k8s.io/apimachinery/pkg/labels.Parse).
const TOKEN = /\s*(!=|==|=|!|\(|\)|,|>|<|[^\s!=(),<>]+)/y;

const tokenize = (text: string): string[] => {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const match = TOKEN.exec(text);
    if (!match) break;
    tokens.push(match[1]);
  }
  if (text.slice(TOKEN.lastIndex).trim() !== '') throw invalid(text, 'unexpected character');
  return tokens;
};

const invalid = (text: string, why: string): StoreError =>
  new StoreError('BadRequest', `unable to parse requirement: invalid label selector "${text}": ${why}`);

const isWord = (token: string | undefined): token is string =>
  token !== undefined && !/^(!=|==|=|!|\(|\)|,|>|<)$/.test(token);

/** Parses `a=b,c!=d,e in (f,g),!h,i notin (j),k>3`; the empty string selects everything. */
export const parseLabelSelector = (text: string | undefined): LabelSelector => {
  if (!text || text.trim() === '') return [];
  const tokens = tokenize(text);
  const requirements: LabelRequirement[] = [];
  let at = 0;
  const next = (): string | undefined => tokens[at++];
  const word = (what: string): string => {
    const token = next();
    if (!isWord(token)) throw invalid(text, `expected ${what}, found "${token ?? 'end'}"`);
    return token;
  };
  const valueSet = (): string[] => {
    if (next() !== '(') throw invalid(text, 'expected "("');
    const values: string[] = [];
    for (let token = next(); token !== ')'; token = next()) {
      if (token === ',') continue;
      if (!isWord(token)) throw invalid(text, 'unterminated value set');
      values.push(token);
    }
    return values;
  };
  while (at < tokens.length) {
    if (tokens[at] === '!') {
      at++;
      requirements.push({ key: word('key'), operator: 'doesnotexist' });
    } else {
      const key = word('key');
      const operator = tokens[at];
      if (operator === undefined || operator === ',') requirements.push({ key, operator: 'exists' });
      else if (operator === '=' || operator === '==' || operator === '!=') {
        at++;
        const value = isWord(tokens[at]) ? tokens[at++] : '';
        requirements.push({ key, operator: operator === '!=' ? 'notin' : 'in', values: [value] });
      } else if (operator === 'in' || operator === 'notin') {
        at++;
        requirements.push({ key, operator, values: valueSet() });
      } else if (operator === '>' || operator === '<') {
        at++;
        const value = Number(word('number'));
        if (!Number.isInteger(value)) throw invalid(text, 'expected an integer');
        requirements.push({ key, operator: operator === '>' ? 'gt' : 'lt', value });
      } else throw invalid(text, `unexpected "${operator}"`);
    }
    if (at < tokens.length && next() !== ',') throw invalid(text, 'expected ","');
  }
  return requirements;
};

/** A label value as an integer the way the API server reads it (strconv.ParseInt, base 10); else undefined. */
export const parseLabelInteger = (text: string | undefined): number | undefined =>
  text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : undefined;

const compareAsInteger = (value: string | undefined, bound: number, operator: 'gt' | 'lt'): boolean => {
  const integer = parseLabelInteger(value);
  if (integer === undefined) return false;
  return operator === 'gt' ? integer > bound : integer < bound;
};

const matchesRequirement = (requirement: LabelRequirement, labels: Readonly<Record<string, string>>): boolean => {
  const present = Object.hasOwn(labels, requirement.key);
  const value = present ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'exists':
      return present;
    case 'doesnotexist':
      return !present;
    case 'in':
      return value !== undefined && requirement.values.includes(value);
    case 'notin':
      return value === undefined || !requirement.values.includes(value);
    case 'gt':
    case 'lt':
      return compareAsInteger(value, requirement.value, requirement.operator);
  }
};

export const matchesLabels = (selector: LabelSelector, labels: Readonly<Record<string, string>> | undefined): boolean =>
  selector.every((requirement) => matchesRequirement(requirement, labels ?? {}));
