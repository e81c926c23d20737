package org.ketamineclinic.outcomes.research;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The de-identified research export as NDJSON (administrators only). */
@RestController
class ResearchExportApi {

	private final ResearchExport export;

	ResearchExportApi(ResearchExport export) {
		this.export = export;
	}

	@GetMapping("/api/v1/outcomes/research-export")
	ResponseEntity<String> export() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"outcomes-research.ndjson\"")
			.body(export.ndjson());
	}
}
