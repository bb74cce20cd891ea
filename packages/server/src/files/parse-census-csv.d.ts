import { type CensusParseResult } from '@mutualis/core';
import type { ParseCensusFileOptions } from './parse-census-xlsx';
/** Reads a census CSV (`;` or `,`, UTF-8 with or without BOM, decimal comma); rows are numbered by file line. */
export declare function parseCensusCsv(text: string, options: ParseCensusFileOptions): CensusParseResult;
