/** How many history rows verification reads per page; provide it to trade round trips for memory. */
export const VERIFY_PAGE_ROWS = Symbol('VERIFY_PAGE_ROWS');

export const DEFAULT_VERIFY_PAGE_ROWS = 5000;
