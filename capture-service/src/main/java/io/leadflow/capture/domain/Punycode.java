package io.leadflow.capture.domain;

import java.util.Optional;

/**
 * Punycode (RFC 3492): a Unicode domain label as the ASCII letters after {@code xn--}, and back.
 * The JDK's {@link java.net.IDN} follows IDNA2003, which rewrites "ß" as "ss" and "ς" as "σ" before
 * encoding, so it would give straße.de the ASCII name of strasse.de, someone else's domain; encoding
 * the label ourselves keeps it (IDNA2008).
 */
final class Punycode {

    private static final int BASE = 36;
    private static final int T_MIN = 1;
    private static final int T_MAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;

    private Punycode() {
    }

    /** The Punycode of a label (without the {@code xn--} prefix). */
    static String encode(String label) {
        int[] input = label.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int c : input) {
            if (c < INITIAL_N) {
                out.append((char) c);
            }
        }
        int basic = out.length();
        if (basic > 0) {
            out.append('-');
        }
        int n = INITIAL_N;
        long delta = 0;
        int bias = INITIAL_BIAS;
        int handled = basic;
        while (handled < input.length) {
            int m = Integer.MAX_VALUE;
            for (int c : input) {
                if (c >= n && c < m) {
                    m = c;
                }
            }
            delta += (long) (m - n) * (handled + 1);
            n = m;
            for (int c : input) {
                if (c < n) {
                    delta++;
                } else if (c == n) {
                    long q = delta;
                    for (int k = BASE; ; k += BASE) {
                        int t = threshold(k, bias);
                        if (q < t) {
                            break;
                        }
                        out.append(digit((int) (t + (q - t) % (BASE - t))));
                        q = (q - t) / (BASE - t);
                    }
                    out.append(digit((int) q));
                    bias = adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
            n++;
        }
        return out.toString();
    }

    /** The label a Punycode string (without {@code xn--}) stands for, if it is well-formed. */
    static Optional<String> decode(String punycode) {
        int delimiter = punycode.lastIndexOf('-');
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < Math.max(delimiter, 0); j++) {
            char c = punycode.charAt(j);
            if (c >= INITIAL_N) {
                return Optional.empty();
            }
            out.append(c);
        }
        int[] output = out.codePoints().toArray();
        int length = output.length;
        output = java.util.Arrays.copyOf(output, punycode.length());
        long n = INITIAL_N;
        long i = 0;
        int bias = INITIAL_BIAS;
        int in = delimiter > 0 ? delimiter + 1 : 0;
        while (in < punycode.length()) {
            long oldI = i;
            long w = 1;
            for (int k = BASE; ; k += BASE) {
                if (in >= punycode.length()) {
                    return Optional.empty();
                }
                int digit = digitValue(punycode.charAt(in++));
                if (digit < 0) {
                    return Optional.empty();
                }
                i += digit * w;
                int t = threshold(k, bias);
                if (i > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
                if (digit < t) {
                    break;
                }
                w *= BASE - t;
                if (w > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
            }
            bias = adapt(i - oldI, length + 1, oldI == 0);
            n += i / (length + 1);
            i %= length + 1;
            if (n > Character.MAX_CODE_POINT || (n >= Character.MIN_SURROGATE && n <= Character.MAX_SURROGATE)) {
                return Optional.empty();
            }
            System.arraycopy(output, (int) i, output, (int) i + 1, length - (int) i);
            output[(int) i] = (int) n;
            length++;
            i++;
        }
        return Optional.of(new String(output, 0, length));
    }

    private static int threshold(int k, int bias) {
        return k <= bias ? T_MIN : Math.min(k - bias, T_MAX);
    }

    private static int adapt(long delta, int points, boolean first) {
        delta = first ? delta / DAMP : delta / 2;
        delta += delta / points;
        int k = 0;
        while (delta > ((BASE - T_MIN) * T_MAX) / 2) {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        return (int) (k + (BASE - T_MIN + 1) * delta / (delta + SKEW));
    }

    private static char digit(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }

    private static int digitValue(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 26;
        }
        return -1;
    }
}
