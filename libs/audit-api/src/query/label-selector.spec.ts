import { parseLabelSelector } from './label-selector.js';

describe('parseLabelSelector', () => {
  it('reads equality, inequality, presence and absence requirements', () => {
    expect(parseLabelSelector('zone=a, tier==edge,gpu!=true,kubernetes.io/os,!spot')).toEqual({
      ok: true,
      selector: {
        equal: { zone: 'a', tier: 'edge' },
        notEqual: [{ gpu: 'true' }],
        present: ['kubernetes.io/os'],
        absent: ['spot'],
      },
    });
  });

  it('accepts an empty value, as Kubernetes labels may be empty', () => {
    expect(parseLabelSelector('role=')).toEqual({
      ok: true,
      selector: { equal: { role: '' }, notEqual: [], present: [], absent: [] },
    });
  });

  it.each(['', 'zone=a,', '=a', 'zone=a=b', '!zone=a', 'zone in (a,b)', 'zone=a b', 'zone=a,zone=b'])(
    'refuses %p with a reason',
    (text) => {
      const parsed = parseLabelSelector(text);

      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? '' : parsed.reason).not.toBe('');
    },
  );
});
