/** Assigns only a real change, so an unchanged schema field never reaches a patch. */
export function assignIfChanged<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K],
): void {
  if (target[key] !== value) target[key] = value;
}
