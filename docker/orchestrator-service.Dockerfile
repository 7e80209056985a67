# The TSP orchestrator: a WAMP client of the router; actuator on 8082.
# Build the jar on the host first (./mvnw -B -pl orchestrator-service -am package -DskipTests), then, from the repository root:
#   docker build -f docker/orchestrator-service.Dockerfile -t switchboard/orchestrator-service .
# BASE_IMAGE: any image with a Java 21+ runtime on the PATH and bash (for the health probe).
ARG BASE_IMAGE=eclipse-temurin:21-jre

FROM ${BASE_IMAGE} AS layers
WORKDIR /build
COPY orchestrator-service/target/orchestrator-service-*.jar app.jar
# Spring Boot's layered layout: dependencies change rarely, the application often, so each gets an image layer
# (a layer that is empty, such as snapshot-dependencies of a release, is created empty).
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted \
    && mkdir -p extracted/dependencies extracted/spring-boot-loader extracted/snapshot-dependencies extracted/application

FROM ${BASE_IMAGE}
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
COPY docker/healthcheck.sh /app/healthcheck.sh
# A numeric user without a passwd entry, so the image needs no useradd and Kubernetes can check runAsNonRoot.
USER 10001:10001
# Heap as a share of the container's memory limit; the JVM reads CPU and memory limits from the cgroup.
# Replace JDK_JAVA_OPTIONS at run time to change these; add settings with JAVA_TOOL_OPTIONS.
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError" \
    SERVER_PORT=8082
EXPOSE 8082
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["/app/healthcheck.sh"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
