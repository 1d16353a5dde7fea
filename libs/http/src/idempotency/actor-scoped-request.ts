/** What the authentication guard leaves on the request, so that idempotency keys are scoped per caller. */
export interface ActorScopedRequest {
  actor?: { readonly tokenId: string };
}
