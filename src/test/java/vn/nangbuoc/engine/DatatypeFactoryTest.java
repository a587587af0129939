package vn.nangbuoc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.camunda.bpm.engine.ProcessEngine;
import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class DatatypeFactoryTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void shouldNameTheJdkDatatypeFactorySoTimersDoNotSearchTheClassPath() throws DatatypeConfigurationException {
    assertThat(engine).isNotNull();
    assertThat(System.getProperty(EnginePlugin.DATATYPE_FACTORY)).isEqualTo(EnginePlugin.JDK_DATATYPE_FACTORY);
    // the named class is the one the search would have found: the timers' durations are computed as before
    assertThat(DatatypeFactory.newInstance().getClass().getName()).isEqualTo(EnginePlugin.JDK_DATATYPE_FACTORY);
    assertThat(DatatypeFactory.newInstance().newDuration("P3D").getDays()).isEqualTo(3);
  }
}
