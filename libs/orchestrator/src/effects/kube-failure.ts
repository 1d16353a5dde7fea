import { ApiException } from '@kubernetes/client-node';

/** A refused Kubernetes call as the API server described it (a metav1.Status), or a transport failure. */
export interface KubeFailure {
  readonly status: number | null;
  readonly message: string;
  readonly causes: readonly { readonly reason?: string; readonly message?: string }[];
}

interface StatusBody {
  readonly message?: string;
  readonly details?: { readonly causes?: readonly { reason?: string; message?: string }[] };
}

function parseBody(body: unknown): StatusBody {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as StatusBody;
    } catch {
      return { message: body };
    }
  }
  return typeof body === 'object' && body !== null ? (body as StatusBody) : {};
}

export function kubeFailureOf(error: unknown): KubeFailure {
  if (error instanceof ApiException) {
    const body = parseBody(error.body);
    return { status: error.code, message: body.message ?? error.message, causes: body.details?.causes ?? [] };
  }
  return { status: null, message: error instanceof Error ? error.message : String(error), causes: [] };
}
