package dev.switchboard.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpringPropertyNamesTests {

    @Test
    void environmentVariablesBindByRelaxedBindingToMetadataAndApplicationYmlKeys() {
        SpringPropertyNames compute = SpringPropertyNames.of("compute-service");

        assertThat(compute.binds("SWITCHBOARD_WAMP_URL")).isTrue();
        assertThat(compute.binds("SWITCHBOARD_WAMP_AUTH_AUTHID")).isTrue();
        assertThat(compute.binds("SWITCHBOARD_COMPUTE_CACHEDPROBLEMS")).as("dashes dropped").isTrue();
        assertThat(compute.binds("SWITCHBOARD_COMPUTE_CACHED_PROBLEMS")).as("legacy: dashes as _").isTrue();
        assertThat(compute.binds("SWITCHBOARD_WAMP_URLS")).isFalse();
        assertThat(compute.binds("SWITCHBOARD_WAMP_AUTH_PASSWORD")).isFalse();
    }

    @Test
    void springBootsOwnPropertiesAndMapsComeFromThePackagedJar() {
        SpringPropertyNames router = SpringPropertyNames.of("router-service");
        if (SpringPropertyNames.packagedJar("router-service") == null) {
            org.junit.jupiter.api.Assumptions.abort("router-service is not packaged: ./mvnw -pl router-service package");
        }
        assertThat(router.binds("SPRING_CONFIG_ADDITIONAL_LOCATION")).isTrue();
        assertThat(router.binds("SERVER_PORT")).isTrue();
        assertThat(router.binds("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE")).as("below a map").isTrue();
        assertThat(router.binds("SWITCHBOARD_WAMP_URL")).as("the router is no WAMP client of the starter").isFalse();
    }
}
