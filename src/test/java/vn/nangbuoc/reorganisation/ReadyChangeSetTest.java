package vn.nangbuoc.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.nangbuoc.organisation.OrganisationFile;

/**
 * The ready change set makes the 2024 city into the province demo's shape: what it starts is, unit for
 * unit and agency for agency, what the province demo's file describes, and so are its duties and kinds.
 */
class ReadyChangeSetTest {

  @Test
  void shouldStartWhatTheProvinceDemoDescribes() throws IOException {
    ChangeSet reform = ChangeSetReader.read(new ClassPathResource(CityReformScenario.CHANGE_SET)
        .getContentAsString(StandardCharsets.UTF_8));
    OrganisationFile province;
    try (InputStream in = new ClassPathResource("organisation/lang-son-province.yaml").getInputStream()) {
      province = OrganisationFile.yaml().readValue(in, OrganisationFile.class);
    }
    assertThat(reform.duties()).isEqualTo(province.duties());
    assertThat(reform.kinds()).isEqualTo(province.kinds());
    assertThat(reform.units()).isNotEmpty();
    assertThat(province.units()).containsAll(reform.units());
    assertThat(reform.agencies()).hasSizeGreaterThan(8);
    assertThat(province.agencies()).containsAll(reform.agencies());
    // every new ward takes in two of the city's eight wards and communes
    assertThat(reform.changes().stream().filter(change -> change.merge() != null)
        .mapToInt(change -> change.merge().size()).sum()).isEqualTo(8);
  }
}
