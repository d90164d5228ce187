/**
 * The behaviour every Store must show, run against each implementation:
 * `runStoreContract('sqlite file', () => Promise.resolve(openStore(path)))`.
 * Each test gets a fresh, empty store from makeStore and closes it.
 */
import { describe } from 'node:test';
import { findingsContract, sightingsContract } from './contract-findings.js';
import { checkpointContract, factsContract, queryContract, triageContract } from './contract-state.js';
import type { MakeStore } from './with-store.js';

export function runStoreContract(name: string, makeStore: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    findingsContract(makeStore);
    sightingsContract(makeStore);
    checkpointContract(makeStore);
    triageContract(makeStore);
    factsContract(makeStore);
    queryContract(makeStore);
  });
}
