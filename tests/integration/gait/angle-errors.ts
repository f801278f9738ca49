// Agreement of two angle series over the frames where both exist, for the validation tests.
export function rmse(a: ArrayLike<number>, b: ArrayLike<number>): { rmse: number; bias: number; n: number } {
  let s = 0;
  let d = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]! - b[i]!;
    if (Number.isFinite(x)) {
      s += x * x;
      d += x;
      n++;
    }
  }
  return { rmse: Math.sqrt(s / n), bias: d / n, n };
}
