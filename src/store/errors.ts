/** Why a database could not be opened; the message names the file and says what to do. */
export type StoreErrorCode = 'missing' | 'not-a-database' | 'not-squatwatch' | 'newer-schema';

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly path: string;

  constructor(code: StoreErrorCode, path: string, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
    this.path = path;
  }
}
