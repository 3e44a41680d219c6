// @ts-check
import { ApiError, createAgentApi, whoAmI } from '../api.js';

/** @typedef {import('./types.js').Me} Me */

/**
 * What the key may do: `GET /me`. A service without it (before that route) is asked for something every agent key
 * may read, and the key is taken as an agent's without the reboot right.
 * @param {string} key
 * @returns {Promise<Me>}
 */
export async function loadMe(key) {
  try {
    return /** @type {Me} */ (await whoAmI(key));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) {
      throw error;
    }
  }
  await createAgentApi(key, () => {}).get('/thresholds');
  return {
    keyId: '',
    name: '',
    roles: ['agent'],
    may: { checkLines: true, reboot: false, needsLineToken: true },
  };
}
