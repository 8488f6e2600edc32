/** The text of the UTF-16 units `codes[0, n)` (in slices: an argument list has a length limit). */
export function textOfCodes(codes: Uint16Array, n: number): string {
  if (n <= 4096) return String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
  let text = '';
  for (let i = 0; i < n; i += 4096) text += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return text;
}
