import { createContext, useContext } from 'react';
import type { TimelineChip } from '../../../../shared/api';

/** Fixed sizes: windowing needs them, and the CSS reads the same numbers from variables. */
export const ROW_HEIGHT = 80;
export const COL_WIDTH = 136;
export const NAME_WIDTH = 208;
export const HEADER_HEIGHT = 44;
/** Chips shown in a cell before the rest fold into "+N". */
export const MAX_CHIPS = 3;

/** One chip where it sits: what a menu, a drag or a delete needs to know. */
export interface ChipTarget {
  chip: TimelineChip;
  specialistRef: number;
  specialistId: string;
  name: string;
  week: string;
}

export interface TimelineActions {
  openChipMenu(target: ChipTarget, anchor: HTMLElement): void;
  openCellMenu(target: Omit<ChipTarget, 'chip'>, anchor: HTMLElement): void;
  deleteChip(target: ChipTarget): void;
  /** True while a chip is being dragged: keys then belong to the drag. */
  isDragging(): boolean;
}

const noop = () => {};
export const TimelineActionsContext = createContext<TimelineActions>({
  openChipMenu: noop,
  openCellMenu: noop,
  deleteChip: noop,
  isDragging: () => false,
});

export const useTimelineActions = (): TimelineActions => useContext(TimelineActionsContext);

/** The drag in progress, for the source row (which shows the drop targets). */
export interface ActiveDrag extends ChipTarget {
  rowIndex: number;
  col: number;
}
