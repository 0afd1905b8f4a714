// ISO 8601 date-time with a zone: `2019-08-12T17:00:00+08:00` or `...Z` (ram-policy-reference §1.7), or a plain date.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why the value is not an ISO 8601 date or date-time with a zone naming a real instant, or
 * undefined when it is one. The form is checked first, then the calendar: month 01-12, a day that
 * exists in its month (`2026-02-30` does not, `2028-02-29` does), hours 00-23, minutes and seconds
 * 00-59, zone offsets up to 23:59. `Date.parse` is not enough: it rolls `2026-02-30` over to March 2.
 */
export function isoDateProblem(value: string): string | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return 'is not an ISO 8601 date (such as 2026-12-31T23:59:59+08:00)';
  const [, y, mo, d, h, mi, s, zh, zm] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return `is not a calendar date (month ${mo} does not exist)`;
  if (day < 1 || day > daysIn(year, month)) {
    return `is not a calendar date (${y}-${mo} has ${daysIn(year, month)} days, no day ${d})`;
  }
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59)) return `is not a time of day (${h}:${mi})`;
  if (s !== undefined && Number(s) > 59) return `is not a time of day (second ${s})`;
  if (zh !== undefined && (Number(zh) > 23 || Number(zm) > 59)) return `has no valid zone offset (${zh}:${zm})`;
  return undefined;
}
