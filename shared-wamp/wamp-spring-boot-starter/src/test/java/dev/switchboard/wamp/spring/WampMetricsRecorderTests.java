package dev.switchboard.wamp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.NotConnectedException;
import dev.switchboard.wamp.client.WampException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class WampMetricsRecorderTests {

    @Test
    void aCallsErrorIsAStandardUriAsItIsAnyOtherUriOneValueAndAnythingElseItsExceptionsName() {
        assertThat(WampMetricsRecorder.errorOf(new WampException(ErrorUris.NO_SUCH_PROCEDURE, "none")))
                .isEqualTo(ErrorUris.NO_SUCH_PROCEDURE);
        assertThat(WampMetricsRecorder.errorOf(new CompletionException(
                new WampException(ErrorUris.RUNTIME_ERROR, "boom")))).isEqualTo(ErrorUris.RUNTIME_ERROR);
        assertThat(WampMetricsRecorder.errorOf(new NotConnectedException("gone")))
                .isEqualTo(ErrorUris.NETWORK_FAILURE);
        // a callee's own URIs, with dots or (loose URI rules) without, share one value
        assertThat(WampMetricsRecorder.errorOf(new WampException("com.example.error.order_17", "no")))
                .isEqualTo("application_error");
        assertThat(WampMetricsRecorder.errorOf(new WampException("err_17", "no"))).isEqualTo("application_error");
        assertThat(WampMetricsRecorder.errorOf(new CancellationException())).isEqualTo("CancellationException");
    }
}
