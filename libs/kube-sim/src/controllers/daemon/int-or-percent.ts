import type { IntOrString } from '../kube-wire.types.js';

/** intstr.GetScaledValueFromIntOrPercent: an integer as is, a percentage of total rounded up or down. */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number') return value;
  const match = /^(\d+)%$/.exec(value);
  if (match === null) {
    const asInteger = Number.parseInt(value, 10);
    if (String(asInteger) === value) return asInteger;
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage: ${value}`);
  }
  const scaled = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
