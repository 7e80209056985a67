package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cli.Options.UsageException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsTests {

    private static Options parse(String... args) throws UsageException {
        return Options.parse(args, Map.of());
    }

    @Test
    void aTspLibNameWithTheDefaults() throws Exception {
        Options options = parse("berlin52");

        assertThat(options.problem()).isEqualTo(new Options.TspLibName("berlin52"));
        assertThat(options.budget()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.url()).isEqualTo(URI.create("ws://localhost:8080/ws"));
        assertThat(options.realm()).isEqualTo("realm1");
        assertThat(options.ticket()).as("anonymous by default").isNull();
        assertThat(options.strategy()).isNull();
        assertThat(options.runSeed()).isNull();
        assertThat(options.progress()).isTrue();
        assertThat(options.list()).isFalse();
        assertThat(options.help()).isFalse();
    }

    @Test
    void everyOptionInBothSpellings() throws Exception {
        Options spaced = parse("kroA100", "--budget", "5s", "--strategy", "restart", "--run-seed", "42",
                "--url", "ws://127.0.0.1:9090/ws", "--realm", "other", "--ticket", "t0p", "--authid", "alice",
                "--no-progress");
        Options joined = parse("--budget=5s", "--strategy=restart", "--run-seed=42", "--url=ws://127.0.0.1:9090/ws",
                "--realm=other", "--ticket=t0p", "--authid=alice", "--no-progress", "kroA100");

        assertThat(joined).isEqualTo(spaced);
        assertThat(spaced.problem()).isEqualTo(new Options.TspLibName("kroA100"));
        assertThat(spaced.budget()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spaced.strategy()).isEqualTo("restart");
        assertThat(spaced.runSeed()).isEqualTo(42L);
        assertThat(spaced.url()).isEqualTo(URI.create("ws://127.0.0.1:9090/ws"));
        assertThat(spaced.realm()).isEqualTo("other");
        assertThat(spaced.ticket()).isEqualTo("t0p");
        assertThat(spaced.authid()).isEqualTo("alice");
        assertThat(spaced.progress()).isFalse();
    }

    @Test
    void aRandomProblemWithItsSeedOrSeedZero() throws Exception {
        assertThat(parse("--random", "1000", "--seed", "7").problem()).isEqualTo(new Options.Random(1000, 7));
        assertThat(parse("--random", "200").problem()).isEqualTo(new Options.Random(200, 0));
    }

    @Test
    void aPathOrATspFileNameIsAFile(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("mine.tsp"), "NAME: mine\n");

        assertThat(parse(file.toString()).problem()).isEqualTo(new Options.TspLibFile(file));
        assertThatThrownBy(() -> parse(folder.resolve("missing.tsp").toString()))
                .isInstanceOf(UsageException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> parse("nowhere.tsp")).hasMessageContaining("no such file: nowhere.tsp");
    }

    @Test
    void theUrlAndTicketMayComeFromTheEnvironmentAndOptionsWin() throws Exception {
        Map<String, String> env = Map.of("SWITCHBOARD_URL", "ws://127.0.0.1:9999/ws", "SWITCHBOARD_TICKET", "secret");

        Options fromEnv = Options.parse(new String[] {"berlin52"}, env);
        Options overridden = Options.parse(new String[] {"berlin52", "--url", "ws://localhost:1/ws", "--ticket", "x"},
                env);

        assertThat(fromEnv.url()).isEqualTo(URI.create("ws://127.0.0.1:9999/ws"));
        assertThat(fromEnv.ticket()).isEqualTo("secret");
        assertThat(overridden.url()).isEqualTo(URI.create("ws://localhost:1/ws"));
        assertThat(overridden.ticket()).isEqualTo("x");
        assertThat(Options.parse(new String[] {"berlin52"}, Map.of("SWITCHBOARD_TICKET", " ")).ticket()).isNull();
        assertThatThrownBy(() -> parse("berlin52", "--ticket", "")).hasMessage("--ticket is empty");
    }

    @Test
    void helpAndListNeedNoProblem() throws Exception {
        assertThat(parse("--help").help()).isTrue();
        assertThat(parse("--bogus", "--budget", "oops", "-h").help()).as("help wins over every mistake").isTrue();
        assertThat(parse("--list").list()).isTrue();
        assertThat(parse("--list").problem()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "500ms|500",
        "5s|5000",
        "5|5000",
        "1.5s|1500",
        "2m|120000",
        "2min|120000",
        "0.25|250"})
    void budgets(String text, long millis) throws Exception {
        assertThat(Options.duration(text)).isEqualTo(Duration.ofMillis(millis));
        assertThat(parse("berlin52", "--budget", text).budget()).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|what to solve?",
        "--bogus|unknown option --bogus",
        "berlin52,kroA100|one problem at a time: got berlin52 and kroA100",
        "berlin52,--budget|--budget needs a value",
        "berlin52,--budget,soon|--budget needs a duration such as 500ms, 5s or 2m, got 'soon'",
        "berlin52,--budget,0ms|--budget is out of range",
        "berlin52,--random,10|either a problem or --random N, not both",
        "--random,many|--random needs an integer, got 'many'",
        "--random,2|--random needs at least 3 cities, got 2",
        "berlin52,--seed,7|--seed goes with --random",
        "berlin52,--run-seed,-1|--run-seed must be between 0 and",
        "berlin52,--url,http://localhost:8080/ws|--url needs a ws:// or wss:// URL",
        "berlin52,--url,ws://|--url",
        "berlin52,--list|--list takes no problem",
        "--help=yes|unknown option --help=yes",
        "'ber lin'|not a TSPLIB name: ber lin"})
    void mistakesAreExplained(String args, String message) {
        String[] argv = args.isEmpty() ? new String[0] : args.split(",", -1);

        assertThatThrownBy(() -> parse(argv)).isInstanceOf(UsageException.class).hasMessageContaining(message);
    }
}
