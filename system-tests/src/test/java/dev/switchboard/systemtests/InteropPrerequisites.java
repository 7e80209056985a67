package dev.switchboard.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * The third-party clients the interop tests run, checked before a router is started. A missing one fails the test
 * class with what to install: CI gets them from {@code scripts/test.sh} (Debian packages listed in
 * {@code .ci/apt-packages}, npm packages of {@code system-tests/package.json}), so they are never silently skipped.
 */
final class InteropPrerequisites {

    /** Debian's Python, which has the Debian python3-autobahn (not a pyenv or virtualenv one). */
    static final String PYTHON = "/usr/bin/python3";

    private InteropPrerequisites() {
    }

    /** Node.js on the PATH, and the npm packages installed in {@code system-tests/node_modules}. */
    static void requireNode(String... packages) {
        String version = output(List.of("node", "--version"),
                "Node.js (node on the PATH) is needed for the interop tests; install Debian's nodejs or Node 20+");
        Path modules = InteropScenario.systemTestsDirectory().resolve("node_modules");
        for (String name : packages) {
            if (!Files.isRegularFile(modules.resolve(name).resolve("package.json"))) {
                Assertions.fail("npm package " + name + " is not installed in " + modules + " (node " + version.strip()
                        + "); run `npm install` in system-tests/, as scripts/test.sh does");
            }
        }
    }

    /** Debian's python3 with Autobahn|Python and the serializers it uses for MessagePack and CBOR. */
    static void requireAutobahnPython() {
        output(List.of(PYTHON, "-B", "-c", "import autobahn, msgpack, cbor2; print(autobahn.__version__)"),
                "Autobahn|Python is needed for the interop tests: install the Debian packages python3-autobahn, "
                        + "python3-msgpack and python3-cbor2 (listed in .ci/apt-packages; scripts/test.sh installs "
                        + "them when run as root)");
    }

    /** Autobahn|Python with PyNaCl, which its WAMP-Cryptosign needs. */
    static void requireAutobahnPythonCryptosign() {
        requireAutobahnPython();
        output(List.of(PYTHON, "-B", "-c", "import nacl, autobahn.wamp.cryptosign; print(nacl.__version__)"),
                "Autobahn|Python's WAMP-Cryptosign needs PyNaCl: install the Debian package python3-nacl (listed in "
                        + ".ci/apt-packages; scripts/test.sh installs it when run as root)");
    }

    private static String output(List<String> command, String whatToDo) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Assertions.fail(whatToDo + "\n" + command + " did not finish");
            }
            if (process.exitValue() != 0) {
                return Assertions.fail(whatToDo + "\n" + command + " exited with " + process.exitValue() + ":\n"
                        + output);
            }
            return output;
        } catch (IOException e) {
            return Assertions.fail(whatToDo + "\n" + command + " cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Assertions.fail("interrupted", e);
        }
    }
}
