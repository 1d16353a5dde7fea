/** The rollout request of the API's documentation, with a bake short enough for a test. */
export function logCollectorRollout(image: string) {
  return {
    daemonSet: { namespace: 'default', name: 'log-collector' },
    change: { containers: [{ name: 'log-collector', image }] },
    strategy: {
      stages: [
        { name: 'canary', nodes: { count: 1 }, approvals: 1, bakeSeconds: 1 },
        { name: 'rest', nodes: { percent: 100 }, maxUnavailable: '10%', approvals: 2 },
      ],
      nodeReadyTimeoutSeconds: 300,
      failurePolicy: { maxFailedNodes: 0, action: 'rollback' },
    },
    reason: 'CVE fix',
    ticket: 'CHG-1234',
  };
}
