package io.wiretag.lifecycle;

import java.math.BigInteger;

/**
 * Decides whether an arriving version of a story is newer than the newest one accepted so far.
 * <p>
 * Versions that are counters (small whole numbers: ninjs, NewsML-G2 and AP number their versions 1, 2, 3)
 * are ordered by number. Other versions are opaque (Reuters sends numbers like 978556838 and 1542761538
 * that say nothing about order) and are ordered by {@code versionCreated}. When neither settles it, a
 * version with a different label is taken as newer, because losing an update is worse than repeating one;
 * the same label with the same {@code versionCreated} is the same version (for a source that gives no
 * version nor time, the same bytes).
 */
public final class VersionOrder {
    /** Above this a numeric version is taken for an opaque id, not a counter. */
    static final long COUNTER_MAX = 100_000;

    /** How an arriving version relates to the accepted one. */
    public enum Verdict { NEWER, OLDER, SAME }

    private VersionOrder() {
    }

    public static Verdict compare(VersionStamp arriving, VersionStamp accepted) {
        if (accepted == null) {
            return Verdict.NEWER;
        }
        Long a = counter(arriving.version());
        Long b = counter(accepted.version());
        if (a != null && b != null && !a.equals(b)) {
            return a > b ? Verdict.NEWER : Verdict.OLDER;
        }
        if (arriving.versionCreated() != null && accepted.versionCreated() != null
                && !arriving.versionCreated().equals(accepted.versionCreated())) {
            return arriving.versionCreated().isAfter(accepted.versionCreated()) ? Verdict.NEWER : Verdict.OLDER;
        }
        boolean sameLabel = arriving.version() == null ? accepted.version() == null : arriving.version().equals(accepted.version());
        if (sameLabel) {
            // A source that gives no version and no time (plain text) is told apart by its bytes only.
            boolean unversioned = arriving.version() == null && arriving.versionCreated() == null && accepted.versionCreated() == null;
            return unversioned && arriving.contentHash() != null && !arriving.contentHash().equals(accepted.contentHash())
                    ? Verdict.NEWER : Verdict.SAME;
        }
        BigInteger x = number(arriving.version());
        BigInteger y = number(accepted.version());
        if (x != null && y != null) {
            // Opaque numbers with no time to go by: the larger is the best guess (Reuters' grow over time).
            return x.compareTo(y) > 0 ? Verdict.NEWER : Verdict.OLDER;
        }
        return Verdict.NEWER;
    }

    /** The version as a counter, or null when it is not a small whole number. */
    static Long counter(String version) {
        BigInteger n = number(version);
        return n != null && n.bitLength() < 63 && n.longValue() <= COUNTER_MAX ? n.longValue() : null;
    }

    private static BigInteger number(String version) {
        if (version == null) {
            return null;
        }
        String v = version.strip();
        if (v.isEmpty() || v.length() > 40 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return new BigInteger(v);
    }
}
