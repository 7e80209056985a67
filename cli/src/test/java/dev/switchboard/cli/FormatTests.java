package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTests {

    @ParameterizedTest
    @CsvSource({"0,0", "999,999", "999.4,999", "999.6,1.00k", "1234,1.23k", "12345,12.3k", "123456,123k",
            "1234567,1.23M", "76500000,76.5M", "2500000000,2.50G", "-5,0"})
    void rates(double perSecond, String text) {
        assertThat(Format.rate(perSecond)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0,0.0s", "450,0.5s", "2500,2.5s", "60000,60.0s"})
    void seconds(long millis, String text) {
        assertThat(Format.seconds(millis)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"50,50ms", "999,999ms", "1000,1s", "1250,1.25s", "5000,5s", "120000,120s"})
    void durations(long millis, String text) {
        assertThat(Format.duration(millis)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0,0.00%", "2.254,2.25%", "12.5,12.50%"})
    void percentages(double percent, String text) {
        assertThat(Format.percent(percent)).isEqualTo(text);
    }
}
