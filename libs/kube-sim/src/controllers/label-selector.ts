import type { LabelSelector, Requirement } from './kube-wire.types.js';

type Labels = Readonly<Record<string, string>> | undefined;

/** One requirement of a label selector or a node selector term (In, NotIn, Exists, DoesNotExist, Gt, Lt). */
export function matchesRequirement(labels: Labels, requirement: Requirement): boolean {
  const value = labels?.[requirement.key];
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt':
      return compareAsIntegers(value, values[0], requirement.operator);
    default:
      return false;
  }
}

function compareAsIntegers(value: string | undefined, bound: string | undefined, operator: 'Gt' | 'Lt'): boolean {
  if (value === undefined || bound === undefined) return false;
  const left = Number.parseInt(value, 10);
  const right = Number.parseInt(bound, 10);
  if (Number.isNaN(left) || Number.isNaN(right)) return false;
  return operator === 'Gt' ? left > right : left < right;
}

/** metav1.LabelSelector semantics: an empty selector matches everything; an absent one matches nothing. */
export function matchesLabelSelector(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (selector === undefined) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels?.[key] !== value) return false;
  }
  return (selector.matchExpressions ?? []).every((requirement) => matchesRequirement(labels, requirement));
}
