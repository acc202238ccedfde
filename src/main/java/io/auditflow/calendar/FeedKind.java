package io.auditflow.calendar;

/** The two feeds: one per user (their tasks and their programs' milestones) and one for the organisation. */
public enum FeedKind {
    PERSONAL("user", "My audits and tasks"),
    ORGANISATION("org", "All audit milestones");

    private final String path;
    private final String label;

    FeedKind(String path, String label) {
        this.path = path;
        this.label = label;
    }

    /** The URL segment after {@code /calendar/}. */
    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    static FeedKind ofPath(String path) {
        for (FeedKind k : values()) {
            if (k.path.equals(path)) {
                return k;
            }
        }
        return null;
    }
}
