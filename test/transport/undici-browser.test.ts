// The browser build swaps transport/undici.ts for this stub (tsup.config.ts): there, transport: 'undici'
// is a ConfigError at construction, and nothing of undici is bundled.
import { expect, it } from 'vitest';
import { ConfigError } from '../../src/index.js';
import { createUndiciFetch } from '../../src/transport/undici.browser.js';

it("refuses transport: 'undici' outside Node with a ConfigError naming the one transport there is", () => {
  expect(() => createUndiciFetch()).toThrow(ConfigError);
  expect(() => createUndiciFetch()).toThrow(/Node only.*'fetch'/);
});
