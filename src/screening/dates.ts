// Comparison of dates of birth that may be partial ("1980", "1980-05"), several per person,
// or entered with day and month swapped or a digit wrong.

export interface PartialDate { year: number; month?: number; day?: number }

export type DobAgreement =
  | 'exact' | 'same-month' | 'same-year' | 'day-month-swapped' | 'year-off-by-one' | 'one-digit'
  | 'near' | 'different';

export interface DobComparison {
  agreement: DobAgreement;
  query: string;
  record: string;
  /** Years between the two dates (0 when they agree at the precision both have). */
  yearGap: number;
}

/** Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" (also with / or . separators, or YYYYMMDD). */
export function parseDate(text: string): PartialDate | null {
  const t = text.trim();
  const m = /^(\d{4})(?:[-/.]?(\d{1,2})(?:[-/.]?(\d{1,2}))?)?$/.exec(t);
  if (!m) return null;
  // 00 is how many registers write an unknown month or day.
  const year = Number(m[1]);
  const month = m[2] && Number(m[2]) > 0 ? Number(m[2]) : undefined;
  const day = month && m[3] && Number(m[3]) > 0 ? Number(m[3]) : undefined;
  if (year < 1000 || (month !== undefined && (month < 1 || month > 12)) || (day !== undefined && (day < 1 || day > 31))) return null;
  return { year, ...(month ? { month } : {}), ...(month && day ? { day } : {}) };
}

function digits(d: PartialDate): string {
  return `${d.year}${String(d.month ?? 0).padStart(2, '0')}${String(d.day ?? 0).padStart(2, '0')}`;
}

function compareOne(q: PartialDate, r: PartialDate): DobAgreement {
  const yearGap = Math.abs(q.year - r.year);
  const bothMonths = q.month !== undefined && r.month !== undefined;
  const bothDays = q.day !== undefined && r.day !== undefined;
  if (yearGap === 0) {
    if (!bothMonths) return 'same-year';
    if (q.month === r.month) {
      if (!bothDays) return 'same-month';
      if (q.day === r.day) return 'exact';
    }
    if (bothDays && q.month === r.day && q.day === r.month) return 'day-month-swapped';
  }
  if (bothMonths && bothDays) {
    const a = digits(q);
    const b = digits(r);
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
    if (yearGap === 1 && q.month === r.month && q.day === r.day) return 'year-off-by-one';
    if (diff === 1) return 'one-digit';
  } else if (yearGap === 1 && (!bothMonths || q.month === r.month)) {
    return 'year-off-by-one';
  }
  return yearGap <= 2 ? 'near' : 'different';
}

/** How strongly each agreement speaks for one person (higher is stronger); used to pick the best pair. */
export const DOB_RANK: Record<DobAgreement, number> = {
  exact: 7, 'same-month': 6, 'day-month-swapped': 5, 'same-year': 4, 'one-digit': 4, 'year-off-by-one': 3,
  near: 1, different: 0,
};

/** A date as written, with its parsed form. */
export interface WrittenDate { text: string; date: PartialDate }

/** Parses the usable dates of a list; unparsable ones are left out. */
export function parseDates(texts: readonly string[]): WrittenDate[] {
  const out: WrittenDate[] = [];
  for (const text of texts) {
    const date = parseDate(text);
    if (date) out.push({ text, date });
  }
  return out;
}

/**
 * The most favourable agreement between any query date and any record date, or null when
 * either side has no usable date.
 */
export function compareParsedDobs(query: readonly WrittenDate[], record: readonly WrittenDate[]): DobComparison | null {
  let best: DobComparison | null = null;
  for (const q of query) {
    for (const r of record) {
      const agreement = compareOne(q.date, r.date);
      const yearGap = Math.abs(q.date.year - r.date.year);
      if (!best || DOB_RANK[agreement] > DOB_RANK[best.agreement] || (DOB_RANK[agreement] === DOB_RANK[best.agreement] && yearGap < best.yearGap)) {
        best = { agreement, query: q.text, record: r.text, yearGap };
      }
    }
  }
  return best;
}

/** compareParsedDobs on dates as written. */
export function compareDobs(query: readonly string[], record: readonly string[]): DobComparison | null {
  return compareParsedDobs(parseDates(query), parseDates(record));
}
