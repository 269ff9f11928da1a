/**
 * File names for what a request exports: its id where the id is safe in a file name on
 * every system, with anything else replaced, so "R12" gives R12.json and R12-staffing.pdf.
 */
export function requestFileStem(requestId: string): string {
  const safe = requestId
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return safe === '' ? 'request' : safe;
}

export const requestFileName = (requestId: string): string => `${requestFileStem(requestId)}.json`;

export const staffingSummaryFileName = (requestId: string, ext: 'json' | 'pdf'): string => `${requestFileStem(requestId)}-staffing.${ext}`;

/**
 * The file an export writes, named after what it holds so that a folder of monthly exports
 * sorts by report and range: "tm-planner-costs-2026-W49_2027-W08.xlsx".
 */
export function reportFileName(
  report: string,
  format: 'csv' | 'xlsx' | 'pdf',
  range?: { from?: string | undefined; to?: string | undefined },
): string {
  const span =
    range?.from && range.to ? `-${range.from}_${range.to}` : range?.from ? `-from-${range.from}` : range?.to ? `-to-${range.to}` : '';
  return `tm-planner-${report}${span}.${format}`;
}
