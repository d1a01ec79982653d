package io.leadflow.capture.domain;

/** Source attribution as the UTM parameters of the page the lead came from. */
public record Utm(String source, String medium, String campaign, String term, String content) {

    /** The UTM parameters stored in five columns, or null when the submission carried none. */
    public static Utm ofColumns(String source, String medium, String campaign, String term, String content) {
        return source == null && medium == null && campaign == null && term == null && content == null
                ? null : new Utm(source, medium, campaign, term, content);
    }
}
