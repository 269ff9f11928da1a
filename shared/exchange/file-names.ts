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
