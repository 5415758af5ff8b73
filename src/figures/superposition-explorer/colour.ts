/**
 * Importance as colour: a mix of --fig-cat-2 (importance 1) and --fig-cat-3 (importance near 0), set through
 * a custom property so light and dark mode both follow the palette. Always paired with the feature's number.
 */
export function importanceStyle(importance: number): string {
  return `--sx-importance:${Math.round(Math.max(0, Math.min(1, importance)) * 100)}%`;
}
