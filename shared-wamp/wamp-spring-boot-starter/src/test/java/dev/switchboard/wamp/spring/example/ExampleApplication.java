package dev.switchboard.wamp.spring.example;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The example application: everything WAMP comes from {@link Calculator}'s annotations and the properties. */
@SpringBootApplication
public class ExampleApplication {
}
