package fr.quartiersproductifs.cli;

import fr.quartiersproductifs.shared.QpProperties;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The part of the application the foundation commands need ({@code qp localiser}, {@code qp import
 * <référentiel>}): the database (same {@code spring.datasource.*} settings, same Flyway
 * migrations) and the geography and dataset services, the same classes the HTTP API uses. It
 * starts in about half the time of the whole application, which matters for a command that
 * processes one file (measured in BENCHMARKS.md).
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({
  PropertyPlaceholderAutoConfiguration.class,
  DataSourceAutoConfiguration.class,
  DataSourceTransactionManagerAutoConfiguration.class,
  TransactionAutoConfiguration.class,
  JdbcTemplateAutoConfiguration.class,
  JdbcClientAutoConfiguration.class,
  FlywayAutoConfiguration.class
})
@EnableConfigurationProperties(QpProperties.class)
@ComponentScan(
    basePackages = {"fr.quartiersproductifs.geography", "fr.quartiersproductifs.dataset"},
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.ANNOTATION,
            classes = {RestController.class, Controller.class}))
public class FoundationContext {}
