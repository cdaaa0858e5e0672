package fr.quartiersproductifs;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Spring application of Quartiers productifs. It is started by the {@code qp} command line
 * ({@link fr.quartiersproductifs.cli.Qp}), as a web server ({@code qp serve}) or without a web
 * server for the other commands, which call the same services as the HTTP API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QpApplication {}
