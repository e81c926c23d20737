package org.ketamineclinic.evaluation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template (written as well-formed XHTML, no external resources) to PDF with
 * openhtmltopdf. Used for signed consent forms and the prior-authorisation summary.
 */
@Component
class PdfDocuments {

	private final ITemplateEngine templates;

	PdfDocuments(ITemplateEngine templates) {
		this.templates = templates;
	}

	byte[] render(String template, Map<String, Object> variables) {
		String html = templates.process(template, new Context(Locale.ENGLISH, variables));
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not render " + template + " as PDF", e);
		}
	}
}
