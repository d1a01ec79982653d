package io.leadflow.crm.story;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a deal amount out of a qualification answer written by a person: "50k EUR approved", "$1.2M", "25,000". */
public final class Amounts {

    private static final Pattern FIGURE = Pattern.compile("(?<![A-Za-z\\d.,])(\\d{1,3}(?:[,' ]\\d{3})+|\\d+(?:\\.\\d+)?)\\s*([kKmM])?(?![a-zA-Z])");

    private Amounts() {
    }

    /** The first figure in the text with its k/M suffix applied; null when the text holds none. */
    public static BigDecimal firstFigure(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FIGURE.matcher(text);
        if (!m.find()) {
            return null;
        }
        BigDecimal figure = new BigDecimal(m.group(1).replaceAll("[,' ]", ""));
        String suffix = m.group(2);
        if (suffix != null) {
            figure = figure.multiply(suffix.equalsIgnoreCase("k") ? BigDecimal.valueOf(1_000) : BigDecimal.valueOf(1_000_000));
        }
        return figure.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
