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

/**
 * A date as one number, YYYYMMDD with 00 for an unknown month or day: how the screening index
 * keeps its records' dates (a typed array, not an object per record).
 */
export function packDate(d: PartialDate): number {
  return d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0);
}

/** Decimal digits in which two packed dates differ. */
function digitsApart(a: number, b: number): number {
  let diff = 0;
  for (; a > 0 || b > 0; a = Math.floor(a / 10), b = Math.floor(b / 10)) if (a % 10 !== b % 10) diff++;
  return diff;
}

/** How two packed dates agree (see packDate); works on numbers so that blocking can ask it of every candidate. */
export function comparePacked(q: number, r: number): DobAgreement {
  const qYear = Math.floor(q / 10000);
  const rYear = Math.floor(r / 10000);
  const qMonth = Math.floor(q / 100) % 100;
  const rMonth = Math.floor(r / 100) % 100;
  const qDay = q % 100;
  const rDay = r % 100;
  const yearGap = Math.abs(qYear - rYear);
  const bothMonths = qMonth > 0 && rMonth > 0;
  const bothDays = qDay > 0 && rDay > 0;
  if (yearGap === 0) {
    if (!bothMonths) return 'same-year';
    if (qMonth === rMonth) {
      if (!bothDays) return 'same-month';
      if (qDay === rDay) return 'exact';
    }
    if (bothDays && qMonth === rDay && qDay === rMonth) return 'day-month-swapped';
  }
  if (bothMonths && bothDays) {
    if (yearGap === 1 && qMonth === rMonth && qDay === rDay) return 'year-off-by-one';
    if (digitsApart(q, r) === 1) return 'one-digit';
  } else if (yearGap === 1 && (!bothMonths || qMonth === rMonth)) {
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
      const agreement = comparePacked(packDate(q.date), packDate(r.date));
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
