package io.leadflow.enrichment.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Employee and revenue bands from the free text people, files and providers use: "11-50", "50 salariés", "1k+",
 * "1 000 à 4 999", "self-employed"; "5M€", "$10M", "1,5 M$", "500k€", "2 milliards". A range is placed by its middle, an
 * open "n+" just above n. Revenue bands are in the amount's own currency: no exchange rate is applied.
 */
public final class CompanyBands {

    /** Employee bands (the ones LinkedIn and most providers use). */
    public static final List<String> EMPLOYEE_BANDS = List.of("1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000",
            "5001-10000", "10000+");
    private static final long[] EMPLOYEE_UPPER = {10, 50, 200, 500, 1_000, 5_000, 10_000, Long.MAX_VALUE};

    /** Revenue bands, in the amount's currency. */
    public static final List<String> REVENUE_BANDS = List.of("<1M", "1M-10M", "10M-50M", "50M-100M", "100M-500M", "500M-1B",
            "1B+");
    private static final long[] REVENUE_UPPER = {999_999, 9_999_999, 49_999_999, 99_999_999, 499_999_999, 999_999_999,
            Long.MAX_VALUE};

    private static final Pattern SOLO = Pattern.compile("\\b(self employed|self-employed|freelance|freelancer|solo|independant"
            + "|auto entrepreneur|auto-entrepreneur|micro entreprise|sole trader)\\b");
    // A number with an optional decimal part and an optional multiplier: 1k, 2.5m, 1,5 md, 10 millions.
    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(k|m|mn|mio|million|millions|md|mds|mrd"
            + "|milliard|milliards|bn|b|billion|billions)?(?![a-z])");

    private CompanyBands() {
    }

    /** The employee band, or null when the text says no number. */
    public static String employees(String text) {
        String t = normalise(text);
        if (t == null) {
            return null;
        }
        if (SOLO.matcher(t).find()) {
            return EMPLOYEE_BANDS.get(0);
        }
        Long n = place(amounts(t), t.contains("+") || t.contains("plus de") || t.contains("more than") || t.contains("over "));
        return n == null ? null : band(n, EMPLOYEE_UPPER, EMPLOYEE_BANDS);
    }

    /** The revenue band, or null when the text says no amount. A bare number is in units ("250000" is &lt;1M). */
    public static String revenue(String text) {
        String t = normalise(text);
        if (t == null) {
            return null;
        }
        Long n = place(amounts(t), t.contains("+") || t.contains("plus de") || t.contains("more than") || t.contains("over "));
        return n == null ? null : band(n, REVENUE_UPPER, REVENUE_BANDS);
    }

    /** One number standing for the text: the middle of a range, just above an open lower bound, else itself. */
    private static Long place(List<Long> amounts, boolean openEnded) {
        if (amounts.isEmpty()) {
            return null;
        }
        if (amounts.size() >= 2) {
            return (amounts.get(0) + amounts.get(1)) / 2;
        }
        return openEnded ? amounts.get(0) + 1 : amounts.get(0);
    }

    private static List<Long> amounts(String t) {
        List<Long> amounts = new ArrayList<>();
        Matcher m = AMOUNT.matcher(t);
        while (m.find()) {
            double value = Double.parseDouble(m.group(1).replace(',', '.'));
            String unit = m.group(2) == null ? "" : m.group(2);
            long multiplier = switch (unit) {
                case "k" -> 1_000L;
                case "m", "mn", "mio", "million", "millions" -> 1_000_000L;
                case "md", "mds", "mrd", "milliard", "milliards", "bn", "b", "billion", "billions" -> 1_000_000_000L;
                default -> 1L;
            };
            amounts.add(Math.round(value * multiplier));
        }
        // "10-50M": the unit written once applies to both ends.
        if (amounts.size() == 2 && amounts.get(0) < amounts.get(1) && amounts.get(0) * 1000 <= amounts.get(1)) {
            long unit = amounts.get(1) >= 1_000_000_000L ? 1_000_000_000L : amounts.get(1) >= 1_000_000L ? 1_000_000L : 1_000L;
            if (amounts.get(0) < 1000) {
                amounts.set(0, amounts.get(0) * unit);
            }
        }
        return amounts;
    }

    private static String band(long n, long[] upper, List<String> bands) {
        for (int i = 0; i < upper.length; i++) {
            if (n <= upper[i]) {
                return bands.get(i);
            }
        }
        return bands.get(bands.size() - 1);
    }

    /** Lower case, no accents; thousands separators between digits removed ("1 000", "5,000", "1.000.000"). */
    private static String normalise(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replace('\u00a0', ' ').replace('\u202f', ' ');
        t = t.replaceAll("(?<=\\d)[ ,.](?=\\d{3}(?!\\d))", "");
        return t.replaceAll("(?<=\\d)[ ,.](?=\\d{3}(?!\\d))", ""); // twice: 1.000.000
    }
}
