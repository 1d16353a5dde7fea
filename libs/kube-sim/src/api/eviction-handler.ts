/** What the Eviction subresource asks the disruption rules (policy/v1 Eviction, already parsed). */
export interface EvictionRequest {
  readonly namespace: string;
  readonly name: string;
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string };
  readonly gracePeriodSeconds?: number;
  /** `dryRun=All`: check the budgets, change nothing. */
  readonly dryRun: boolean;
}

export type EvictionResult =
  | { readonly kind: 'evicted' }
  | { readonly kind: 'blocked-by-pdb'; readonly message: string }
  | { readonly kind: 'too-many-pdbs'; readonly message: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'conflict'; readonly message: string };

export type EvictionHandler = (request: EvictionRequest) => EvictionResult;
