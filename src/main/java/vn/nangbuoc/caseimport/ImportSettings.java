package vn.nangbuoc.caseimport;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of a list import (nangbuoc.import.*).
 *
 * @param startNowUpTo imports up to this many new children start their pathways before the page
 *     answers; larger ones start them in the background within seconds
 * @param previewKeptFor a preview not confirmed within this time expires and its typed details go
 * @param maxExpandedSize an XLSX whose parts would inflate past this size is refused before it is parsed
 */
@ConfigurationProperties("nangbuoc.import")
record ImportSettings(@DefaultValue("5MB") DataSize maxFileSize, @DefaultValue("20000") int maxRows,
    @DefaultValue("200") int startNowUpTo, @DefaultValue("P1D") Duration previewKeptFor,
    @DefaultValue("50MB") DataSize maxExpandedSize) {
}
