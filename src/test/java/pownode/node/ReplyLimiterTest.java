package pownode.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyLimiterTest {
    private static final long QUIET = ReplyLimiter.PEER_QUIET_MILLIS;
    private static final long GAP = ReplyLimiter.MIN_GAP_MILLIS;

    private final ReplyLimiter limiter = new ReplyLimiter();

    @Test
    void replyLimiter_repliesToNewPeerAtOnce() {
        limiter.requestFrom(7, 0);

        assertThat(limiter.isDue(0)).isTrue();
    }

    @Test
    void replyLimiter_keepsMinimumGapBetweenPublications() {
        limiter.published(1000);

        limiter.requestFrom(7, 1100);

        assertThat(limiter.isDue(1100)).isFalse();
        assertThat(limiter.isDue(1000 + GAP - 1)).isFalse();
        assertThat(limiter.isDue(1000 + GAP)).isTrue();
    }

    @Test
    void replyLimiter_oneReplyAnswersEveryWaitingPeer() {
        limiter.requestFrom(7, 0);
        limiter.requestFrom(8, 0);

        limiter.published(0);

        assertThat(limiter.isDue(GAP)).isFalse();
        limiter.requestFrom(7, GAP);
        limiter.requestFrom(8, GAP);
        assertThat(limiter.isDue(GAP)).isFalse();
    }

    @Test
    void replyLimiter_withoutRequestsIsNeverDue() {
        limiter.published(0);

        assertThat(limiter.isDue(10 * QUIET)).isFalse();
    }

    @Test
    void replyLimiter_ignoresPeerWithinQuietPeriod() {
        limiter.requestFrom(7, 0);
        limiter.published(0);

        limiter.requestFrom(7, QUIET - 1);

        assertThat(limiter.isDue(QUIET - 1)).isFalse();
    }

    @Test
    void replyLimiter_doublesQuietPeriodAfterEachReply() {
        // The first reply to peer 7 is at 0, the second one quiet period later.
        reply(7, 0);
        reply(7, QUIET);

        // The next request needs twice the quiet period.
        limiter.requestFrom(7, QUIET + 2 * QUIET - 1);
        assertThat(limiter.isDue(QUIET + 2 * QUIET - 1)).isFalse();
        limiter.requestFrom(7, QUIET + 2 * QUIET);
        assertThat(limiter.isDue(QUIET + 2 * QUIET)).isTrue();
    }

    @Test
    void replyLimiter_quietPeriodIsPerPeer() {
        reply(7, 0);
        reply(7, QUIET);
        reply(8, QUIET + GAP);

        limiter.requestFrom(8, QUIET + GAP + QUIET);

        assertThat(limiter.isDue(QUIET + GAP + QUIET)).isTrue();
    }

    @Test
    void replyLimiter_capsQuietPeriod() {
        long now = 0;
        long quiet = QUIET;
        reply(7, now);
        for (int reply = 0; reply < 20; reply++) {
            now += quiet;
            reply(7, now);
            quiet = Math.min(2 * quiet, ReplyLimiter.MAX_PEER_QUIET_MILLIS);
        }

        limiter.requestFrom(7, now + ReplyLimiter.MAX_PEER_QUIET_MILLIS - 1);
        boolean dueBeforeCap = limiter.isDue(now + ReplyLimiter.MAX_PEER_QUIET_MILLIS - 1);
        limiter.requestFrom(7, now + ReplyLimiter.MAX_PEER_QUIET_MILLIS);
        boolean dueAtCap = limiter.isDue(now + ReplyLimiter.MAX_PEER_QUIET_MILLIS);

        assertThat(quiet).isEqualTo(ReplyLimiter.MAX_PEER_QUIET_MILLIS);
        assertThat(dueBeforeCap).isFalse();
        assertThat(dueAtCap).isTrue();
    }

    /** Records a request from {@code peer} at {@code now}, requires an immediate reply and records it. */
    private void reply(int peer, long now) {
        limiter.requestFrom(peer, now);
        assertThat(limiter.isDue(now)).as("reply to %d at %d", peer, now).isTrue();
        limiter.published(now);
    }
}
