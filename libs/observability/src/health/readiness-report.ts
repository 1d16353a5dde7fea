export interface CheckOutcome {
  readonly name: string;
  readonly ready: boolean;
  /** Why the check failed; absent when it passed. */
  readonly reason?: string;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: readonly CheckOutcome[];
}

/** RFC 9457 problem details for a 503 from /readyz, naming every dependency that failed. */
export function notReadyProblem(report: ReadinessReport) {
  const failed = report.checks.filter((check) => !check.ready);
  return {
    type: 'about:blank',
    title: 'Service Unavailable',
    status: 503,
    detail: `Not ready: ${failed.map((check) => `${check.name} (${check.reason ?? 'failed'})`).join(', ')}.`,
    checks: report.checks,
  };
}
