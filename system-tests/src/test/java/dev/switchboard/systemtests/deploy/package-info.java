/**
 * Checks of the deployment files (docker/, docker-compose.yml, deploy/, k8s/) against each other and against the
 * applications: typed parsing, cross references, and the Spring properties their environment variables set.
 */
@NullMarked
package dev.switchboard.systemtests.deploy;

import org.jspecify.annotations.NullMarked;
