package vn.nangbuoc.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the engine's REST APIs and the product's JSON API take
 * (nangbuoc.request-body.*). Jersey's multipart reader and the JSON readers hold a whole body in
 * memory before any field limit applies, and spring.servlet.multipart does not reach them.
 *
 * @param maxSize any body to /engine-rest, /camunda/api or /api
 * @param maxDeploymentSize a deployment (models and forms, also zipped)
 */
@ConfigurationProperties("nangbuoc.request-body")
record RequestBodySettings(DataSize maxSize, DataSize maxDeploymentSize) {

  RequestBodySettings {
    maxSize = maxSize == null ? DataSize.ofMegabytes(1) : maxSize;
    maxDeploymentSize = maxDeploymentSize == null ? DataSize.ofMegabytes(10) : maxDeploymentSize;
  }
}
