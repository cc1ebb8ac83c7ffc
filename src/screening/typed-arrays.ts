// The index keeps its per-record and per-token facts in typed arrays, which cannot grow in place.

type Grown = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/** A copy of `array` with room for `size` elements (the first ones as they were, the rest zero). */
export function resized<T extends Grown>(array: T, size: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(size);
  bigger.set(array.length > size ? array.subarray(0, size) : array);
  return bigger;
}
