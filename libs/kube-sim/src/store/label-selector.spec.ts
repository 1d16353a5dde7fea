import { matchesLabels, parseLabelSelector } from './label-selector.js';

const matches = (selector: string, labels: Record<string, string>): boolean =>
  matchesLabels(parseLabelSelector(selector), labels);

describe('label selector', () => {
  it('selects everything when empty', () => {
    expect(parseLabelSelector('')).toEqual([]);
    expect(matches('', { a: 'b' })).toBe(true);
  });

  it('parses equality, inequality, sets, existence and comparisons', () => {
    expect(parseLabelSelector('a=b, c==d,e!=f,g in (h, i),j notin (k),l,!m,n>3,o<2')).toEqual([
      { key: 'a', operator: 'in', values: ['b'] },
      { key: 'c', operator: 'in', values: ['d'] },
      { key: 'e', operator: 'notin', values: ['f'] },
      { key: 'g', operator: 'in', values: ['h', 'i'] },
      { key: 'j', operator: 'notin', values: ['k'] },
      { key: 'l', operator: 'exists' },
      { key: 'm', operator: 'doesnotexist' },
      { key: 'n', operator: 'gt', value: 3 },
      { key: 'o', operator: 'lt', value: 2 },
    ]);
  });

  it('matches like the API server: != and notin also select objects without the label', () => {
    expect(matches('app=web', { app: 'web', tier: 'x' })).toBe(true);
    expect(matches('app=web', { app: 'db' })).toBe(false);
    expect(matches('app!=web', {})).toBe(true);
    expect(matches('app notin (web,db)', { app: 'db' })).toBe(false);
    expect(matches('app in (web,db)', {})).toBe(false);
    expect(matches('app.kubernetes.io/name=agent,!canary', { 'app.kubernetes.io/name': 'agent' })).toBe(true);
    expect(matches('!canary', { canary: 'true' })).toBe(false);
    expect(matches('rank>3', { rank: '4' })).toBe(true);
    expect(matches('rank>3', { rank: '3' })).toBe(false);
  });

  it('compares only base-10 integer label values with > and <, like strconv.ParseInt', () => {
    expect(matches('rank<5', { rank: '-2' })).toBe(true);
    expect(matches('rank<5', { rank: '' })).toBe(false);
    expect(matches('rank>3', { rank: '16abc' })).toBe(false);
    expect(matches('rank>3', { rank: '1e3' })).toBe(false);
    expect(matches('rank>3', {})).toBe(false);
  });

  it('rejects malformed selectors', () => {
    expect(() => parseLabelSelector('a in b')).toThrow(/unable to parse/);
    expect(() => parseLabelSelector('a in (b')).toThrow(/unable to parse/);
    expect(() => parseLabelSelector('a=b c')).toThrow(/unable to parse/);
    expect(() => parseLabelSelector('a>x')).toThrow(/unable to parse/);
  });
});
