/** The malformed values the corpus sends, named for what they try. */
export const NUL = 'Le\u0000Hangar';
/** U+202E turns the rest of a line around on screen ("Acme‮gpj.exe"). */
export const RTL_OVERRIDE = 'Acme\u202Egpj.exe';
/** Looks empty, is not: zero-width spaces and joiners only. */
export const ZERO_WIDTH = '\u200B\u200C\u200D\uFEFF';
/** JSON.stringify writes these as `\ud800` escapes: half of a UTF-16 pair, no character at all. */
export const LONE_HIGH = 'Espace \ud800';
export const LONE_LOW = '\udc00 Espace';
export const BLANK = '   \t ';
export const long = (length: number, unit = 'a') => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
export const MALFORMED_ID = 'not-a-uuid';
export const SQL_ID = "' OR 1=1 --";
/** Above GraphQL's Int (32-bit signed). */
export const INT_OVERFLOW = 2147483648;
/** A key the idempotency rule accepts (8 to 128 characters), unique per call. */
let keys = 0;
export const key = () => `corpus-key-${(keys += 1)}-${process.pid}`;
