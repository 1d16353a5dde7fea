import { matchesLabelSelector, matchesRequirement, toParsedLabelSelector } from './label-selector.js';

describe('LabelSelector objects', () => {
  it('given no selector, when matching, then nothing matches', () => {
    expect(matchesLabelSelector(undefined, { app: 'a' })).toBe(false);
  });

  it('given an empty selector, when matching, then everything matches', () => {
    expect(matchesLabelSelector({}, {})).toBe(true);
  });

  it('given matchLabels and expressions, when matching, then all must hold', () => {
    const selector = {
      matchLabels: { app: 'log-collector' },
      matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['canary'] }],
    };
    expect(matchesLabelSelector(selector, { app: 'log-collector' })).toBe(true);
    expect(matchesLabelSelector(selector, { app: 'log-collector', tier: 'canary' })).toBe(false);
    expect(matchesLabelSelector(selector, { app: 'other' })).toBe(false);
  });

  it('given Gt and Lt, when matching, then values compare as integers', () => {
    const selector = { matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['8'] }] };
    expect(matchesLabelSelector(selector, { cores: '16' })).toBe(true);
    expect(matchesLabelSelector(selector, { cores: '4' })).toBe(false);
    expect(matchesLabelSelector(selector, { cores: 'many' })).toBe(false);
  });

  it('given a structured selector, when converted, then it is the requirement list a string selector parses to', () => {
    const selector = {
      matchLabels: { app: 'log-collector' },
      matchExpressions: [
        { key: 'tier', operator: 'NotIn', values: ['canary'] },
        { key: 'spot', operator: 'DoesNotExist' },
        { key: 'cores', operator: 'Lt', values: ['64'] },
      ],
    };
    expect(toParsedLabelSelector(selector)).toEqual([
      { key: 'app', operator: 'in', values: ['log-collector'] },
      { key: 'tier', operator: 'notin', values: ['canary'] },
      { key: 'spot', operator: 'doesnotexist' },
      { key: 'cores', operator: 'lt', value: 64 },
    ]);
  });

  it('given an unknown operator or a bound that is not an integer, when matching, then nothing matches', () => {
    expect(matchesRequirement({ cores: '16' }, { key: 'cores', operator: 'Gt', values: ['eight'] })).toBe(false);
    expect(matchesRequirement({ cores: '16' }, { key: 'cores', operator: 'Gt' })).toBe(false);
    expect(matchesRequirement({ cores: '16' }, { key: 'cores', operator: 'Near', values: ['16'] })).toBe(false);
  });
});
