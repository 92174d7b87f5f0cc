/**
 * The grammars of the spec's strings: plain regular expressions, without zod, so the field declarations
 * (fields.ts) and the page can name them. Every string a user supplies is checked against one of these.
 */
/** PEP 508 distribution name. */
export const PEP508_NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
/** An item of pip's --no-binary list: a package name, or :all:. */
export const NO_BINARY_ITEM = new RegExp(`${PEP508_NAME.source}|^:all:$`);
/**
 * A package index or find-links URL: http(s), a host name, an optional port and path; no credentials (an "@" is
 * refused: user:password belongs in a build secret), no query, no quotes or shell characters.
 */
export const INDEX_URL = /^https?:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?(?:\/[A-Za-z0-9._~%+\/-]*)?$/;
/** A host name (with an optional port) for pip's --trusted-host. */
export const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?$/;
/** One version clause; a specifier is clauses joined by commas. */
const VERSION_CLAUSE = String.raw`\s*(~=|===|==|!=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+\s*`;
export const VERSION_SPECIFIER = new RegExp(`^${VERSION_CLAUSE}(,${VERSION_CLAUSE})*$`);
/**
 * PEP 508 environment markers: variable/string comparisons joined by and/or. Strings are limited
 * to version-like text, so a marker can never carry shell or quote characters.
 */
const MARKER_VAR = "(python_version|python_full_version|os_name|sys_platform|platform_release|platform_system|platform_version|platform_machine|platform_python_implementation|implementation_name|implementation_version|extra)";
const MARKER_STR = `('[A-Za-z0-9 ._*+!-]*'|"[A-Za-z0-9 ._*+!-]*")`;
// No whitespace run can be matched two ways (an atom neither starts nor ends with optional
// whitespace; parentheses carry their own), so a non-matching marker fails in linear time instead
// of backtracking exponentially in the number of atoms.
const MARKER_ATOM = `(\\(\\s*)*(${MARKER_VAR}|${MARKER_STR})\\s*(===|==|!=|<=|>=|<|>|~=|not\\s+in|in)\\s*(${MARKER_VAR}|${MARKER_STR})(\\s*\\))*`;
export const MARKER = new RegExp(`^\\s*${MARKER_ATOM}(\\s+(and|or)\\s+${MARKER_ATOM})*\\s*$`);
export const HASH = /^sha(256|384|512):[0-9a-f]{64,128}$/;
/** Debian policy 5.6.7: lowercase letters, digits, + - . ; at least two characters, starts alphanumeric. */
export const DEBIAN_PACKAGE = /^[a-z0-9][a-z0-9+.-]+$/;
/** Alpine package names (apk): also allow underscore. */
export const ALPINE_PACKAGE = /^[a-z0-9][a-z0-9+._-]*$/;
/** A relative path inside the build context: no "..", no leading "-", no spaces or shell characters. */
export const CONTEXT_PATH = /^(?!-)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._@+/-]+$/;
/** An absolute container path. */
export const ABSOLUTE_PATH = /^\/(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._@+/-]*$/;
export const USER_NAME = /^[a-z_][a-z0-9_-]{0,31}$/;
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** URL path for the health check: only unreserved characters and slashes. */
export const HTTP_PATH = /^\/[A-Za-z0-9._~/-]{0,200}$/;
/**
 * Free text that ends up inside a quoted string (ENV values, command arguments): any printable
 * character, but no control characters, no DEL/C1, and no Unicode line or paragraph separators.
 */
// eslint-disable-next-line no-control-regex
export const SAFE_TEXT = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;
