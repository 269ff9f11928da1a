// The words the Reports view uses for reports, formats and allocation columns.
import type { ExportFormat, ExportReport } from '../../../../shared/api';

export const EXPORT_REPORT_TITLE: Record<ExportReport, string> = {
  pack: 'Every report (pack)',
  utilization: 'Utilization',
  costs: 'Cost by request',
  stages: 'Cost by stage',
  skills: 'Skill demand and capacity',
  allocations: 'Allocations',
};

export const EXPORT_FORMAT_TITLE: Record<ExportFormat, string> = {
  xlsx: 'Excel workbook (XLSX)',
  csv: 'CSV',
  pdf: 'PDF',
};

/** "1.2 MB": a file's size in the system locale. */
export function fileSizeText(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
