import ExcelJS from 'exceljs';
import { cellNumber, defuseFormula, type ReportTable } from './report-tables';

export interface XlsxCover {
  planName: string;
  currency: string;
  from: string;
  to: string;
  departments?: readonly string[] | undefined;
  generatedAt: Date;
}

/**
 * One sheet per report with typed cells and a frozen header, after a cover sheet naming the
 * plan, range and generation time. Text never becomes a formula: cells are written as
 * values, and text starting with a formula character is defused as in CSV.
 */
export async function tablesToXlsx(tables: ReportTable[], cover: XlsxCover): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'TM Planner';
  wb.created = cover.generatedAt;
  const c = wb.addWorksheet('Cover');
  c.columns = [{ width: 22 }, { width: 60 }];
  c.addRow(['TM Planner report']).font = { bold: true, size: 14 };
  c.addRow(['Plan', defuseFormula(cover.planName)]);
  c.addRow(['Weeks', `${cover.from} to ${cover.to}`]);
  c.addRow(['Departments', cover.departments && cover.departments.length > 0 ? cover.departments.map(defuseFormula).join(', ') : 'all']);
  c.addRow(['Currency', cover.currency]);
  c.addRow(['Generated', cover.generatedAt.toISOString()]);
  c.addRow(['Reports', tables.map((t) => t.title).join(', ')]);

  for (const t of tables) {
    const ws = wb.addWorksheet(t.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.columns.map((col) => ({ header: col.name, key: col.name, width: Math.max(12, col.name.length + 2) }));
    ws.getRow(1).font = { bold: true };
    const moneyFmt = t.minorDigits > 0 ? `#,##0.${'0'.repeat(t.minorDigits)}` : '#,##0';
    t.columns.forEach((col, i) => {
      const column = ws.getColumn(i + 1);
      if (col.type === 'hours') column.numFmt = '0.00';
      if (col.type === 'money') column.numFmt = moneyFmt;
      if (col.type === 'text') column.width = 24;
    });
    for (const row of t.rows) {
      ws.addRow(
        row.map((v, i) => {
          const type = t.columns[i]!.type;
          if (v === null) return null;
          if (typeof v === 'number') return cellNumber(v, type, t.minorDigits);
          if (typeof v === 'boolean') return v;
          return type === 'text' ? defuseFormula(v) : v;
        }),
      );
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
