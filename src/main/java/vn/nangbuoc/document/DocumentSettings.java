package vn.nangbuoc.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Limits of a case's documents (nangbuoc.documents.*). */
@ConfigurationProperties("nangbuoc.documents")
record DocumentSettings(@DefaultValue("10MB") DataSize maxFileSize) {
}
