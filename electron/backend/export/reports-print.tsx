// The print pages also run under tsx (web host, bench), which reads no tsconfig for them:
// the pragma keeps them on the automatic JSX runtime, as the bundlers compile them.
/** @jsxRuntime automatic */
import { renderToStaticMarkup } from 'react-dom/server';
import { ReportsDocument, type ReportsPrintInput } from '../../../renderer/src/print/ReportsDocument';
import { REPORTS_PRINT_CSS } from '../../../renderer/src/print/reports-print-css';

export type { ReportsPrintInput };
export { PRINT_ALLOCATION_LIMIT } from '../../../renderer/src/print/ReportsDocument';

/**
 * The Reports view as one self-contained HTML document, ready to print: the style is inline
 * (the charts' own style is hoisted into the body by React, once) and the policy forbids
 * loading anything, so printing needs no network, no files and no script.
 */
export function reportsPrintHtml(input: ReportsPrintInput): string {
  const title = `${input.view.planName} reports ${input.view.from} to ${input.view.to}`;
  const body = renderToStaticMarkup(<ReportsDocument input={input} />);
  const head = renderToStaticMarkup(
    <head>
      <meta charSet="utf-8" />
      <meta httpEquiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:" />
      <title>{title}</title>
      <style dangerouslySetInnerHTML={{ __html: REPORTS_PRINT_CSS }} />
    </head>,
  );
  return `<!doctype html><html lang="en-GB">${head}<body>${body}</body></html>`;
}
