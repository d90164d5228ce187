import type { Store } from '../../src/store/index.js';

export type MakeStore = () => Promise<Store>;

/** Runs body on a fresh store from makeStore, closing it whatever happens. */
export async function using(makeStore: MakeStore, body: (store: Store) => Promise<void>): Promise<void> {
  const store = await makeStore();
  try {
    await body(store);
  } finally {
    await store.close();
  }
}
