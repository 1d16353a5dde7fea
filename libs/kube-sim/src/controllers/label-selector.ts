import {
  matchesLabels,
  parseLabelInteger,
  type LabelRequirement,
  type LabelSelector as ParsedLabelSelector,
} from '../store/label-selector.js';
import type { LabelSelector, Requirement } from './kube-wire.types.js';

type Labels = Readonly<Record<string, string>> | undefined;

// An empty `in` set holds no value: the stand-in for an operator or bound the API server would reject.
const matchesNothing = (key: string): LabelRequirement => ({ key, operator: 'in', values: [] });

/** One structured requirement (In, NotIn, Exists, DoesNotExist, Gt, Lt) in the store's parsed form. */
export function toLabelRequirement(requirement: Requirement): LabelRequirement {
  const { key } = requirement;
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return { key, operator: 'in', values };
    case 'NotIn':
      return { key, operator: 'notin', values };
    case 'Exists':
      return { key, operator: 'exists' };
    case 'DoesNotExist':
      return { key, operator: 'doesnotexist' };
    case 'Gt':
    case 'Lt': {
      const bound = parseLabelInteger(values[0]);
      if (bound === undefined) return matchesNothing(key);
      return { key, operator: requirement.operator === 'Gt' ? 'gt' : 'lt', value: bound };
    }
    default:
      return matchesNothing(key);
  }
}

/** A metav1.LabelSelector as the store's requirement list: matchLabels are `in` requirements of one value. */
export function toParsedLabelSelector(selector: LabelSelector): ParsedLabelSelector {
  return [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, value]): LabelRequirement => ({
      key,
      operator: 'in',
      values: [value],
    })),
    ...(selector.matchExpressions ?? []).map(toLabelRequirement),
  ];
}

/** One requirement of a label selector or a node selector term. */
export function matchesRequirement(labels: Labels, requirement: Requirement): boolean {
  return matchesLabels([toLabelRequirement(requirement)], labels);
}

/** metav1.LabelSelector semantics: an empty selector matches everything; an absent one matches nothing. */
export function matchesLabelSelector(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (selector === undefined) return false;
  return matchesLabels(toParsedLabelSelector(selector), labels);
}
