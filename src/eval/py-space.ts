// Python's `\s` in a str pattern (str.isspace), which differs from JavaScript's: \x1c-\x1f and \x85 are space, \ufeff is not.

/** A character class matching what `\s` matches in Python 3's re on str. */
export const PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
