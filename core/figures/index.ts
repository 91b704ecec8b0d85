/** Key figures of a report: the public API of core/figures. */
export { chineseNumeralValue } from './chinese-numeral';
export type { Approximation, Figure, FigureKind } from './figure-model';
export { comparableQuantity } from './figure-units';
export { csvField, figuresToCsv } from './figures-csv';
export { figureSectionLabel, figureTable, figuresToTsv } from './figure-table';
export type { FigureTable } from './figure-table';
export { extractFigures, paragraphFigures, sectionsById } from './extract-figures';
export type { ExtractOptions } from './extract-figures';
export { figuresInText } from './figures-in-text';
export type { FigureContext } from './figures-in-text';
export { figuresInTable, headerUnit } from './table-figures';
export type { TableCellText } from './table-figures';
export { figureUnits, filterFigures, sectionAndDescendants, sortFigures } from './filter-figures';
export type { FigureFilter, FigureSortOrder } from './filter-figures';
export { formatFigureValue, formatNumber } from './format-figure';
