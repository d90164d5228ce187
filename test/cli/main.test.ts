import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../support/cli.js';

test('an unknown command is refused with exit 2 and names the command', async () => {
  const c = captureIO();
  assert.equal(await main(['frobnicate'], c.io), 2);
  assert.match(c.err(), /unknown command 'frobnicate'/);
});

test('--help lists the commands and exits 0', async () => {
  const c = captureIO();
  assert.equal(await main(['--help'], c.io), 0);
  assert.match(c.out(), /match +match a stream/);
});
