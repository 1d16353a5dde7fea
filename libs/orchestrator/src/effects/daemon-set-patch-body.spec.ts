import type { RolloutEffect } from '#rollcall/domain';
import { daemonSetPatchBody } from './daemon-set-patch-body.js';

type PatchDaemonSet = Extract<RolloutEffect, { type: 'PatchDaemonSet' }>;

const effect = (overrides: Partial<PatchDaemonSet>): PatchDaemonSet => ({
  type: 'PatchDaemonSet',
  rolloutId: 'ro-1',
  daemonSet: { namespace: 'default', name: 'agent' },
  daemonSetUid: 'ds-uid',
  purpose: 'ApplyChange',
  updateStrategy: { type: 'OnDelete' },
  change: { kind: 'containers', containers: [{ name: 'main', image: 'busybox:1.37' }] },
  restoreRevisionHash: null,
  ...overrides,
});

describe('daemonSetPatchBody', () => {
  it('switches to OnDelete, drops rollingUpdate and merges the new images by container name', () => {
    expect(daemonSetPatchBody(effect({}), undefined)).toEqual({
      spec: {
        updateStrategy: { type: 'OnDelete', rollingUpdate: null },
        template: { spec: { containers: [{ name: 'main', image: 'busybox:1.37' }] } },
      },
    });
  });

  it('applies a template patch as given', () => {
    const templatePatch = { metadata: { annotations: { a: 'b' } } };
    const body = daemonSetPatchBody(effect({ change: { kind: 'templatePatch', templatePatch } }), undefined);
    expect(body.spec.template).toEqual(templatePatch);
  });

  it('puts the revision template back for a rollback', () => {
    const template = { spec: { containers: [{ name: 'main', image: 'busybox:1.36' }] }, $patch: 'replace' };
    const body = daemonSetPatchBody(
      effect({ purpose: 'RestoreTemplate', change: null, restoreRevisionHash: 'h1' }),
      template,
    );
    expect(body.spec).toEqual({ updateStrategy: { type: 'OnDelete', rollingUpdate: null }, template });
  });

  it('refuses a rollback without the revision template', () => {
    expect(() =>
      daemonSetPatchBody(effect({ purpose: 'RestoreTemplate', change: null, restoreRevisionHash: 'h1' }), undefined),
    ).toThrow('has no template');
  });

  it('restores only the original strategy at the end', () => {
    const updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } } as const;
    expect(daemonSetPatchBody(effect({ purpose: 'RestoreStrategy', change: null, updateStrategy }), undefined)).toEqual(
      {
        spec: { updateStrategy },
      },
    );
  });
});
