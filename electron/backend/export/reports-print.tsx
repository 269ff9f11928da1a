// The print pages also run under tsx (web host, bench), which reads no tsconfig for them:
// the pragma keeps them on the automatic JSX runtime, as the bundlers compile them.
/** @jsxRuntime automatic */
import { renderToStaticMarkup } from 'react-dom/server';
import { ReportsDocument, type ReportsPrintInput } from '../../../renderer/src/print/ReportsDocument';

export type { ReportsPrintInput };

export function reportsPrintHtml(input: ReportsPrintInput): string {
  const body = renderToStaticMarkup(<ReportsDocument input={input} />);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${input.view.planName}</title></head><body>${body}</body></html>`;
}
