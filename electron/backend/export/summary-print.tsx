// The print pages also run under tsx (web host, bench), which reads no tsconfig for them:
// the pragma keeps them on the automatic JSX runtime, as the bundlers compile them.
/** @jsxRuntime automatic */
import { renderToStaticMarkup } from 'react-dom/server';
import type { StaffingSummaryFile } from '../../../shared/exchange/request-file';
import { StaffingSummaryDocument } from '../../../renderer/src/print/StaffingSummaryDocument';
import { STAFFING_SUMMARY_CSS } from '../../../renderer/src/print/staffing-summary-css';

/**
 * The staffing summary as one self-contained HTML document, ready to print: the style is
 * inline and the policy forbids loading anything, so printing needs no network, no files
 * and no script (the desktop shell prints it with JavaScript disabled).
 */
export function staffingSummaryHtml(summary: StaffingSummaryFile, o: { planName: string; minorDigits: number }): string {
  const title = `${summary.request.id} staffing summary`;
  const body = renderToStaticMarkup(<StaffingSummaryDocument summary={summary} planName={o.planName} minorDigits={o.minorDigits} />);
  const head = renderToStaticMarkup(
    <head>
      <meta charSet="utf-8" />
      <meta httpEquiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:" />
      <title>{title}</title>
      <style dangerouslySetInnerHTML={{ __html: STAFFING_SUMMARY_CSS }} />
    </head>,
  );
  return `<!doctype html><html lang="en">${head}<body>${body}</body></html>`;
}
