package io.leadflow.capture.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Page, referrer and link URLs people send: only absolute http(s) URLs are taken. */
final class WebUrls {

    private WebUrls() {
    }

    static boolean isAbsoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
