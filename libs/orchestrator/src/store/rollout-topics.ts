/** Rollout events leave through the outbox on this topic, keyed by rollout id. */
export const ROLLOUT_TOPIC = 'rollcall.rollouts.v1';

/** Human-facing notifications the saga asks for (ChatOps, webhooks), keyed by rollout id. */
export const ROLLOUT_NOTIFICATION_TOPIC = 'rollcall.rollout-notifications.v1';

export const ROLLOUT_SCHEMA_VERSION = 1;
