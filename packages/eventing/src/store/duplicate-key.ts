/** FerretDB reports only the code, without `keyPattern` or `keyValue`, so the code is all we test. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
