import { decodeHTMLStrict } from 'entities/decode';

/**
 * Decode the named character reference `&value;`.
 * @param {string} value
 * @returns {string | false}
 */
export function decodeNamedCharacterReference(value) {
  const ref = '&' + value + ';';
  const out = decodeHTMLStrict(ref);
  return out === ref ? false : out;
}
