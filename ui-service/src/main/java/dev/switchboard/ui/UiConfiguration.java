package dev.switchboard.ui;

import dev.switchboard.ui.config.UiProperties;
import dev.switchboard.ui.history.DashboardHistory;
import dev.switchboard.ui.history.HistoryEndpoints;
import java.time.InstantSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard backend's beans: the history and its WAMP endpoints. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UiProperties.class)
class UiConfiguration {

    @Bean
    DashboardHistory dashboardHistory(UiProperties properties) {
        UiProperties.History limits = properties.history();
        return new DashboardHistory(InstantSource.system(), limits.window(), limits.maxInstances(), limits.maxRuns(),
                limits.maxSeries());
    }

    @Bean
    HistoryEndpoints historyEndpoints(DashboardHistory dashboardHistory) {
        return new HistoryEndpoints(dashboardHistory);
    }
}
