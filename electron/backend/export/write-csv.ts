import { csvLine } from './csv-write';
import { cellText, defuseFormula, type ReportTable } from './report-tables';

/** Free-text cells are defused; numbers, weeks and booleans are written as they are. */
export function tableToCsv(t: ReportTable): string {
  const lines = [csvLine(t.columns.map((c) => c.name))];
  for (const row of t.rows) {
    lines.push(
      csvLine(
        row.map((v, i) => {
          const type = t.columns[i]!.type;
          const text = cellText(v, type, t.minorDigits);
          return type === 'text' ? defuseFormula(text) : text;
        }),
      ),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
