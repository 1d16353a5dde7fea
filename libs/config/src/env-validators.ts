import { z } from 'zod';

// Each validator reports a reason that completes "<VARIABLE> ..." into one readable sentence.

export function wholeNumber(min: number, max: number) {
  return z.string().transform((raw, ctx) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}, got "${raw}"` });
      return z.NEVER;
    }
    return value;
  });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().transform((raw, ctx) => {
    const value = raw.trim().toLowerCase();
    if (!values.includes(value)) {
      ctx.addIssue({ code: 'custom', message: `must be one of ${values.join(', ')}, got "${raw}"` });
      return z.NEVER;
    }
    return value as T[number];
  });
}

export function postgresUrl() {
  return z.string().transform((raw, ctx) => {
    const url = URL.parse(raw.trim());
    if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname) {
      ctx.addIssue({ code: 'custom', message: 'must be a URL like postgres://user:password@host:5432/database' });
      return z.NEVER;
    }
    return raw.trim();
  });
}

export function brokerList() {
  return z.string().transform((raw, ctx) => {
    const brokers = raw
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker.length > 0);
    const malformed = brokers.find((broker) => !/^[^\s:/]+:\d{1,5}$/.test(broker));
    if (brokers.length === 0 || malformed !== undefined) {
      const got = malformed === undefined ? '' : `, got "${malformed}"`;
      ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of host:port${got}` });
      return z.NEVER;
    }
    return brokers;
  });
}

export function commaList<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().transform((raw, ctx) => {
    const items = raw
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter((item) => item.length > 0);
    const unknown = items.find((item) => !values.includes(item));
    if (items.length === 0 || unknown !== undefined) {
      const got = unknown === undefined ? 'an empty list' : `"${unknown}"`;
      ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of ${values.join(', ')}, got ${got}` });
      return z.NEVER;
    }
    return [...new Set(items)] as T[number][];
  });
}

export function nonBlank() {
  return z.string().transform((raw, ctx) => {
    if (raw.trim().length === 0) {
      ctx.addIssue({ code: 'custom', message: 'must not be blank' });
      return z.NEVER;
    }
    return raw.trim();
  });
}
