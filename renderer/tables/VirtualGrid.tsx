import { Button, makeStyles, mergeClasses, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { flexRender, getCoreRowModel, useReactTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { ColumnDef } from '@tanstack/react-table';

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 40;

const useStyles = makeStyles({
  grid: {
    position: 'relative',
    height: '560px',
    maxHeight: '70vh',
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    outlineStyle: 'none',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  head: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, width: 'fit-content', minWidth: '100%' },
  body: { position: 'relative', minWidth: '100%' },
  row: {
    display: 'flex',
    alignItems: 'center',
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: '100%',
  },
  headRow: { height: `${HEADER_HEIGHT}px`, fontWeight: tokens.fontWeightSemibold },
  bodyRow: {
    position: 'absolute',
    top: 0,
    left: 0,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '-2px',
  },
  cell: {
    flexShrink: 0,
    boxSizing: 'border-box',
    padding: `0 ${tokens.spacingHorizontalS}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  grow: { flexGrow: 1 },
  sortButton: { justifyContent: 'flex-start', minWidth: 0, maxWidth: '100%', fontWeight: tokens.fontWeightSemibold, paddingLeft: 0 },
  hint: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** A row of the virtual window: its place in the sorted list, and the item once its page has arrived. */
export interface WindowRow<T> {
  index: number;
  item: T | undefined;
}

export interface GridSort<C extends string> {
  column: C;
  direction: 'asc' | 'desc';
}

export interface VirtualGridProps<T, C extends string> {
  /** The grid's accessible name, and the hint read with it (how to move and open). */
  label: string;
  hint: string;
  columns: ColumnDef<WindowRow<T>, unknown>[];
  /** The column that takes the width left over. */
  growColumn: string;
  /** The columns main can sort by; a header of another column does not sort. */
  sortColumns: readonly C[];
  total: number;
  rowAt: (index: number) => T | undefined;
  showRange: (first: number, last: number) => void;
  sort: GridSort<C>;
  onSortChange: (sort: GridSort<C>) => void;
  onOpen: (item: T) => void;
}

/**
 * Rows main filters, sorts and pages, as an ARIA grid whose rows are virtual: only the rows on screen are in the DOM, the
 * scroll height is the whole filtered total, and each page of rows is fetched as it scrolls into
 * view. Main sorts and filters, so TanStack Table runs in manual mode and holds the columns and the
 * sort state. One tab stop for the rows: arrow keys, Page Up/Down, Home and End move the active row
 * (aria-activedescendant), Enter opens it; the sortable column headers are buttons.
 */
export function VirtualGrid<T, C extends string>({ label, hint, columns, growColumn, sortColumns, total, rowAt, showRange, sort, onSortChange, onOpen }: VirtualGridProps<T, C>) {
  const styles = useStyles();
  const isSortColumn = (id: string): id is C => (sortColumns as readonly string[]).includes(id);
  const ids = useId();
  const hintId = `${ids}-hint`;
  const rowId = (index: number) => `${ids}-row-${index}`;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  // A panel opened from a row gives the focus back here when it closes.
  const restoreFocusTarget = useRestoreFocusTarget();

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read on every render; this app does not use the React Compiler.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // The sticky header sits above the rows inside the same scroll box.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const firstShown = items[0]?.index ?? 0;
  const lastShown = items.at(-1)?.index ?? 0;
  useEffect(() => showRange(firstShown, lastShown), [showRange, firstShown, lastShown]);

  const sorting: SortingState = [{ id: sort.column, desc: sort.direction === 'desc' }];
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = (typeof updater === 'function' ? updater(sorting) : updater)[0];
    if (!next || !isSortColumn(next.id)) return;
    // A new sort keeps the grid (and the focus on its header) but starts again from the first row.
    setActive(0);
    scrollRef.current?.scrollTo({ top: 0 });
    onSortChange({ column: next.id, direction: next.desc ? 'desc' : 'asc' });
  };
  const data: WindowRow<T>[] = items.map((item) => ({ index: item.index, item: rowAt(item.index) }));
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.index),
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    rowCount: total,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange,
  });

  const activeIndex = Math.min(active, Math.max(total - 1, 0));
  const activeShown = total > 0 && items.some((item) => item.index === activeIndex);
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const openAt = (index: number) => {
    const item = rowAt(index);
    if (item !== undefined) onOpen(item);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || total === 0) return;
    const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
        moveTo(activeIndex - 1);
        break;
      case 'PageDown':
        moveTo(activeIndex + pageRows);
        break;
      case 'PageUp':
        moveTo(activeIndex - pageRows);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(total - 1);
        break;
      case 'Enter':
      case ' ':
        openAt(activeIndex);
        break;
      default:
        return;
    }
    event.preventDefault();
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    setFocused(true);
    // Coming back after scrolling with the mouse: the active row is the first one in view.
    if (!activeShown && items.length > 0)
      setActive(items.find((item) => item.start >= (scrollRef.current?.scrollTop ?? 0) + HEADER_HEIGHT)?.index ?? firstShown);
  };

  const headerGroup = table.getHeaderGroups()[0];
  const rows = table.getRowModel().rows;
  return (
    <>
      {/* Outside the grid: a grid holds rows only. */}
      <span id={hintId} className={styles.hint}>
        {hint}
      </span>
      <div
        ref={scrollRef}
        {...restoreFocusTarget}
        role="grid"
        aria-label={label}
        aria-describedby={hintId}
        aria-rowcount={total + 1}
        aria-colcount={columns.length}
        aria-activedescendant={focused && activeShown ? rowId(activeIndex) : undefined}
        tabIndex={0}
        className={styles.grid}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={(event) => event.target === event.currentTarget && setFocused(false)}
      >
        <div role="rowgroup" className={styles.head}>
          <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.headRow)}>
            {headerGroup?.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  className={mergeClasses(styles.cell, header.column.id === growColumn && styles.grow)}
                  style={{ width: `${header.getSize()}px` }}
                >
                  <Button
                    appearance="transparent"
                    size="small"
                    className={styles.sortButton}
                    icon={sorted === 'desc' ? <ArrowSortDownRegular /> : sorted === 'asc' ? <ArrowSortUpRegular /> : null}
                    iconPosition="after"
                    onClick={header.column.getToggleSortingHandler()}
                  >
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </Button>
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className={styles.body} style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {rows.map((row, position) => {
            const item = items[position];
            if (!item) return null;
            return (
              <div
                key={item.key}
                id={rowId(item.index)}
                role="row"
                aria-rowindex={item.index + 2}
                className={mergeClasses(styles.row, styles.bodyRow, focused && item.index === activeIndex && styles.active)}
                style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
                onClick={() => {
                  setActive(item.index);
                  openAt(item.index);
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <div
                    key={cell.id}
                    role="gridcell"
                    className={mergeClasses(styles.cell, cell.column.id === growColumn && styles.grow)}
                    style={{ width: `${cell.column.getSize()}px` }}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
