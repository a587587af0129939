package vn.nangbuoc.organisation;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Loads the organisation file at start-up (nangbuoc.organisation.file); a file with a problem stops the start. */
@Component
@Order(10)
class OrganisationImporter implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(OrganisationImporter.class);

  private final OrganisationWriter writer;
  private final Resource file;

  OrganisationImporter(OrganisationWriter writer, @Value("${nangbuoc.organisation.file:}") Resource file) {
    this.writer = writer;
    this.file = file;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (file == null || !file.exists()) {
      log.info("No organisation file to import");
      return;
    }
    OrganisationFile organisation = read(file);
    writer.write(organisation, file.getFilename());
    log.info("Organisation imported from {}: {} units, {} agencies", file.getFilename(),
        organisation.units().size(), organisation.agencies().size());
  }

  static OrganisationFile read(Resource file) throws IOException {
    try (InputStream in = file.getInputStream()) {
      return OrganisationFile.yaml().readValue(in, OrganisationFile.class);
    }
  }
}
