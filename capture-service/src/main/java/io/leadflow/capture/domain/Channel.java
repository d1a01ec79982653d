package io.leadflow.capture.domain;

/** How a submission reached Leadflow. */
public enum Channel {
    API("api"), FORM("form"), WEBHOOK("webhook"), IMPORT("import");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
