// @ts-check
import { whoAmI } from '../api.js';

/**
 * What the key may do (`GET /me`): whether it checks lines, reboots, and needs a line token.
 * @param {string} key
 * @returns {Promise<import('./types.js').Me>}
 */
export async function loadMe(key) {
  return /** @type {import('./types.js').Me} */ (await whoAmI(key));
}
