package io.leadflow.capture.domain;

/** Source attribution as the UTM parameters of the page the lead came from. */
public record Utm(String source, String medium, String campaign, String term, String content) {
}
