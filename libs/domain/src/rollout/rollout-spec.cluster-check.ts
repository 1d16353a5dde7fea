import type { DaemonSetView } from './cluster-view.js';
import type { RolloutSpec } from './rollout-spec.js';
import type { SpecProblem } from './rollout-spec.validation.js';

/** What a valid spec asks of this DaemonSet that it cannot give: an image change of a container it does not have. */
export function specProblemsAgainst(spec: RolloutSpec, daemonSet: DaemonSetView): SpecProblem[] {
  if (spec.change.kind !== 'containers') return [];
  const { namespace, name } = spec.daemonSet;
  const known = daemonSet.containerNames;
  return spec.change.containers.flatMap((container, index) =>
    known.includes(container.name)
      ? []
      : [
          {
            field: `change.containers[${index}].name`,
            reason: `DaemonSet ${namespace}/${name} has no container named ${container.name}; it has: ${known.join(', ')}`,
          },
        ],
  );
}
