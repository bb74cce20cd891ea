/** How a stretch of a contract is drawn: firm period, renewals already exercised, renewal options still open, bridge contract. */
export type GanttSegmentKind = 'firm' | 'exercised' | 'option' | 'bridge';

export interface GanttSegment {
  from: string;
  /** Last day, inclusive. */
  to: string;
  kind: GanttSegmentKind;
  /** Tooltip text (SVG `<title>`). */
  title: string;
}

export interface GanttRow {
  id: string;
  label: string;
  sublabel?: string;
  /** Colour of the row's group (a wave): left stripe and entry marker. */
  color: string;
  segments: GanttSegment[];
  /** The day the row enters (a diamond), with its tooltip. */
  marker?: { date: string; title: string };
  /** Window the row may enter in; `to: null` means open-ended. */
  window?: { from: string; to: string | null };
  /** Shown in the plot when the row has no segment. */
  emptyText?: string;
}

export interface GanttLine {
  date: string;
  label: string;
  color: string;
  isDashed?: boolean;
}
