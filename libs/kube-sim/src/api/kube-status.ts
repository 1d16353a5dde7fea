import { StoreError, type ResourceInfo, type StoreErrorReason } from '../store/index.js';

export type StatusReason =
  | StoreErrorReason
  | 'MethodNotAllowed'
  | 'TooManyRequests'
  | 'InternalError'
  | 'UnsupportedMediaType'
  | 'NotImplemented';

export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  readonly causes?: readonly { readonly reason?: string; readonly message: string; readonly field?: string }[];
}

export interface KubeStatus {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly metadata: Record<string, never>;
  readonly status: 'Success' | 'Failure';
  readonly message?: string;
  readonly reason?: StatusReason;
  readonly details?: StatusDetails;
  readonly code: number;
}

const CODES: Readonly<Record<StatusReason, number>> = {
  BadRequest: 400,
  NotFound: 404,
  MethodNotAllowed: 405,
  AlreadyExists: 409,
  Conflict: 409,
  Gone: 410,
  Expired: 410,
  UnsupportedMediaType: 415,
  Invalid: 422,
  TooManyRequests: 429,
  InternalError: 500,
  NotImplemented: 501,
};

/** The error response shape of the real API server (metav1.Status with status Failure). */
export const failureStatus = (reason: StatusReason, message: string, details?: StatusDetails): KubeStatus => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  ...(details ? { details } : {}),
  code: CODES[reason],
});

export const successStatus = (code: number, details?: StatusDetails): KubeStatus => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Success',
  ...(details ? { details } : {}),
  code,
});

/** A refusal the HTTP layer raises; carries the Status to send. */
export class KubeApiError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message);
    this.name = 'KubeApiError';
  }
}

export const apiError = (reason: StatusReason, message: string, details?: StatusDetails): KubeApiError =>
  new KubeApiError(failureStatus(reason, message, details));

/** Maps anything thrown while serving a request to the Status the client gets. */
export const statusFromError = (error: unknown, target?: { info: ResourceInfo; name?: string }): KubeStatus => {
  if (error instanceof KubeApiError) return error.status;
  if (error instanceof StoreError) {
    const details = target
      ? { name: target.name, group: target.info.group || undefined, kind: target.info.resource }
      : undefined;
    return failureStatus(error.reason, error.message, details);
  }
  const message = error instanceof Error ? error.message : String(error);
  return failureStatus('InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
};
