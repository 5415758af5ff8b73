/**
 * The figure contract: what every figure declares in its `src/figures/<id>/figure.ts`.
 * The registry, the Figure frame, the embed route, the catalogue and the tests are all driven by it.
 * CONTRIBUTING.md ("Adding a figure") walks through a new figure; docs/figures.md explains the pieces.
 */

import type { ParamDecls, ParamValues } from '../lib/url-state.ts';

/** A small table of what is shown; cells are already formatted text. */
export interface DataTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** What the figure shows, in words and as a table, for screen readers, readers without JavaScript and print. */
export interface TextAlternative {
  /** One or two sentences describing what is drawn at these settings. */
  summary: string;
  table: DataTable;
}

export interface FigureCredit {
  /** Who made the figure and where its numbers come from. */
  credit: string;
  /** SPDX-style licence name, e.g. "CC-BY-4.0". */
  licence: string;
  licenceUrl: string;
}

export interface FigureDefinition<P extends ParamDecls = ParamDecls, D = unknown> {
  /** Stable forever: it is part of published URLs (/embed/<id>/, #fig-<id>). Equals the folder name. */
  id: string;
  title: string;
  /** One sentence for the catalogue, the embed page's description and the iframe's title. */
  description: string;
  /** Parameters in control order; the URL codec, the controls and the catalogue read these. */
  params: P;
  /** Build-time lab output (JSON-safe, rounded): `data.json`, written by the folder's `data.ts`. */
  data: D;
  /**
   * The text alternative for what is on screen: these values, drawn from `data` — the build-time data, or
   * data of the same shape trained live in the reader's browser (shared/TextAlternative.tsx passes what the
   * drawing shows). Shown in the figure and checked by the snapshot tests.
   */
  describe(values: ParamValues<P>, data: D): TextAlternative;
  credit: FigureCredit;
  /** Height in CSS pixels of the embed page at 640 px wide: the iframe's height before it reports its own. */
  embedHeight: number;
}

/** Identity function that checks a figure definition and keeps its parameter and data types. */
export function defineFigure<const P extends ParamDecls, D>(definition: FigureDefinition<P, D>): FigureDefinition<P, D> {
  return definition;
}

/** Where a figure is rendered: its behaviour differs only in small ways (the embed page has no menu). */
export type FigureContext = 'article' | 'embed' | 'catalogue';

/** The props every island and every Island.astro wrapper takes: small, JSON-safe. */
export interface FigureIslandProps {
  /** The figure's anchor on this page (`fig-<id>`, `fig-<id>-2`, …): its element id and its URL namespace. */
  anchor: string;
  context: FigureContext;
}

/**
 * The anchor of the n-th appearance of a figure on a page (n from 1): `fig-<id>`, then `fig-<id>-2`, …
 * Its element id and its URL namespace. Embed pages and the catalogue show one copy: `figureAnchor(id)`.
 */
export function figureAnchor(id: string, n = 1): string {
  return n === 1 ? `fig-${id}` : `fig-${id}-${n}`;
}

/** src/figures/ of this checkout (a file path; only where the sources are on disk: Node, tests, scripts). */
const sourceFiguresDir = () => process.getBuiltinModule('node:url').fileURLToPath(new URL('./', import.meta.url));

/**
 * Every registered figure's id: the folders of `figuresDir` (default: src/figures/) that hold a figure.ts,
 * sorted. The one rule for "is a figure" outside Vite (whose registry.ts expresses it as the glob
 * './*\/figure.ts'). Node only: it reads the file system through process.getBuiltinModule, so importing
 * this module in the browser stays free of Node modules.
 */
export function figureFolders(figuresDir = sourceFiguresDir()): string[] {
  const { existsSync, readdirSync } = process.getBuiltinModule('node:fs');
  const { join } = process.getBuiltinModule('node:path');
  if (!existsSync(figuresDir)) return [];
  return readdirSync(figuresDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(figuresDir, d.name, 'figure.ts')))
    .map((d) => d.name)
    .sort();
}

/** The island's file name inside the figure's folder: `parameters-vs-activations` → `ParametersVsActivations` (.tsx). */
export function islandFileName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}
