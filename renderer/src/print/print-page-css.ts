/**
 * What every printed page of TM Planner shares: A4 with a footer naming the document and
 * the page count, light colours kept by print-color-adjust (Chromium drops backgrounds
 * otherwise), one body font with fallbacks that exist on Linux print hosts.
 */
export function printPageCss(o: { footer: string; margin: string; font: string }): string {
  return `
@page {
  size: A4;
  margin: ${o.margin};
  @bottom-left { content: "${o.footer}"; font: 8pt system-ui, "DejaVu Sans", sans-serif; color: #6b7280; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, "DejaVu Sans", sans-serif; color: #6b7280; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  font: ${o.font} system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  color: #1f2937;
  background: #ffffff;
}`;
}
