package org.ketamineclinic.fhir.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * One resource type's NDJSON output of one export: a resource per line (HAPI's compact JSON has no
 * line breaks of its own), rolled into a new file every {@code perFile} resources so that a client
 * can fetch and load a very large export in parts.
 */
final class ExportWriter implements AutoCloseable {

	private final Path directory;
	private final String resourceType;
	private final IParser parser;
	private final int perFile;
	private final List<ExportJobs.File> files = new ArrayList<>();
	private @Nullable Writer current;
	private @Nullable String currentName;
	private long currentCount;
	private long total;

	ExportWriter(Path directory, String resourceType, IParser parser, int perFile) {
		this.directory = directory;
		this.resourceType = resourceType;
		this.parser = parser;
		this.perFile = perFile;
	}

	void write(Resource resource) {
		try {
			if (current == null || currentCount == perFile) {
				roll();
			}
			Writer writer = current;
			parser.encodeResourceToWriter(resource, writer);
			writer.write('\n');
			currentCount++;
			total++;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	long total() {
		return total;
	}

	/** The files written, complete once {@link #close()} has run. */
	List<ExportJobs.File> files() {
		return files;
	}

	private void roll() throws IOException {
		finishCurrent();
		currentName = resourceType + "-" + (files.size() + 1) + ".ndjson";
		current = Files.newBufferedWriter(directory.resolve(currentName), StandardCharsets.UTF_8);
		currentCount = 0;
	}

	private void finishCurrent() throws IOException {
		if (current != null && currentName != null) {
			current.close();
			files.add(new ExportJobs.File(currentName, resourceType, currentCount, Files.size(directory.resolve(currentName))));
			current = null;
			currentName = null;
		}
	}

	@Override
	public void close() {
		try {
			finishCurrent();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
