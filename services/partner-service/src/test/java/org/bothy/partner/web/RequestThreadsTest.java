package org.bothy.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestThreadsTest {

    @Test
    void requestsLeaveTheReservedConnectionsToThePublisher() {
        assertThat(RequestThreads.forPool(20, 4)).isEqualTo(16);
        assertThat(RequestThreads.forPool(10, 4)).isEqualTo(6);
    }

    @Test
    void aSmallPoolStillServesTwoRequestsAtOnce() {
        assertThat(RequestThreads.forPool(5, 4)).isEqualTo(2);
    }
}
