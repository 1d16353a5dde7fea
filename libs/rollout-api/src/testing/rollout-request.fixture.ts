import { rolloutRequestExample, type RolloutRequestExample } from '#rollcall/testing';

/** The request example as canary and rest only, with a one-second bake so a test rollout finishes fast. */
export function logCollectorRollout(image: string): RolloutRequestExample {
  return rolloutRequestExample({ image, canaryBakeSeconds: 1, withoutZoneA: true });
}
