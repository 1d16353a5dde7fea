/** An equality-based label selector (`k=v`, `k==v`, `k!=v`, `k`, `!k`), as kubectl accepts them. */
export interface LabelSelector {
  readonly equal: Readonly<Record<string, string>>;
  readonly notEqual: readonly Readonly<Record<string, string>>[];
  readonly present: readonly string[];
  readonly absent: readonly string[];
}

export const EVERY_LABEL: LabelSelector = { equal: {}, notEqual: [], present: [], absent: [] };

const KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
const REQUIREMENT = /^(!)?([^=!]+?)\s*(?:(==|=|!=)\s*([^=!]*))?$/;

export type LabelSelectorParse = { ok: true; selector: LabelSelector } | { ok: false; reason: string };

export function parseLabelSelector(text: string): LabelSelectorParse {
  const equal: Record<string, string> = {};
  const notEqual: Record<string, string>[] = [];
  const present: string[] = [];
  const absent: string[] = [];
  for (const part of text.split(',').map((item) => item.trim())) {
    const match = REQUIREMENT.exec(part);
    const [, negated, key, operator, value] = match ?? [];
    if (match === null || !KEY.test(key) || (negated !== undefined && operator !== undefined)) {
      return { ok: false, reason: `"${part}" is not a requirement of the form key=value, key!=value, key or !key` };
    }
    if (operator === undefined) {
      (negated === undefined ? present : absent).push(key);
    } else if (!VALUE.test(value.trim())) {
      return { ok: false, reason: `"${value}" is not a label value` };
    } else if (operator === '!=') {
      notEqual.push({ [key]: value.trim() });
    } else if (key in equal && equal[key] !== value.trim()) {
      return { ok: false, reason: `"${key}" cannot equal two values` };
    } else {
      equal[key] = value.trim();
    }
  }
  return { ok: true, selector: { equal, notEqual, present, absent } };
}
