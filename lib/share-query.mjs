/**
 * The length limit of share links and how a link's length is measured. Plain JavaScript (types in
 * share-query.d.mts) because two runtimes need the same numbers and the same measure: lib/share.ts (the
 * encoder and decoder, which re-exports all of this) and the production server's request guard
 * (lib/http/request-guard.mjs, loaded by bare `node` before Next.js runs). Pure: URLSearchParams and
 * encodeURIComponent only, O(length).
 */

/** Longest query string (after "?") a share link may have, measured as share links write it (queryLength). */
export const MAX_QUERY_LENGTH = 8000;

/**
 * Raw query text longer than this is too long whatever it decodes to, and is refused without being parsed: a
 * percent-escape ("%2C") is the most text that can stand for one character of a written link (",").
 */
export const RAW_QUERY_MAX = 3 * MAX_QUERY_LENGTH;

/**
 * Like URLSearchParams.toString(), but leaves , : / = @ ! * ( ) ~ unescaped in values so short links
 * stay readable ("packages=psycopg2,numpy==2.1"). Space is "+", and "+", "&", "#", "%", "[", "]"
 * (curl globbing), quotes and < > stay escaped. URLSearchParams decodes both spellings alike.
 *
 * @param {URLSearchParams} params
 * @returns {string}
 */
export function formatQuery(params) {
  /** @param {string} s */
  const enc = (s) => encodeURIComponent(s).replace(/%20/g, "+");
  return [...params]
    .map(([k, v]) => `${enc(k)}=${enc(v).replace(/%(2C|3A|2F|3D|40)/g, (m) => decodeURIComponent(m))}`)
    .join("&");
}

/**
 * The length MAX_QUERY_LENGTH applies to: the query as formatQuery writes it. Raw text is parsed first (servers
 * re-escape queries: Next.js hands routes "a%2Cb" for "a,b"), except text longer than RAW_QUERY_MAX, which is too
 * long whatever it says and is measured as it is, unparsed.
 *
 * @param {string | URLSearchParams} query
 * @returns {number}
 */
export function queryLength(query) {
  if (typeof query === "string") {
    if (query.length > RAW_QUERY_MAX) return query.length;
    return formatQuery(new URLSearchParams(query)).length;
  }
  return formatQuery(query).length;
}
