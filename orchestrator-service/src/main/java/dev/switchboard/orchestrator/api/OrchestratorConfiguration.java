package dev.switchboard.orchestrator.api;

import dev.switchboard.orchestrator.OrchestratorProperties;
import dev.switchboard.orchestrator.problem.Problems;
import dev.switchboard.orchestrator.problem.TspLibCatalog;
import dev.switchboard.orchestrator.run.ComputeGateway;
import dev.switchboard.orchestrator.run.RunEvents;
import dev.switchboard.orchestrator.run.RunLoop;
import dev.switchboard.orchestrator.run.Runs;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.spring.WampValues;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The orchestrator's beans: problems, the compute gateway, the runs, the publisher and the procedures. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrchestratorProperties.class)
public class OrchestratorConfiguration {

    @Bean
    Problems problems(OrchestratorProperties properties) {
        String directory = properties.tsplibDir();
        TspLibCatalog catalog = TspLibCatalog.load(directory == null || directory.isBlank() ? null
                : Path.of(directory));
        return new Problems(catalog, properties.maxCities());
    }

    @Bean
    @ConditionalOnMissingBean
    ComputeGateway computeGateway(WampClient wampClient, WampValues wampValues) {
        return new WampCompute(wampClient, wampValues);
    }

    @Bean
    @ConditionalOnMissingBean
    RunEvents runEvents(WampClient wampClient) {
        return new WampRunEvents(wampClient);
    }

    @Bean(destroyMethod = "close")
    Runs runs(ComputeGateway computeGateway, RunEvents runEvents, OrchestratorProperties properties) {
        return new Runs(new RunLoop(computeGateway, properties), runEvents, properties);
    }

    @Bean
    TspProcedures tspProcedures(Runs runs, Problems problems, OrchestratorProperties properties,
                                WampValues wampValues) {
        return new TspProcedures(runs, problems, properties, wampValues);
    }
}
