/** Turning typed arrays into the plain, rounded, JSON-safe arrays that cross to figures and the CLI. */

/** Round to `precision` significant digits (keeps JSON short; the lab's results never need more). */
export function round(value: number, precision = 6): number {
  return Number(value.toPrecision(precision));
}

export function toPlainArray(values: ArrayLike<number>, precision = 6): number[] {
  return Array.from(values, (value) => round(value, precision));
}

/** A row-major rows×cols matrix as an array of rows. */
export function toPlainMatrix(values: ArrayLike<number>, rows: number, cols: number, precision = 6): number[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => round(values[r * cols + c]!, precision)),
  );
}

export type JsonValue = number | string | boolean | null | JsonValue[] | { [key: string]: JsonValue };
